"""Moderating what visitors send (reuse entries, mentoring answers and requests,
comments) from a snippet listing: tick, then approve, reject... One base action
serves every moderated model; each sub-app names its model, its statuses and its
success messages."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction


class ModerationStatus(models.TextChoices):
    """The status of what a visitor sends and a moderator reads (comments, reuse
    entries, mentoring answers and requests). The stored values are the same in
    every sub-app."""

    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")


#: The choices of a model whose records cannot be marked as spam (reuse entries,
#: mentoring submissions): a moderator approves or rejects them.
CHOICES_WITHOUT_SPAM = [choice for choice in ModerationStatus.choices if choice[0] != ModerationStatus.SPAM]


def set_status(record, status, now=None):
    """Gives ``record`` the ``status`` and the moderation time (a record's own
    ``moderate(status)`` wins, e.g. to act on approval), unless it has it already."""
    if record.status == status:
        return
    if hasattr(record, "moderate"):
        record.moderate(status)
        return
    record.status = status
    record.moderated_at = now or timezone.now()
    record.save(update_fields=["status", "moderated_at"])


class ModerationBulkAction(SnippetBulkAction):
    """A bulk action giving every ticked record ``status``; needs the model's
    ``change`` permission. Subclasses set ``models``, ``status`` and the labels."""

    template_name = "wagtail_reseau/contributions/admin/confirm_bulk_moderation.html"
    status = None

    def check_perm(self, record):
        meta = record._meta
        return self.request.user.has_perm(f"{meta.app_label}.change_{meta.model_name}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_title"] = self.display_name
        return context

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        now = timezone.now()
        for record in objects:
            set_status(record, cls.status, now)
        return len(objects), 0
