"""Admin: comments to moderate (pending first; approve, reject, mark as spam,
or approve and trust the address, one by one or ticked in bulk), the trusted
addresses, and the pages whose comments are closed. E-mail addresses only with
``reseau_comments.view_personal_data``. And the hook that takes a comment posted
on a page."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ..core.privacy.choosers import ListingPermissionChooserViewSet
from ..core.privacy.permissions import PersonalDataPermissionPolicy
from .bulk_actions import (
    ApproveCommentsBulkAction,
    RejectCommentsBulkAction,
    SpamCommentsBulkAction,
    TrustCommentsBulkAction,
)
from .editor import ToggleCommentsMenuItem, header_buttons, urlpatterns
from .models import Comment, CommentSettings, TrustedAddress
from .views import serve_with_comments

PERSONAL = "reseau_comments.view_personal_data"


class CommentViewSet(SnippetViewSet):
    # The chooser answers only those who may list the model (core/privacy/choosers.py).
    chooser_viewset_class = ListingPermissionChooserViewSet
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    list_display = ["display_name", "excerpt", "page", "status", "created_at"]
    list_filter = ["status"]
    ordering = ["-created_at"]
    search_fields = ["author_name", "body"]
    panels = [
        MultiFieldPanel([FieldPanel("status"), FieldPanel("page", read_only=True)], heading=_("Moderation")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("author_name"), FieldPanel("email", permission=PERSONAL)]),
                FieldPanel("body"),
            ],
            heading=_("The comment"),
        ),
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request) or Comment.objects.all()
        return queryset.select_related("page")


class TrustedAddressViewSet(SnippetViewSet):
    """Only with ``view_personal_data``: the addresses are personal data."""

    # The chooser answers only those who may list the model (core/privacy/choosers.py).
    chooser_viewset_class = ListingPermissionChooserViewSet

    model = TrustedAddress
    icon = "user"
    menu_label = _("Trusted addresses")
    list_display = ["email", "note", "added_at"]
    search_fields = ["email", "note"]
    panels = [FieldPanel("email"), FieldPanel("note")]


class CommentSettingsViewSet(SnippetViewSet):
    model = CommentSettings
    icon = "lock"
    menu_label = _("Closed comments")
    list_display = ["page", "closed"]
    panels = [FieldPanel("page"), FieldPanel("closed")]


class CommentsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Comments")
    menu_icon = "comment"
    menu_name = "reseau-comments"
    items = (CommentViewSet, TrustedAddressViewSet, CommentSettingsViewSet)


try:  # Wagtail 8: a model's policy is registered, not given by its view set
    from wagtail.permissions import register_permission_policy
except ImportError:  # Wagtail 7.4
    TrustedAddressViewSet.permission_policy = PersonalDataPermissionPolicy(TrustedAddress)
else:
    register_permission_policy(TrustedAddress, PersonalDataPermissionPolicy(TrustedAddress))

register_snippet(CommentsViewSetGroup)
for action in (ApproveCommentsBulkAction, TrustCommentsBulkAction, RejectCommentsBulkAction, SpamCommentsBulkAction):
    hooks.register("register_bulk_action", action)
# Inside Wagtail's own view-restriction check (order > 0).
hooks.register("on_serve_page", serve_with_comments, order=100)
# Closing a page's comments from its editor (action menu, header menu).
hooks.register("register_admin_urls", urlpatterns)
hooks.register("register_page_action_menu_item", ToggleCommentsMenuItem)
hooks.register("register_page_header_buttons", header_buttons)
