"""Admin: visitors' answers and requests (moderated: approve or reject from the
listing; contact only with ``view_personal_data``), agreements (status changes
follow the lifecycle; milestones inline), suggested pairs and the report."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ...core.privacy.choosers import ListingPermissionChooserViewSet
from . import admin_views
from .admin_forms import AgreementAdminForm
from .admin_panels import AgreementButtonPanel
from .bulk_actions import ApproveSubmissionsBulkAction, RejectSubmissionsBulkAction
from .models import Agreement, MentoringSubmission

PERSONAL = "reseau_mentoring.view_personal_data"


class SubmissionViewSet(SnippetViewSet):
    # The chooser answers only those who may list the model (core/privacy/choosers.py).
    chooser_viewset_class = ListingPermissionChooserViewSet
    model = MentoringSubmission
    icon = "mail"
    menu_label = _("Answers and requests")
    list_display = ["__str__", "kind", "page", "organisation_label", "territory", "status", "created_at"]
    list_filter = ["status", "kind"]
    ordering = ["status", "-created_at"]
    search_fields = ["organisation_name", "title", "message"]
    panels = [
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("moderator_comment"), FieldPanel("kind"), FieldPanel("page")],
            heading=_("Moderation"),
        ),
        AgreementButtonPanel(heading=_("Agreement")),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("organisation_name"),
                FieldPanel("title"),
                FieldPanel("message"),
                FieldPanel("domains"),
                FieldRowPanel([FieldPanel("territory"), FieldPanel("mentoring_format")]),
                FieldPanel("availability"),
            ],
            heading=_("The answer or request"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name", permission=PERSONAL),
                FieldRowPanel(
                    [FieldPanel("contact_email", permission=PERSONAL), FieldPanel("contact_phone", permission=PERSONAL)]
                ),
            ],
            heading=_("Contact"),
        ),
    ]


class AgreementViewSet(SnippetViewSet):
    # The chooser answers only those who may list the model (core/privacy/choosers.py).
    chooser_viewset_class = ListingPermissionChooserViewSet
    model = Agreement
    icon = "link"
    menu_label = _("Agreements")
    list_display = ["__str__", "status", "proposed_on", "started_on", "planned_end", "ended_on"]
    list_filter = ["status"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("offer"), FieldPanel("request")]), FieldPanel("submission")],
                heading=_("The pair"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel(
                        "status",
                        help_text=_("Proposed → accepted → under way → completed, or abandoned at any step."),
                    ),
                    FieldPanel("objectives"),
                    FieldRowPanel([FieldPanel("proposed_on"), FieldPanel("accepted_on"), FieldPanel("started_on")]),
                    FieldRowPanel([FieldPanel("planned_end"), FieldPanel("ended_on")]),
                ],
                heading=_("Lifecycle"),
            ),
            InlinePanel(
                "milestones", heading=_("Milestones (both sides are reminded on the day)"), label=_("Milestone")
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("mentor_name", permission=PERSONAL),
                            FieldPanel("mentor_email", permission=PERSONAL),
                        ]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("mentee_name", permission=PERSONAL),
                            FieldPanel("mentee_email", permission=PERSONAL),
                        ]
                    ),
                ],
                heading=_("Contacts"),
            ),
            MultiFieldPanel(
                [FieldPanel("mentor_report", read_only=True), FieldPanel("mentee_report", read_only=True)],
                heading=_("Closing reports (written by each side through its private link)"),
            ),
        ],
        base_form_class=AgreementAdminForm,
    )


class MentoringViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Mentoring")
    menu_icon = "group"
    menu_name = "reseau-mentoring"
    items = (SubmissionViewSet, AgreementViewSet)


register_snippet(MentoringViewSetGroup)
hooks.register("register_bulk_action", ApproveSubmissionsBulkAction)
hooks.register("register_bulk_action", RejectSubmissionsBulkAction)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("suggestions/", admin_views.suggestions_view, name="suggestions"),
        path("suggestions/agree/", admin_views.make_agreement_view, name="make_agreement"),
        path("answers/<int:pk>/agree/", admin_views.agreement_from_answer_view, name="agreement_from_answer"),
        path("report/", admin_views.report_view, name="report"),
    ]
    return [path("mentoring/", include((urls, "reseau_mentoring_admin")))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permissions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return any(request.user.has_perm(perm) for perm in self.permissions)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return PermissionMenuItem(
        _("Mentoring agreements"),
        reverse("reseau_mentoring_admin:report"),
        icon_name="link",
        permissions=(admin_views.VIEW, admin_views.CHANGE, admin_views.ADD),
    )


@hooks.register("register_admin_menu_item")
def register_suggestions_menu_item():
    return PermissionMenuItem(
        _("Suggested mentoring pairs"),
        reverse("reseau_mentoring_admin:suggestions"),
        icon_name="link",
        order=262,
        permissions=(admin_views.ADD,),
    )
