"""What a page says to search engines, social networks and feed readers.

``{% load reseau_seo %}``, then in the ``<head>``:

- ``{% reseau_json_ld page %}``: the page's schema.org JSON-LD;
- ``{% reseau_social_tags page %}``: its Open Graph and Twitter card tags;
- ``{% reseau_feed_links page %}``: ``<link rel="alternate">`` to the feeds of an index page.

``wagtail_reseau/includes/seo_head.html`` writes all three."""

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html_join

from ..seo.render import builder, json_ld_script, safely
from ..seo.social import social_tags

register = template.Library()


def _page(page):
    return getattr(page, "specific", page)


@register.simple_tag(takes_context=True)
def reseau_json_ld(context, page):
    if page is None:
        return ""
    data = safely(lambda p: builder(_page(p), context.get("request")).as_json_ld(), page)
    return json_ld_script(data) if data else ""


@register.simple_tag(takes_context=True)
def reseau_social_tags(context, page):
    if page is None:
        return ""
    tags = safely(lambda p: social_tags(builder(_page(p), context.get("request"))), page, default=[])
    return format_html_join("\n", '<meta {}="{}" content="{}">', tags)


@register.simple_tag(takes_context=True)
def reseau_feed_links(context, page):
    from ..seo.feeds import feed_links

    if page is None:
        return ""
    links = safely(lambda p: feed_links(_page(p), context.get("request")), page, default=[])
    if not links:
        return ""
    return render_to_string("wagtail_reseau/seo/feed_links.html", {"links": links})
