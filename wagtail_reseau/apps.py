from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailReseauConfig(AppConfig):
    name = "wagtail_reseau"
    label = "wagtail_reseau"
    verbose_name = _("Federation network")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers the settings checks (``manage.py check`` reports bad settings).
        from . import checks  # noqa: F401
        from .catalogue import indexing

        indexing.connect()
