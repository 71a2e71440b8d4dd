from django.apps import AppConfig


class TestAppConfig(AppConfig):
    name = "tests.testapp"
    label = "reseau_testapp"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import catalogue  # noqa: F401  (registers the facet and the page type)
