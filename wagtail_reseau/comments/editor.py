"""Closing or reopening a page's comments from where an editor works: a link in
the page editor's action menu (next to *Publish*) and in the page's header menu
("…", also in the page explorer), both leading to a confirmation page that
posts the state wanted (``close=1`` or ``0``, so a double submit is harmless)
to the page's ``CommentSettings``. The *Closed comments* admin listing stays.

Allowed to whoever may edit the page, or change the comment settings (the
moderators)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.widgets import Button
from wagtail.models import Page

from .models import CommentSettings

URL_NAME = "reseau_comments_toggle"
SETTINGS_PERMISSION = "reseau_comments.change_commentsettings"


def takes_comments(page):
    """Whether ``page`` is of a type that takes comments (a news item, a forum;
    a forum takes them once over and reported on, but may be closed before)."""
    from ..events.forums import ForumPage
    from ..news.models import NewsPage

    return issubclass(page.specific_class or Page, (NewsPage, ForumPage))


def may_toggle(page, user):
    return user.has_perm(SETTINGS_PERMISSION) or page.permissions_for_user(user).can_edit()


def is_closed(page):
    return CommentSettings.objects.filter(page_id=page.pk, closed=True).exists()


def toggle_url(page):
    return reverse(URL_NAME, args=[page.pk])


def _label(closed):
    return _("Reopen comments") if closed else _("Close comments")


def toggle_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not takes_comments(page):
        raise Http404
    if not may_toggle(page, request.user):
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    back = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    back = back or edit_url
    closed = is_closed(page)
    if request.method == "POST":
        # The form says which state it wants (not "the other one"): sent twice, it
        # stays as asked. Without a valid ``close``, nothing changes: ask again.
        wanted = request.POST.get("close")
        if wanted not in ("0", "1"):
            return redirect(f"{toggle_url(page)}?{urlencode({'next': back})}")
        if wanted == "0":
            CommentSettings.objects.filter(page_id=page.pk).delete()
            messages.success(request, _gettext("Comments are open again on '%(title)s'.") % {"title": page.title})
        else:
            CommentSettings.objects.update_or_create(page_id=page.pk, defaults={"closed": True})
            messages.success(
                request,
                _gettext("Comments are closed on '%(title)s': visitors see the approved ones, and no form.")
                % {"title": page.title},
            )
        return redirect(back)
    return TemplateResponse(
        request,
        "wagtail_reseau/comments/admin/toggle.html",
        {"page": page, "closed": closed, "action_label": _label(closed), "back": back, "edit_url": edit_url},
    )


def urlpatterns():
    return [path("reseau-comments/page/<int:page_id>/", toggle_view, name=URL_NAME)]


class ToggleCommentsMenuItem(ActionMenuItem):
    """In the page editor's action menu (a link: it saves nothing of the page)."""

    name = "action-reseau-comments"
    icon_name = "comment"
    order = 90

    def is_shown(self, context):
        page = context.get("page")
        if context.get("view") != "edit" or page is None or not takes_comments(page):
            return False
        return may_toggle(page, context["request"].user)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["label"] = _label(is_closed(parent_context["page"]))
        return context

    def get_url(self, parent_context):
        return toggle_url(parent_context["page"])


def header_buttons(page, user, view_name=None, next_url=None):
    """In the page's header menu ("…") of the editor and the explorer."""
    if page is None or not takes_comments(page) or not may_toggle(page, user):
        return []
    return [Button(_label(is_closed(page)), toggle_url(page), icon_name="comment", priority=75)]
