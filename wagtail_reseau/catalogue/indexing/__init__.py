"""Keeps the catalogue in step with the pages: publish, unpublish, delete, move,
translation, privacy change and vocabulary edits (``signals``, connected in
``apps.ready``), written to every engine (``updates``, ``writes``), with a
backlog for an engine that could not be reached (``backlog``)."""

from .backlog import BACKLOG_BATCH, BACKLOG_FLAG, backlog_pending, backlog_size, queue_backlog, replay_backlog
from .signals import connect
from .updates import index_page_ids, index_pages, index_subtree, update_engines
from .writes import build_documents, searchable_models, write_to_engine

__all__ = [
    "BACKLOG_BATCH",
    "BACKLOG_FLAG",
    "backlog_pending",
    "backlog_size",
    "build_documents",
    "connect",
    "index_page_ids",
    "index_pages",
    "index_subtree",
    "queue_backlog",
    "replay_backlog",
    "searchable_models",
    "update_engines",
    "write_to_engine",
]
