"""Pages (re)indexed in every engine; an engine that cannot be written to gets
the pages in its backlog instead."""

import logging

from wagtail.models import Page

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
        except Exception:
            logger.warning("The %s catalogue engine could not be updated.", engine.name, exc_info=True)
            queue_backlog(engine, [document.key for document in documents] + list(removed_keys))
        else:
            replay_backlog(engine)


def index_page_ids(page_ids):
    page_ids = list(page_ids)
    if page_ids:
        index_pages(Page.objects.filter(pk__in=page_ids).specific())


def index_subtree(page):
    """The page and its descendants: their URL or privacy depends on it."""
    index_pages(Page.objects.descendant_of(page, inclusive=True).type(*searchable_models()).specific())
