"""Keeps the catalogue in step with the pages: publish, unpublish, delete, move,
translation, privacy change and vocabulary edits. Connected in ``apps.ready``."""

import logging

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from .documents import build_document, document_types
from .engines import indexing_engines
from .facets import invalidate_vocabulary_cache

logger = logging.getLogger(__name__)

VOCABULARY_RELATIONS = {
    "DomainOfAction": "domains",
    "Territory": "territories",
    "Audience": "audiences",
}


def searchable_models():
    return [document_type.get_model() for document_type in document_types().values()]


def index_pages(pages):
    """(Re)indexes the given pages in every engine: documents for the searchable
    ones, removal for the others (draft, private, expired, not a catalogue type)."""
    documents, removed = build_documents(pages)
    update_engines(documents, removed)
    return len(documents), len(removed)


def build_documents(pages):
    """``(documents, ids of pages to remove)`` for the given pages."""
    documents, removed = [], []
    for page in pages:
        page = page.specific
        try:
            document = build_document(page)
        except Exception:  # a faulty page (or host adapter) must not break publishing
            logger.warning("Page %s could not be turned into a catalogue document.", page.pk, exc_info=True)
            document = None
        if document is None:
            removed.append(page.pk)
        else:
            documents.append(document)
    return documents, removed


def update_engines(documents=(), removed_page_ids=()):
    """Writes to every engine. An engine that cannot be reached must not block
    publishing: the pages go to its backlog, written as soon as it answers again."""
    for engine in indexing_engines():
        try:
            write_to_engine(engine, documents, removed_page_ids)
        except Exception:
            logger.warning("The %s catalogue engine could not be updated.", engine.name, exc_info=True)
            queue_backlog(engine, [document.page_id for document in documents] + list(removed_page_ids))
        else:
            replay_backlog(engine)


def write_to_engine(engine, documents=(), removed_page_ids=()):
    if removed_page_ids:
        engine.remove_pages(list(removed_page_ids))
    if documents:
        engine.index_documents(documents)


# -- the backlog of an engine that was unreachable -------------------------------

BACKLOG_FLAG = "wagtail_reseau:catalogue:backlog:{engine}"
BACKLOG_BATCH = 500


