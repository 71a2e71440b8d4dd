"""Approve or reject visitors' answers and requests from the admin listing."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .models import MentoringSubmission, SubmissionStatus


class ModerateSubmissionsBulkAction(SnippetBulkAction):
    models = [MentoringSubmission]
    template_name = "wagtail_reseau/contributions/admin/confirm_bulk_moderation.html"
    status = SubmissionStatus.APPROVED

    def check_perm(self, submission):
        return self.request.user.has_perm("reseau_mentoring.change_mentoringsubmission")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_title"] = self.display_name
        return context

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for submission in objects:
            if submission.status != cls.status:
                submission.moderate(cls.status)
        return len(objects), 0


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
