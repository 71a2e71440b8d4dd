"""After an import commits: Wagtail's search index learns the new and changed
pages of one model, in batches (the catalogue's side is
``catalogue.indexing.batches.index_page_ids``, which each domain calls: core
imports no catalogue code).

A failure never undoes the import: the pages then wait for Wagtail's
``update_index``."""

import logging

logger = logging.getLogger(__name__)
BATCH = 500


def index_in_wagtail_search(model, page_ids, prefetch=()):
    from wagtail.search.backends import get_search_backends

    page_ids = list(page_ids)
    try:
        for start in range(0, len(page_ids), BATCH):
            pages = list(model.objects.filter(pk__in=page_ids[start : start + BATCH]).prefetch_related(*prefetch))
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, pages)
    except Exception:
        logger.warning("Imported pages could not be added to Wagtail's search index.", exc_info=True)
