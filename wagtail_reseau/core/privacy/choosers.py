"""The snippet chooser of a model that holds personal data or unmoderated
submissions: its views answer only those who may list the model.

Wagtail's snippet chooser (the modal, its results, "chosen") checks no read
permission: any admin user could list comments waiting for moderation, trusted
addresses, proposals or mentoring submissions through it, although the model's
own listing refuses them. A ``SnippetViewSet`` of such a model sets
``chooser_viewset_class = ListingPermissionChooserViewSet``."""

import functools

from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail.snippets.views.chooser import SnippetChooserViewSet

#: What Wagtail's own listing of a model asks for (any one of them).
LISTING_ACTIONS = ["add", "change", "delete", "view"]


def may_list(user, model):
    """Whether ``user`` may open the model's listing in the admin, by the snippet
    view set's permission policy (``PersonalDataPermissionPolicy`` for personal
    data: ``view_personal_data`` first)."""
    viewset = getattr(model, "snippet_viewset", None)
    if viewset is None or not (user and user.is_active):
        return False
    return viewset.permission_policy.user_has_any_permission(user, LISTING_ACTIONS)


class ListingPermissionChooserViewSet(SnippetChooserViewSet):
    def get_urlpatterns(self):
        return [
            path(str(pattern.pattern), self._guarded(pattern.callback), name=pattern.name)
            for pattern in super().get_urlpatterns()
        ]

    def _guarded(self, view):
        model = self.model

        @functools.wraps(view)
        def guarded(request, *args, **kwargs):
            if not may_list(request.user, model):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded
