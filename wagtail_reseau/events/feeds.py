"""The feed of upcoming forums and workshops, the soonest first."""

from django.db.models.functions import Coalesce
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from ..seo.feeds import PageFeed, register_feed
from ..seo.schema import field_text
from .forums import ForumIndexPage, ForumPage


@register_feed
class UpcomingForumFeed(PageFeed):
    key = "forums"
    model = ForumPage
    index_model = ForumIndexPage
    feed_title = _("Upcoming forums")
    feed_description = _("The forums and workshops to come, the soonest first.")

    def get_queryset(self, scope):
        return (
            super()
            .get_queryset(scope)
            .annotate(finishes=Coalesce("end", "start"))
            .filter(finishes__gte=timezone.now())
            .order_by("start")
        )

    def item_description(self, item):
        when = formats.date_format(timezone.localtime(item.start), "DATETIME_FORMAT")
        where = item.venue_name or (str(item.get_attendance_mode_display()) if item.attendance_mode else "")
        summary = field_text(item, "search_description") or field_text(item, "summary")
        return " – ".join(part for part in (when, where, summary) if part)
