"""Pages turned into catalogue documents, and written to one engine."""

import logging

from ..document_types import document_types
from ..documents import build_document, page_key

logger = logging.getLogger(__package__)


def searchable_models():
    return [document_type.get_model() for document_type in document_types().values()]


def build_documents(pages, restricted_paths=None):
    """``(documents, keys of documents to remove)`` for the given pages
    (``restricted_paths``: ``restricted_page_paths()`` read once for many pages)."""
    documents, removed = [], []
    for page in pages:
        page = page.specific
        try:
            document = build_document(page, restricted_paths)
        except Exception:  # a faulty page (or host adapter) must not break publishing
            logger.warning("Page %s could not be turned into a catalogue document.", page.pk, exc_info=True)
            document = None
        if document is None:
            removed.append(page_key(page.pk))
        else:
            documents.append(document)
    return documents, removed


def write_to_engine(engine, documents=(), removed_keys=()):
    if removed_keys:
        engine.remove_documents(list(removed_keys))
    if documents:
        engine.index_documents(documents)
