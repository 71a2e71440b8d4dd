from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    name = "wagtail_reseau.practices.contributions"
    label = "reseau_contributions"
    verbose_name = _("Contributions to the practices")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ...core.page_actions import register_page_action
        from ...core.privacy.retention import register_retention
        from . import documents, notifications, views
        from .models import Proposal, Reuse

        register_retention(Proposal, "PROPOSAL_RETENTION_MONTHS", default_months=24)
        register_retention(Reuse, "REUSE_RETENTION_MONTHS", default_months=36)
        notifications.connect()
        documents.connect()
        register_page_action("practices.propose", views.propose)
        register_page_action("practices.proposal_sent", views.proposal_sent)
        register_page_action("practices.reuse", views.reuse)
        register_page_action("practices.approved_reuses", views.approved_reuses)
