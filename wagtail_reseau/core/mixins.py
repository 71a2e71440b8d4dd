"""Abstract behaviour shared by the page types, so a host site can build its own
page types on the same ground (``class MyIndexPage(IndexPageMixin, Page)``)."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from ..conf import reseau_settings
from .i18n import active_locale, localize_all


class IndexPageMixin(models.Model):
    """An index page that lists its live, public children of one type, paginated."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    #: The page model listed by this index; set by each concrete index page.
    listing_model = None
    #: Ordering of the listing.
    listing_ordering = ("title",)
    #: Relations the cards show, read with the listing rather than once a card:
    #: foreign keys (``select_related``), many-valued relations (``prefetch_related``),
    #: and the foreign keys to translatable objects shown in the visitor's language,
    #: translated for the whole page of cards at once (``prepare_listing``).
    listing_select_related = ()
    listing_prefetch_related = ()
    listing_localized_relations = ()

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
            .select_related(*self.listing_select_related)
            .prefetch_related(*self.listing_prefetch_related)
        )

    def prepare_listing(self, pages):
        """The cards' pages with ``listing_localized_relations`` in the visitor's language,
        in one query per relation whatever the number of cards (held in memory only)."""
        pages = list(pages)
        locale = active_locale() if self.listing_localized_relations else None
        for name in self.listing_localized_relations:
            owners = [page for page in pages if getattr(page, name) is not None]
            translated = localize_all([getattr(page, name) for page in owners], locale)
            for page, related in zip(owners, translated, strict=True):
                setattr(page, name, related)
        return pages

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.get_listing_queryset(), reseau_settings.ITEMS_PER_PAGE)
        # get_page() falls back to the first or last page on bad input: no 404, no 500.
        items = paginator.get_page(request.GET.get("page"))
        items.object_list = self.prepare_listing(items.object_list)
        context["items"] = items
        context["paginator"] = paginator
        return context
