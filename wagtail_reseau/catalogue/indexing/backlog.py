"""The backlog of an engine that could not be written to: the pages it missed,
written in their current state once it answers again. Replayed after each
successful write (``update_engines``) and by the ``reseau_catalogue_catch_up``
and ``reseau_catalogue_drift`` commands; never during a visitor's search."""

import logging

from django.core.cache import cache
from wagtail.models import Page

from .writes import build_documents, write_to_engine

logger = logging.getLogger(__package__)

BACKLOG_FLAG = "wagtail_reseau:catalogue:backlog:{engine}"
BACKLOG_BATCH = 500


def queue_backlog(engine, page_ids):
    from ..models import CatalogueBacklog

    page_ids = set(page_ids)
    if not page_ids:
        return
    try:
        for page_id in page_ids:
            CatalogueBacklog.objects.update_or_create(engine=engine.name, page_id=page_id)
        cache.set(BACKLOG_FLAG.format(engine=engine.name), True, None)
    except Exception:  # the database itself failing is not this function's to report
        logger.exception("Pages %s could not be queued for the %s catalogue engine.", sorted(page_ids), engine.name)


def backlog_pending(engine):
    """Cheap check (the cache) whether the engine may have a backlog."""
    return bool(cache.get(BACKLOG_FLAG.format(engine=engine.name)))


def replay_backlog(engine, limit=BACKLOG_BATCH):
    """Writes the current state of the pages the engine missed; returns how many.
    ``limit=None`` replays the whole backlog."""
    from ..models import CatalogueBacklog

    flag = BACKLOG_FLAG.format(engine=engine.name)
    rows = list(CatalogueBacklog.objects.filter(engine=engine.name).order_by("queued_at")[:limit])
    if not rows:
        cache.delete(flag)
        return 0
    documents, removed = build_documents(Page.objects.filter(pk__in=[row.page_id for row in rows]).specific())
    removed += [row.page_id for row in rows if row.page_id not in {doc.page_id for doc in documents} | set(removed)]
    try:
        write_to_engine(engine, documents, removed)
    except Exception:
        logger.warning("The %s catalogue engine still cannot be updated.", engine.name, exc_info=True)
        return 0
    # Rows queued again meanwhile (a newer change) stay for the next replay.
    for row in rows:
        CatalogueBacklog.objects.filter(pk=row.pk, queued_at=row.queued_at).delete()
    logger.info("The %s catalogue engine caught up with %d pages.", engine.name, len(rows))
    return len(rows)


def backlog_size(engine):
    from ..models import CatalogueBacklog

    return CatalogueBacklog.objects.filter(engine=engine.name).count()
