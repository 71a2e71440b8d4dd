"""The feed of news items and residents' initiatives, newest first."""

from django.utils.translation import gettext_lazy as _

from ..seo.feeds import PageFeed, local_midnight, register_feed
from ..seo.schema import field_text
from .models import NewsIndexPage, NewsPage


@register_feed
class NewsFeed(PageFeed):
    key = "news"
    model = NewsPage
    index_model = NewsIndexPage
    feed_title = _("News")
    feed_description = _("The news of the network and residents' initiatives.")

    def get_queryset(self, scope):
        return super().get_queryset(scope).order_by("-date", "-first_published_at")

    def item_description(self, item):
        return field_text(item, "search_description") or field_text(item, "intro")

    def item_pubdate(self, item):
        published = item.first_published_at
        if published is not None and published.date() == item.date:
            return published
        return local_midnight(item.date)

    def item_author_name(self, item):
        return item.author_name or None