def queue_backlog(engine, page_ids):
    from .models import CatalogueBacklog

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
    Runs after each successful write and after a search that reached the engine."""
    from .models import CatalogueBacklog

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


def index_page_ids(page_ids):
    page_ids = list(page_ids)
    if page_ids:
        index_pages(Page.objects.filter(pk__in=page_ids).specific())


def index_subtree(page):
    """The page and its descendants: their URL or privacy depends on it."""
    index_pages(Page.objects.descendant_of(page, inclusive=True).type(*searchable_models()).specific())


def on_commit(function, *args):
    transaction.on_commit(lambda: function(*args))


# -- page events ----------------------------------------------------------------


def handle_page_published_or_unpublished(sender, instance, **kwargs):
    # Only the page itself: its descendants keep their URL and visibility.
    on_commit(index_page_ids, [instance.pk])


def handle_page_deleted(sender, instance, **kwargs):
    on_commit(update_engines, (), [instance.pk])


def reindex_subtree_of(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        index_subtree(page)


def handle_page_moved_or_renamed(sender, instance, **kwargs):
    """A move or a new slug changes the URLs of the whole subtree."""
    on_commit(reindex_subtree_of, instance.pk)


def handle_restriction_changed(sender, instance, **kwargs):
    """Privacy applies to the whole subtree."""
    on_commit(reindex_subtree_of, instance.page_id)


# -- vocabulary events --------------------------------------------------------


def pages_using_term(term):
    """Ids of pages classified with ``term`` or a term of the same slug in another
    language (pages keep their source's terms)."""
    relation = VOCABULARY_RELATIONS.get(type(term).__name__)
    page_ids = set()
    for model in searchable_models():
        if relation and hasattr(model, relation):
            field = model._meta.get_field(relation)
            through = field.remote_field.through
            target = field.m2m_reverse_field_name()
            source = field.m2m_field_name()
            page_ids.update(
                through.objects.filter(**{f"{target}__slug": term.slug}).values_list(f"{source}_id", flat=True)
            )
        if type(term).__name__ == "OrganisationType" and hasattr(model, "organisation_type"):
            page_ids.update(model.objects.filter(organisation_type__slug=term.slug).values_list("pk", flat=True))
    descendants = getattr(term, "children", None)
    if descendants is not None:
        for child in descendants.all():
            page_ids.update(pages_using_term(child))
    return page_ids


def handle_term_saved(sender, instance, created, **kwargs):
    invalidate_vocabulary_cache()
    if created:
        return
    # Renaming relabels through the cache; a new slug or parent changes stored values.
    on_commit(index_page_ids, pages_using_term(instance))


def handle_term_pre_delete(sender, instance, **kwargs):
    instance._reseau_pages = pages_using_term(instance)


def handle_term_deleted(sender, instance, **kwargs):
    invalidate_vocabulary_cache()
    on_commit(index_page_ids, getattr(instance, "_reseau_pages", ()))


def pages_tagged(tag):
    page_ids = set()
    for model in searchable_models():
        if hasattr(model, "tags"):
            page_ids.update(model.objects.filter(tags__pk=tag.pk).values_list("pk", flat=True))
    return page_ids


def handle_tag_saved(sender, instance, created, **kwargs):
    if not created:
        on_commit(index_page_ids, pages_tagged(instance))


def handle_tag_pre_delete(sender, instance, **kwargs):
    instance._reseau_pages = pages_tagged(instance)


def handle_tag_deleted(sender, instance, **kwargs):
    on_commit(index_page_ids, getattr(instance, "_reseau_pages", ()))


def connect():
    from taggit.models import Tag

    from ..taxonomy.models import Audience, DomainOfAction, OrganisationType, Territory

    page_published.connect(handle_page_published_or_unpublished, dispatch_uid="wagtail_reseau_published")
    page_unpublished.connect(handle_page_published_or_unpublished, dispatch_uid="wagtail_reseau_unpublished")
    page_slug_changed.connect(handle_page_moved_or_renamed, dispatch_uid="wagtail_reseau_slug_changed")
    post_delete.connect(handle_page_deleted, sender=Page, dispatch_uid="wagtail_reseau_page_deleted")
    for model in searchable_models():
        post_delete.connect(handle_page_deleted, sender=model, dispatch_uid=f"wagtail_reseau_deleted_{model.__name__}")
    from wagtail.signals import post_page_move

    post_page_move.connect(handle_page_moved_or_renamed, dispatch_uid="wagtail_reseau_page_moved")
    post_save.connect(handle_restriction_changed, sender=PageViewRestriction, dispatch_uid="wagtail_reseau_restriction")
    post_delete.connect(
        handle_restriction_changed, sender=PageViewRestriction, dispatch_uid="wagtail_reseau_restriction_deleted"
    )
    for model in (DomainOfAction, Territory, Audience, OrganisationType):
        post_save.connect(handle_term_saved, sender=model, dispatch_uid=f"wagtail_reseau_term_saved_{model.__name__}")
        pre_delete.connect(
            handle_term_pre_delete, sender=model, dispatch_uid=f"wagtail_reseau_term_pre_delete_{model.__name__}"
        )
        post_delete.connect(
            handle_term_deleted, sender=model, dispatch_uid=f"wagtail_reseau_term_deleted_{model.__name__}"
        )
    post_save.connect(handle_tag_saved, sender=Tag, dispatch_uid="wagtail_reseau_tag_saved")
    pre_delete.connect(handle_tag_pre_delete, sender=Tag, dispatch_uid="wagtail_reseau_tag_pre_delete")
    post_delete.connect(handle_tag_deleted, sender=Tag, dispatch_uid="wagtail_reseau_tag_deleted")
