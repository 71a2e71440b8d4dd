"""Approve or reject reuse entries from the admin listing (tick, then act):
each entry is saved, so an approved one reindexes its practice (``notifications``)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .models import Reuse, ReuseStatus


class ModerateReusesBulkAction(SnippetBulkAction):
    models = [Reuse]
    template_name = "wagtail_reseau/contributions/admin/confirm_bulk_moderation.html"
    status = ReuseStatus.APPROVED

    def check_perm(self, reuse):
        return self.request.user.has_perm("reseau_contributions.change_reuse")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_title"] = self.display_name
        return context

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        now = timezone.now()
        for reuse in objects:
            if reuse.status != cls.status:
                reuse.status = cls.status
                reuse.moderated_at = now
                reuse.save(update_fields=["status", "moderated_at"])
        return len(objects), 0


class ApproveReusesBulkAction(ModerateReusesBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve reuse entries")
    action_priority = 10
    status = ReuseStatus.APPROVED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d reuse entry approved.", "%(count)d reuse entries approved.", num_parent_objects
        ) % {"count": num_parent_objects}


class RejectReusesBulkAction(ModerateReusesBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject reuse entries")
    action_priority = 20
    status = ReuseStatus.REJECTED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d reuse entry rejected.", "%(count)d reuse entries rejected.", num_parent_objects
        ) % {"count": num_parent_objects}
