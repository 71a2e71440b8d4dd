"""Comments in the page templates (``wagtail_reseau.comments``; nothing when that
app is not installed)::

    {% load reseau_comments %}
    {% comment_section page %}          {# the comments, the form #}
    {% comment_count item as count %}   {# in a listing: one query for all its cards #}
"""

from django import template
from django.apps import apps
from django.template.loader import render_to_string

register = template.Library()

INSTALLED = "wagtail_reseau.comments"


@register.simple_tag(takes_context=True)
def comment_section(context, page):
    if page is None or not apps.is_installed(INSTALLED):
        return ""
    from ..comments.display import section_context

    request = context.get("request")
    section = section_context(page, request)
    if section is None:
        return ""
    return render_to_string("wagtail_reseau/comments/section.html", section, request=request)


@register.simple_tag(takes_context=True)
def comment_count(context, item):
    """The approved comments of ``item``; counted once for every page of the
    listing being rendered (the ``pages`` of card_list.html)."""
    if item is None or not getattr(item, "pk", None) or not apps.is_installed(INSTALLED):
        return 0
    from ..comments.display import count_for

    request = context.get("request")
    cache = getattr(request, "_reseau_comment_counts", None)
    if cache is None:
        cache = {}
        if request is not None:
            request._reseau_comment_counts = cache
    try:
        pages = list(context.get("pages") or [])
    except TypeError:
        pages = []
    return count_for(item, pages, cache)
