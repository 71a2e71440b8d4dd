from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "example_site.demo"
    label = "reseau_demo"
    verbose_name = "wagtail-reseau demo content"
    default_auto_field = "django.db.models.BigAutoField"
