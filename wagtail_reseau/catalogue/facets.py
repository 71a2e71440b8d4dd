"""The catalogue's facets: their keys (GET parameter names), labels and kinds,
and the labels of their values in the active language."""

import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


@dataclass(frozen=True)
class Facet:
    key: str
    label: str
    #: "vocabulary" (a snippet model), "type", "tag", "year" or "when".
    kind: str
    #: For vocabulary facets: "app_label.ModelName".
    model: str = ""
    hierarchical: bool = False

    def get_model(self):
        from django.apps import apps

        return apps.get_model(self.model) if self.model else None


FACETS = {
    facet.key: facet
    for facet in (
        Facet("domain", _("Domain of action"), "vocabulary", "wagtail_reseau.DomainOfAction", hierarchical=True),
        Facet("territory", _("Territory"), "vocabulary", "wagtail_reseau.Territory", hierarchical=True),
        Facet("audience", _("Audience"), "vocabulary", "wagtail_reseau.Audience"),
        Facet("organisation_type", _("Organisation type"), "vocabulary", "wagtail_reseau.OrganisationType"),
        Facet("type", _("Content type"), "type"),
        Facet("tag", _("Tag"), "tag"),
        Facet("year", _("Year"), "year"),
        Facet("when", _("Upcoming or past"), "when"),
    )
}

FACET_CHOICES = [(key, facet.label) for key, facet in FACETS.items()]

WHEN_UPCOMING = "upcoming"
WHEN_PAST = "past"
WHEN_LABELS = {WHEN_UPCOMING: _("Upcoming"), WHEN_PAST: _("Past")}

# Vocabulary labels and trees are read on every search: they are cached, and the
# cache version changes whenever a term is saved or deleted (see indexing.py).
VOCABULARY_CACHE_VERSION_KEY = "wagtail_reseau:catalogue:vocabulary-version"
VOCABULARY_CACHE_TIMEOUT = 300


def vocabulary_version():
    """A token that changes whenever a term is saved or deleted. Random, not a
    counter: after a cache flush no process can mistake old terms for current."""
    version = cache.get(VOCABULARY_CACHE_VERSION_KEY)
    if version is None:
        cache.add(VOCABULARY_CACHE_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VOCABULARY_CACHE_VERSION_KEY)
    return version


def invalidate_vocabulary_cache():
    cache.set(VOCABULARY_CACHE_VERSION_KEY, uuid.uuid4().hex, None)


@dataclass(frozen=True)
class Term:
    slug: str
    label: str
    parent: str | None


def vocabulary_terms(facet, language_code):
    """``{slug: Term}`` for a vocabulary facet, labelled in ``language_code``.

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
    model = facet.get_model()
    default_locale_id = Locale.get_default().pk
    rows = model.objects.values_list("slug", "name", "locale__language_code", "locale_id", "parent__slug" if facet.hierarchical else "slug")
    best = {}
    for slug, name, code, locale_id, parent in rows:
        rank = 0 if code == language_code else 1 if locale_id == default_locale_id else 2
        if slug not in best or rank < best[slug][0]:
            best[slug] = (rank, name, parent if facet.hierarchical else None)
    terms = {slug: Term(slug, name, parent) for slug, (_rank, name, parent) in best.items()}
    cache.set(key, terms, VOCABULARY_CACHE_TIMEOUT)
    _remember(key, terms)
    return terms


_local_terms = {}


def _remember(key, terms):
    if len(_local_terms) > 64:  # old versions: forget them all
        _local_terms.clear()
    _local_terms[key] = terms


def ancestors_of(terms, slug):
    """Slugs of the ancestors of ``slug``, from the root down (cycles are cut)."""
    chain = []
    parent = terms[slug].parent if slug in terms else None
    while parent and parent in terms and parent not in chain and len(chain) < 10:
        chain.append(parent)
        parent = terms[parent].parent
    return list(reversed(chain))
