"""Abstract behaviour shared by the page types, so a host site can build its own
page types on the same ground (``class MyIndexPage(IndexPageMixin, Page)``)."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from ..conf import reseau_settings


class IndexPageMixin(models.Model):
    """An index page that lists its live, public children of one type, paginated."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    #: The page model listed by this index; set by each concrete index page.
    listing_model = None
    #: Ordering of the listing.
    listing_ordering = ("title",)

    search_fields = [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True

    def get_listing_queryset(self):
        model = self.listing_model
        return (
            model.objects.child_of(self)
            .live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by(*self.listing_ordering)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.get_listing_queryset(), reseau_settings.ITEMS_PER_PAGE)
        # get_page() falls back to the first or last page on bad input: no 404, no 500.
        context["items"] = paginator.get_page(request.GET.get("page"))
        context["paginator"] = paginator
        return context
