"""Approve or reject reuse entries from the admin listing (tick, then act):
each entry is saved, so an approved one reindexes its practice (``notifications``)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ...core.privacy.moderation import ModerationBulkAction
from .models import Reuse, ReuseStatus


class ModerateReusesBulkAction(ModerationBulkAction):
    models = [Reuse]


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
