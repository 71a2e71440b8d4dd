"""The backlog of an engine that could not be written to: the documents it missed,
written in their current state once it answers again. Replayed after each
successful write (``update_engines``) and by the ``reseau_catalogue_catch_up``
and ``reseau_catalogue_drift`` commands; never during a visitor's search."""

import logging

from django.core.cache import cache
from wagtail.models import Page

from ...core.transactions import write_transaction
from ..documents import page_id_of
from .writes import build_documents, write_to_engine

logger = logging.getLogger(__package__)

BACKLOG_FLAG = "wagtail_reseau:catalogue:backlog:{engine}"
BACKLOG_BATCH = 500


def queue_backlog(engine, keys):
    """Remembers the documents (their keys) that ``engine`` missed. One short
    transaction that takes SQLite's write lock first, so that a busy database
    is waited for (the busy timeout) rather than failing at once."""
    from ..models import CatalogueBacklog

    keys = set(keys)
    if not keys:
        return
    try:
        with write_transaction(CatalogueBacklog):
            for key in keys:
                CatalogueBacklog.objects.update_or_create(engine=engine.name, key=key)
        cache.set(BACKLOG_FLAG.format(engine=engine.name), True, None)
    except Exception:  # the database itself failing is not this function's to report
        logger.exception("Documents %s could not be queued for the %s catalogue engine.", sorted(keys), engine.name)


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
    page_ids = [page_id for page_id in (page_id_of(row.key) for row in rows) if page_id is not None]
    documents, removed = build_documents(Page.objects.filter(pk__in=page_ids).specific())
    # What no page gives any more (a page deleted meanwhile): removed from the engine.
    written = {document.key for document in documents} | set(removed)
    removed += [row.key for row in rows if row.key not in written]
    try:
        write_to_engine(engine, documents, removed)
    except Exception:
        logger.warning("The %s catalogue engine still cannot be updated.", engine.name, exc_info=True)
        return 0
    # Rows queued again meanwhile (a newer change) stay for the next replay.
    with write_transaction(CatalogueBacklog):
        for row in rows:
            CatalogueBacklog.objects.filter(pk=row.pk, queued_at=row.queued_at).delete()
    logger.info("The %s catalogue engine caught up with %d pages.", engine.name, len(rows))
    return len(rows)


def backlog_size(engine):
    from ..models import CatalogueBacklog

    return CatalogueBacklog.objects.filter(engine=engine.name).count()
