from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "wagtail_reseau.comments"
    label = "reseau_comments"
    verbose_name = _("Comments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ..core.privacy.retention import register_retention
        from .models import Comment

        register_retention(Comment, "COMMENT_RETENTION_MONTHS", default_months=24)
