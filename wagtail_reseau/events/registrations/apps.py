from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "wagtail_reseau.events.registrations"
    label = "reseau_registrations"
    verbose_name = _("Registrations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ...core.page_actions import register_page_action
        from . import pages, panels, signals

        panels.add_question_panels()
        signals.connect()
        register_page_action("events.registration_context", pages.registration_context)
