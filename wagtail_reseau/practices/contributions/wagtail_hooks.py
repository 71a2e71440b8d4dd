"""Admin: the reuse log (moderated: pending entries first, approve or reject,
staff can record one) and the proposals (read only: moderators review the draft
page itself, in its workflow, and its files through ``review.py``). Contact data
only with ``view_personal_data``."""

from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet, SnippetViewSetGroup

from ...core.privacy.choosers import ListingPermissionChooserViewSet
from ...core.privacy.permissions import PersonalDataPermissionPolicy
from . import review
from .bulk_actions import ApproveReusesBulkAction, RejectReusesBulkAction
from .models import Proposal, Reuse

PERSONAL = "reseau_contributions.view_personal_data"


class ReuseViewSet(SnippetViewSet):
    # The chooser answers only those who may list the model (core/privacy/choosers.py).
    chooser_viewset_class = ListingPermissionChooserViewSet
    model = Reuse
    icon = "repeat"
    menu_label = _("Reuses of practices")
    list_display = ["practice", "organisation_label", "territory", "started_on", "status", "created_at"]
    list_filter = ["status", "recorded_by_staff"]
    ordering = ["status", "-created_at"]
    search_fields = ["organisation_name", "adaptation", "result"]
    panels = [
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("practice")],
            heading=_("Moderation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("organisation_name"),
                FieldRowPanel([FieldPanel("territory"), FieldPanel("started_on")]),
                FieldPanel("adaptation"),
                FieldPanel("result"),
                FieldPanel("recorded_by_staff"),
            ],
            heading=_("The reuse"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("contact_name", permission=PERSONAL),
                        FieldPanel("contact_email", permission=PERSONAL),
                    ]
                )
            ],
            heading=_("Contact"),
        ),
    ]


class ProposalInspectView(InspectView):
    """The proposal's answers, and a link to the files it still holds privately."""

    def get_field_label(self, field_name, field):
        if field_name == "sent_files":
            return _("Files sent")
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        if field_name != "sent_files":
            return super().get_field_display_value(field_name, field)
        count = len(review.pending_files(self.object))
        if not count:
            return "-"
        label = ngettext(
            "%(count)s file, private until publication", "%(count)s files, private until publication", count
        ) % {"count": count}
        return format_html('<a href="{}">{}</a>', review.files_url(self.object), label)


class ProposalViewSet(SnippetViewSet):
    """Read only, and only with ``view_personal_data``: the answers and contact
    of each proposal, its status and its draft page."""

    # The chooser answers only those who may list the model (core/privacy/choosers.py).
    chooser_viewset_class = ListingPermissionChooserViewSet

    model = Proposal
    icon = "clipboard-list"
    menu_label = _("Practice proposals")
    list_display = ["title", "status", "contact_name", "organisation_name", "created_at", "page"]
    list_filter = ["status"]
    inspect_view_enabled = True
    inspect_view_class = ProposalInspectView
    inspect_view_fields = [
        "title",
        "status",
        "page",
        "sent_files",
        "index",
        "contact_name",
        "contact_email",
        "organisation_name",
        "data",
        "consent_version",
        "consent_text",
        "consented_at",
        "submitted_at",
        "decided_at",
        "moderator_comment",
    ]

    panels = [FieldPanel("moderator_comment")]


class ContributionsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Contributions")
    menu_icon = "group"
    menu_name = "reseau-contributions"
    items = (ReuseViewSet, ProposalViewSet)


try:  # Wagtail 8: a model's policy is registered, not given by its view set
    from wagtail.permissions import register_permission_policy
except ImportError:  # Wagtail 7.4
    ProposalViewSet.permission_policy = PersonalDataPermissionPolicy(Proposal)
else:
    register_permission_policy(Proposal, PersonalDataPermissionPolicy(Proposal))

register_snippet(ContributionsViewSetGroup)
hooks.register("register_bulk_action", ApproveReusesBulkAction)
hooks.register("register_bulk_action", RejectReusesBulkAction)
hooks.register("register_page_header_buttons", review.header_buttons)


@hooks.register("register_admin_urls")
def proposal_file_urls():
    return [
        path(
            "reseau-contributions/proposals/<int:proposal_id>/files/",
            review.proposal_files,
            name="reseau_contributions_proposal_files",
        ),
        path(
            "reseau-contributions/proposals/<int:proposal_id>/files/<int:file_id>/",
            review.proposal_file,
            name="reseau_contributions_proposal_file",
        ),
    ]
