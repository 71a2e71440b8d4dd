"""Structured data of pages that belong to no one domain: every index page (the
package's and a host's built on ``IndexPageMixin``) is a ``CollectionPage`` of
its items; a catalogue is a ``SearchResultsPage``."""

from ..catalogue.pages import CataloguePage
from ..core.mixins import IndexPageMixin
from .builders import IndexStructuredData, PageStructuredData
from .registry import register_structured_data

register_structured_data(IndexPageMixin, IndexStructuredData)


@register_structured_data(CataloguePage)
class CatalogueStructuredData(PageStructuredData):
    page_type = "SearchResultsPage"
