"""The "Create an agreement" button in the edit view of an approved answer. It
sits inside Wagtail's edit form, so it posts that form (with its CSRF token) to
its own address (``formaction``): no form nested in a form."""

from django.urls import reverse
from wagtail.admin.panels import Panel

from .models import SubmissionKind, SubmissionStatus

ADD = "reseau_mentoring.add_agreement"


class AgreementButtonPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_reseau/mentoring/admin/agreement_button_panel.html"

        def is_shown(self):
            submission = self.instance
            return bool(
                submission is not None
                and submission.pk
                and submission.kind == SubmissionKind.ANSWER
                and submission.status == SubmissionStatus.APPROVED
                and submission.page_id
                and self.request.user.has_perm(ADD)
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            submission = self.instance
            context["action"] = reverse("reseau_mentoring_admin:agreement_from_answer", args=[submission.pk])
            context["existing"] = submission.agreements.order_by("pk").first()
            return context
