from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "wagtail_reseau.events.registrations"
    label = "reseau_registrations"
    verbose_name = _("Registrations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import panels, signals

        panels.add_question_panels()
        signals.connect()
