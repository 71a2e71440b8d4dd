"""Many pages of one model (re)indexed at once, after an import commits: in
batches with their relations prefetched (the path of a rebuild), not one page at
a time as a publish does. A batch that fails waits in every engine's backlog
(``reseau_catalogue_catch_up``, ``reseau_catalogue_drift --repair``): nothing
here raises, and an import is never undone by its indexing."""

import logging

from django.db.models import Prefetch

from ..document_types import document_type_for
from ..documents import _relations_read, page_key, restricted_page_paths
from ..relations import PREFETCHED_ATTRIBUTE
from .updates import queue_everywhere, update_engines
from .writes import build_documents

logger = logging.getLogger(__package__)

#: Pages read, built and written at a time.
BATCH = 500


def index_page_ids(model, page_ids, progress=None):
    """(Re)indexes the pages of ``model`` whose ids are ``page_ids`` in every
    engine: documents for the searchable ones, removal for the others.
    ``progress.update(n)`` is called after each batch (a progress bar)."""
    document_type = document_type_for(model())
    if document_type is None:
        return
    page_ids = list(page_ids)
    selected, prefetched = _relations_read(document_type, model)
    related = [Prefetch(name, to_attr=PREFETCHED_ATTRIBUTE % name) for name in prefetched]
    restricted = restricted_page_paths()
    for start in range(0, len(page_ids), BATCH):
        batch = page_ids[start : start + BATCH]
        try:
            pages = model.objects.filter(pk__in=batch).select_related(*selected).prefetch_related(*related)
            documents, removed = build_documents(pages, restricted)
            update_engines(documents, removed)
        except Exception:
            logger.warning("Imported pages could not be indexed in the catalogue.", exc_info=True)
            queue_everywhere([page_key(pk) for pk in batch])
        if progress is not None:
            progress.update(len(batch))
