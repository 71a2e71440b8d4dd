"""After an import commits: the catalogue and Wagtail's search index learn the
new and changed organisations, in batches (``catalogue.indexing.batches`` and
``core/importing/indexing.py``).

A failure never undoes the import: the pages then wait in the catalogue's
backlog (``reseau_catalogue_catch_up``, ``reseau_catalogue_drift --repair``),
or for Wagtail's ``update_index``."""

from ...catalogue.indexing.batches import index_page_ids
from ...core.importing import indexing as _shared
from ..models import OrganisationPage

SEARCH_PREFETCH = ("domains", "territories", "audiences")


def index_imported_pages(page_ids, progress=None):
    page_ids = list(page_ids)
    index_in_catalogue(page_ids, progress)
    index_in_wagtail_search(page_ids)


def index_in_catalogue(page_ids, progress=None):
    index_page_ids(OrganisationPage, page_ids, progress)


def index_in_wagtail_search(page_ids):
    _shared.index_in_wagtail_search(OrganisationPage, page_ids, SEARCH_PREFETCH)
