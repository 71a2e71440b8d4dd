"""Signal handlers: publish, unpublish, delete, move, slug change, privacy
change and vocabulary (terms, tags) edits queue the indexing of the pages
concerned for when the transaction commits. ``connect`` runs in ``apps.ready``."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from ..documents import page_key
from ..facets import VocabularyFacet, get_facets, invalidate_vocabulary_cache
from .updates import index_page_ids, index_subtree, update_engines
from .writes import searchable_models

logger = logging.getLogger(__package__)


def on_commit(function, *args):
    """Runs ``function`` once the change is committed. The change stands whatever
    happens to the index: a failure is logged (the pages wait in the backlog, or
    for ``reseau_catalogue_drift --repair``), never raised into the request that
    published."""
    transaction.on_commit(lambda: run_safely(function, *args))


def run_safely(function, *args):
    try:
        function(*args)
    except Exception:
        logger.exception("The catalogue could not be updated after a change (%s).", function.__name__)


# -- page events ----------------------------------------------------------------


def handle_page_published_or_unpublished(sender, instance, **kwargs):
    # Only the page itself: its descendants keep their URL and visibility.
    on_commit(index_page_ids, [instance.pk])


def handle_page_deleted(sender, instance, **kwargs):
    on_commit(update_engines, (), [page_key(instance.pk)])


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


def vocabulary_facets():
    return [facet for facet in get_facets().values() if isinstance(facet, VocabularyFacet)]


def pages_using_term(term):
    """Ids of pages classified with ``term`` (through every vocabulary facet on its
    model), a term of the same slug in another language (pages keep their
    source's terms) or one of its descendants."""
    page_ids = set()
    models = searchable_models()
    for facet in vocabulary_facets():
        if isinstance(term, facet.get_model()):
            page_ids |= facet.pages_using(term, models)
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
    for model in {facet.get_model() for facet in vocabulary_facets()}:
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
