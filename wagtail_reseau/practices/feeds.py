"""The feed of good practices, most recently published first."""

from django.utils.translation import gettext_lazy as _

from ..seo.feeds import PageFeed, register_feed
from ..seo.schema import field_text
from .models import GoodPracticeIndexPage, GoodPracticePage


@register_feed
class GoodPracticeFeed(PageFeed):
    key = "practices"
    model = GoodPracticePage
    index_model = GoodPracticeIndexPage
    feed_title = _("Good practices")
    feed_description = _("The good practices of the network, most recent first.")

    def get_queryset(self, scope):
        return super().get_queryset(scope).order_by("-first_published_at")

    def item_description(self, item):
        return field_text(item, "search_description") or field_text(item, "summary") or field_text(item, "what")
