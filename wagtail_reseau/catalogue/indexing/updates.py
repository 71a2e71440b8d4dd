"""Pages (re)indexed in every engine; an engine that cannot be written to gets
the pages in its backlog instead. Nothing here raises: indexing runs after the
commit that published, and must never turn a publish into an error."""

import logging

from wagtail.models import Page

from ..documents import page_key
from ..engines import indexing_engines
from .backlog import queue_backlog, replay_backlog
from .writes import build_documents, searchable_models, write_to_engine

logger = logging.getLogger(__package__)


def index_pages(pages):
    """(Re)indexes the given pages in every engine: documents for the searchable
    ones, removal for the others (draft, private, expired, not a catalogue type)."""
    documents, removed = build_documents(pages)
    update_engines(documents, removed)
    return len(documents), len(removed)


def update_engines(documents=(), removed_keys=()):
    """Writes to every engine. An engine that cannot be reached must not block
    publishing: the documents go to its backlog, written as soon as it answers again."""
    for engine in indexing_engines():
        try:
            write_to_engine(engine, documents, removed_keys)
        except Exception:  # unreachable, or SQLite's "database is locked" past the busy timeout
            logger.warning("The %s catalogue engine could not be updated.", engine.name, exc_info=True)
            queue_backlog(engine, [document.key for document in documents] + list(removed_keys))
            continue
        try:
            replay_backlog(engine)
        except Exception:  # the backlog stays for the next write or the catch-up command
            logger.warning("The backlog of the %s catalogue engine could not be replayed.", engine.name, exc_info=True)


def queue_everywhere(keys):
    for engine in indexing_engines():
        queue_backlog(engine, keys)


def index_page_ids(page_ids):
    """(Re)indexes the pages of these ids; if they cannot even be read (a locked
    database), they go to every engine's backlog."""
    page_ids = list(page_ids)
    if not page_ids:
        return
    try:
        pages = list(Page.objects.filter(pk__in=page_ids).specific())
        documents, removed = build_documents(pages)
    except Exception:
        logger.warning("Pages %s could not be read for the catalogue.", page_ids, exc_info=True)
        queue_everywhere([page_key(page_id) for page_id in page_ids])
        return
    update_engines(documents, removed)


def index_subtree(page):
    """The page and its descendants: their URL or privacy depends on it."""
    index_pages(Page.objects.descendant_of(page, inclusive=True).type(*searchable_models()).specific())
