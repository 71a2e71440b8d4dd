from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    name = "wagtail_reseau.practices.contributions"
    label = "reseau_contributions"
    verbose_name = _("Contributions to the practices")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ...core.privacy.retention import register_retention
        from . import notifications
        from .models import Proposal, Reuse

        register_retention(Proposal, "PROPOSAL_RETENTION_MONTHS", default_months=24)
        register_retention(Reuse, "REUSE_RETENTION_MONTHS", default_months=36)
        notifications.connect()
