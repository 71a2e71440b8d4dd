"""What a page's comment section and the listings' cards show: approved
comments only, never an e-mail address."""

from django.db.models import Count, Prefetch
from wagtail.models import Page

from .forms import PREFIX, CommentForm
from .models import Comment, CommentStatus
from .views import FORM_ATTRIBUTE, accepts_comments, comments_closed


def approved_thread(page):
    """The approved comments of ``page`` (oldest first), each with its approved
    replies in ``approved_replies``; the e-mail address is not even read."""
    replies = Comment.objects.approved().defer("email").order_by("created_at", "pk")
    return list(
        Comment.objects.approved()
        .filter(page_id=page.pk, parent__isnull=True)
        .defer("email")
        .order_by("created_at", "pk")
        .prefetch_related(Prefetch("replies", queryset=replies, to_attr="approved_replies"))
    )


def _int(value):
    try:
        number = int(str(value or "").strip())
    except ValueError:
        return None
    return number if 0 < number < 2**63 else None


def section_context(page, request):
    """The context of ``wagtail_reseau/comments/section.html``, or None when the
    page takes no comments."""
    page = page.specific
    if not accepts_comments(page):
        return None
    comments = approved_thread(page)
    form = getattr(request, FORM_ATTRIBUTE, None) if request is not None else None
    if form is not None and form.page is not None and form.page.pk != page.pk:
        form = None
    if form is not None:
        reply_id = _int(form.data.get(f"{PREFIX}-parent"))
    else:
        reply_id = _int(request.GET.get("reply_to")) if request is not None else None
    reply_to = next((comment for comment in comments if comment.pk == reply_id), None)
    if form is None:
        form = CommentForm(
            page=page, request=request, locale=page.locale, initial={"parent": reply_id if reply_to else None}
        )
    outcome = request.GET.get("comment") if request is not None else None
    return {
        "page": page,
        "request": request,
        "comments": comments,
        "count": len(comments) + sum(len(comment.approved_replies) for comment in comments),
        "form": form,
        "reply_to": reply_to,
        "closed": comments_closed(page),
        "outcome": outcome if outcome in ("held", "published") else None,
        "action": request.path if request is not None else page.url,
    }


def _may_have_comments(page):
    """False for a page of a known type that takes no comments (an upcoming
    forum, a practice); True for a generic ``Page`` (its type is not read)."""
    if type(page) is Page or not isinstance(page, Page):
        return True
    return accepts_comments(page)


def count_for(item, pages=None, cache=None):
    """The number of approved comments of ``item``; with ``pages`` (the listing it
    belongs to) and a ``cache`` dict, one query for the whole listing."""
    if cache is None:
        cache = {}
    if item.pk not in cache:
        if not _may_have_comments(item):
            return 0  # an upcoming forum (the home page's "coming up"): no query
        ids = {item.pk}
        if pages is not None:
            ids.update(page.pk for page in pages if getattr(page, "pk", None) and _may_have_comments(page))
        ids -= set(cache)
        counts = dict(
            Comment.objects.filter(page_id__in=ids, status=CommentStatus.APPROVED)
            .values_list("page_id")
            .annotate(n=Count("pk"))
            .values_list("page_id", "n")
        )
        for page_id in ids:
            cache[page_id] = counts.get(page_id, 0)
    return cache[item.pk]
