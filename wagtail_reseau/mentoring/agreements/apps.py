from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringAgreementsConfig(AppConfig):
    name = "wagtail_reseau.mentoring.agreements"
    label = "reseau_mentoring"
    verbose_name = _("Mentoring in operation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ...core.page_actions import register_page_action
        from ...core.privacy.retention import register_retention
        from . import outcome, views
        from .models import Agreement, MentoringSubmission

        register_retention(MentoringSubmission, "MENTORING_RETENTION_MONTHS", default_months=24)
        register_retention(Agreement, "MENTORING_AGREEMENT_RETENTION_MONTHS", default_months=36)
        register_page_action("mentoring.post_request", views.post_request)
        register_page_action("mentoring.closing_report", views.closing_report)
        register_page_action("mentoring.answer", views.answer)
        outcome.connect()
