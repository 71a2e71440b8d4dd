"""Facets over a vocabulary model (domains of action, territories, audiences,
organisation types...): any translatable model with ``slug``, ``name``,
``locale`` and, for a tree, ``parent``. Their labels and trees are read on every
search: cached, under a version that changes whenever a term is saved or deleted."""

import contextlib
import threading
from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from wagtail.models import Locale

from ...core.cache_versions import bump_cache_version, cache_version
from .base import Facet

VOCABULARY_CACHE_VERSION_KEY = "wagtail_reseau:catalogue:vocabulary-version"
VOCABULARY_CACHE_TIMEOUT = 300


_pinned = threading.local()


def vocabulary_version():
    """A token that changes whenever a term is saved or deleted. Random, not a
    counter: after a cache flush no process can mistake old terms for current."""
    pinned = getattr(_pinned, "version", None)
    if pinned is not None:
        return pinned
    return cache_version(VOCABULARY_CACHE_VERSION_KEY)


@contextlib.contextmanager
def vocabulary_version_read(version):
    """Within the block, on this thread, the terms are those of ``version`` (as
    ``vocabulary_version()`` gave it just before): building a batch of documents
    reads the shared cache for the version once, not twice per page."""
    previous = getattr(_pinned, "version", None)
    _pinned.version = version
    try:
        yield
    finally:
        _pinned.version = previous


def invalidate_vocabulary_cache():
    bump_cache_version(VOCABULARY_CACHE_VERSION_KEY)


@dataclass(frozen=True)
class Term:
    slug: str
    label: str
    parent: str | None


_local_terms = {}


def _remember(key, terms):
    if len(_local_terms) > 64:  # old versions: forget them all
        _local_terms.clear()
    _local_terms[key] = terms


def vocabulary_terms(facet, language_code):
    """``{slug: Term}`` of a vocabulary facet, labelled in ``language_code``.

    A term not yet translated into that language keeps the label of the default
    language (pages are classified with the source's terms: slugs are shared)."""
    key = f"wagtail_reseau:catalogue:terms:{facet.key}:{language_code}:{vocabulary_version()}"
    # Kept in this process too: the shared cache says which version is current,
    # and unpickling the terms at every call was a fifth of a rebuild's time.
    terms = _local_terms.get(key)
    if terms is not None:
        return terms
    terms = cache.get(key)
    if terms is not None:
        _remember(key, terms)
        return terms
    default_locale_id = Locale.get_default().pk
    parent = "parent__slug" if facet.hierarchical else "slug"
    rows = facet.get_model().objects.values_list("slug", "name", "locale__language_code", "locale_id", parent)
    best = {}
    for slug, name, code, locale_id, parent_slug in rows:
        rank = 0 if code == language_code else 1 if locale_id == default_locale_id else 2
        if slug not in best or rank < best[slug][0]:
            best[slug] = (rank, name, parent_slug if facet.hierarchical else None)
    terms = {slug: Term(slug, name, parent_slug) for slug, (_rank, name, parent_slug) in best.items()}
    cache.set(key, terms, VOCABULARY_CACHE_TIMEOUT)
    _remember(key, terms)
    return terms


def ancestors_of(terms, slug):
    """Slugs of the ancestors of ``slug``, from the root down (cycles are cut)."""
    chain = []
    parent = terms[slug].parent if slug in terms else None
    while parent and parent in terms and parent not in chain and len(chain) < 10:
        chain.append(parent)
        parent = terms[parent].parent
    return list(reversed(chain))


#: ``{(facet key, language code): (the terms they come from, (labels, parents))}``
_LOOKUPS = {}


class VocabularyFacet(Facet):
    """The terms a page is classified with through ``relation`` (a many-to-many
    field or a foreign key to ``model``, "app_label.ModelName")."""

    def __init__(self, key, label, *, model, relation, hierarchical=False, in_text=False, position=None):
        super().__init__(key, label, position=position)
        self.model = model
        self.relation = relation
        self.relations = (relation,)
        self.hierarchical = hierarchical
        #: The names of the page's terms are searchable text of the page.
        self.in_text = in_text

    def get_model(self):
        return apps.get_model(self.model)

    def _page_terms(self, page):
        from ..relations import related_objects

        if not hasattr(page, self.relation):
            return []
        field = page._meta.get_field(self.relation)
        if field.many_to_many:
            return related_objects(page, self.relation) or []
        term = getattr(page, self.relation)
        return [term] if term is not None else []

    def document_values(self, page, document):
        slugs = [term.slug for term in self._page_terms(page)]
        if not self.hierarchical:
            return set(slugs)
        terms = vocabulary_terms(self, document.language_code)
        values = set()
        for slug in slugs:
            values.add(slug)
            values.update(ancestors_of(terms, slug))
        return values

    def document_text(self, page, document):
        return [term.name for term in self._page_terms(page)] if self.in_text else []

    def allowed_values(self, candidates, scope):
        terms = vocabulary_terms(self, scope.language_code)
        return {value for value in candidates if value in terms}

    def _lookups(self, language_code):
        """``({slug: label}, {slug: parent slug})``, shared by every search (not to be
        modified), derived once from each version of the terms."""
        terms = vocabulary_terms(self, language_code)
        known = _LOOKUPS.get((self.key, language_code))
        if known is not None and known[0] is terms:
            return known[1]
        lookups = (
            {slug: term.label for slug, term in terms.items()},
            {slug: term.parent for slug, term in terms.items() if term.parent},
        )
        _LOOKUPS[(self.key, language_code)] = (terms, lookups)
        return lookups

    def labels(self, scope, stored_labels):
        return self._lookups(scope.language_code)[0]

    def parents(self, scope):
        return self._lookups(scope.language_code)[1]

    def pages_using(self, term, page_models):
        """Ids of the pages of ``page_models`` classified with ``term``, a term of the
        same slug in another language (pages keep their source's terms) or, in a
        tree, a descendant of it."""
        slugs = {term.slug}
        if self.hierarchical:
            model = self.get_model()
            frontier = {term.slug}
            while frontier:
                frontier = set(model.objects.filter(parent__slug__in=frontier).values_list("slug", flat=True)) - slugs
                slugs |= frontier
        page_ids = set()
        for page_model in page_models:
            if hasattr(page_model, self.relation):
                page_ids.update(
                    page_model.objects.filter(**{f"{self.relation}__slug__in": slugs}).values_list("pk", flat=True)
                )
        return page_ids
