"""After an import commits: the catalogue and Wagtail's search index learn the
new and changed pages of one model, in batches with their relations prefetched
(the path of the catalogue's rebuild), not one page at a time as a publish does.

A failure never undoes the import: the pages then wait in the catalogue's
backlog (``reseau_catalogue_catch_up``, ``reseau_catalogue_drift --repair``),
or for Wagtail's ``update_index``."""

import logging

from django.db.models import Prefetch

logger = logging.getLogger(__name__)
BATCH = 500


def index_imported_pages(model, page_ids, progress=None, search_prefetch=()):
    page_ids = list(page_ids)
    index_in_catalogue(model, page_ids, progress)
    index_in_wagtail_search(model, page_ids, search_prefetch)


def index_in_catalogue(model, page_ids, progress=None):
    from ...catalogue.document_types import document_type_for
    from ...catalogue.documents import _relations_read, build_document, page_key, restricted_page_paths
    from ...catalogue.indexing.updates import queue_everywhere, update_engines
    from ...catalogue.relations import PREFETCHED_ATTRIBUTE

    document_type = document_type_for(model())
    if document_type is None:
        return
    selected, prefetched = _relations_read(document_type, model)
    related = [Prefetch(name, to_attr=PREFETCHED_ATTRIBUTE % name) for name in prefetched]
    restricted = restricted_page_paths()
    for start in range(0, len(page_ids), BATCH):
        batch = page_ids[start : start + BATCH]
        try:
            pages = model.objects.filter(pk__in=batch).select_related(*selected).prefetch_related(*related)
            documents, removed = [], []
            for page in pages:
                document = build_document(page, restricted)
                if document is None:
                    removed.append(page_key(page.pk))
                else:
                    documents.append(document)
            update_engines(documents, removed)
        except Exception:
            logger.warning("Imported pages could not be indexed in the catalogue.", exc_info=True)
            queue_everywhere([page_key(pk) for pk in batch])
        if progress is not None:
            progress.update(len(batch))


def index_in_wagtail_search(model, page_ids, prefetch=()):
    from wagtail.search.backends import get_search_backends

    try:
        for start in range(0, len(page_ids), BATCH):
            pages = list(model.objects.filter(pk__in=page_ids[start : start + BATCH]).prefetch_related(*prefetch))
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, pages)
    except Exception:
        logger.warning("Imported pages could not be added to Wagtail's search index.", exc_info=True)
