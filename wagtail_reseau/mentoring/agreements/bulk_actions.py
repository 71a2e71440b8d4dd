"""Approve or reject visitors' answers and requests from the admin listing."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ...core.privacy.moderation import ModerationBulkAction
from .models import MentoringSubmission, SubmissionStatus


class ModerateSubmissionsBulkAction(ModerationBulkAction):
    models = [MentoringSubmission]


class ApproveSubmissionsBulkAction(ModerateSubmissionsBulkAction):
    display_name = _("Approve")
    action_type = "approve_mentoring"
    aria_label = _("Approve answers and requests")
    action_priority = 10
    status = SubmissionStatus.APPROVED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d entry approved.", "%(count)d entries approved.", num_parent_objects) % {
            "count": num_parent_objects
        }


class RejectSubmissionsBulkAction(ModerateSubmissionsBulkAction):
    display_name = _("Reject")
    action_type = "reject_mentoring"
    aria_label = _("Reject answers and requests")
    action_priority = 20
    status = SubmissionStatus.REJECTED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d entry rejected.", "%(count)d entries rejected.", num_parent_objects) % {
            "count": num_parent_objects
        }
