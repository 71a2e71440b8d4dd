"""Posting a comment: the form posts to the page itself. A hook of Wagtail's
page serving (``on_serve_page``, inside the view-restriction check) takes a POST
carrying the comment button, saves the comment and redirects back (so a reload
sends nothing twice), or serves the page again with the form, its errors and
everything typed."""

from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from ..core.privacy.notifications import notify_moderators
from .forms import SUBMIT_NAME, CommentForm
from .models import CommentSettings, CommentStatus, TrustedAddress

#: The request attribute the page's comment section reads its bound form from.
FORM_ATTRIBUTE = "reseau_comment_form"


def accepts_comments(page):
    """News items, and forums once past and reported on."""
    from ..events.forums import ForumPage
    from ..news.models import NewsPage

    if isinstance(page, NewsPage):
        return True
    if isinstance(page, ForumPage):
        return page.has_report and not page.is_upcoming
    return False


def comments_closed(page):
    return CommentSettings.objects.filter(page_id=page.pk, closed=True).exists()


def _restricted(page, request):
    return any(not restriction.accept_request(request) for restriction in page.get_view_restrictions())


def post_comment(page, request):
    """Returns the response to a comment posted on ``page``, or None when the
    request is not one (the page answers as usual)."""
    if request.method != "POST" or SUBMIT_NAME not in request.POST:
        return None
    page = page.specific
    if not page.live or not accepts_comments(page) or _restricted(page, request):
        return None
    form = CommentForm(request.POST, request=request, page=page, locale=page.locale)
    if comments_closed(page):
        form.is_closed = True
        form.unsent_body = request.POST.get(form.add_prefix("body"), "")
        setattr(request, FORM_ATTRIBUTE, form)
        return None, 403
    if not form.is_valid():
        setattr(request, FORM_ATTRIBUTE, form)
        return None, 429 if form.rate_limited else 400
    comment = form.save(commit=False)
    comment.page = page
    comment.parent = form.cleaned_data.get("parent")
    comment.language_code = get_language() or ""
    if TrustedAddress.is_trusted(comment.email):
        comment.status = CommentStatus.APPROVED
        comment.moderated_at = timezone.now()
    else:
        comment.status = CommentStatus.PENDING
    form.apply_consent(comment)
    comment.save()
    if comment.status == CommentStatus.PENDING:
        listing = reverse("wagtailsnippets_reseau_comments_comment:list") + "?status=pending"
        summary = f"“{page.title}” — {comment}"
        transaction.on_commit(lambda: notify_moderators("comment", comment, listing, summary=summary))
    outcome = "published" if comment.status == CommentStatus.APPROVED else "held"
    anchor = f"comment-{comment.pk}" if outcome == "published" else "comments"
    return _see_other(f"{request.path}?comment={outcome}#{anchor}")


def _see_other(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def serve_with_comments(serve_chain):
    """The ``on_serve_page`` hook."""

    def inner(page, request, args, kwargs):
        result = post_comment(page, request)
        if result is None:
            return serve_chain(page, request, args, kwargs)
        if isinstance(result, tuple):
            response = serve_chain(page, request, args, kwargs)
            response.status_code = result[1]
            response["Cache-Control"] = "private, no-store"
            return response
        return result

    return inner
