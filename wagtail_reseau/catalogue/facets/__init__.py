"""The catalogue's facets: one class per kind (``base.Facet`` and its subclasses),
instances in a registry (``registry``). Engines, queries and results ask each
facet what to do; none of them knows a facet by its key."""

from .base import Facet, sort_key
from .builtin import (
    BUILTIN_FACETS,
    WHEN_LABELS,
    WHEN_MARKER,
    WHEN_PAST,
    WHEN_UPCOMING,
    ContentTypeFacet,
    TagFacet,
    WhenFacet,
    YearFacet,
)
from .registry import facet_choices, get_facet, get_facets, register_facet, stored_facet_keys, unregister_facet
from .vocabulary import (
    Term,
    VocabularyFacet,
    ancestors_of,
    invalidate_vocabulary_cache,
    vocabulary_terms,
    vocabulary_version,
    vocabulary_version_read,
)

for _facet in BUILTIN_FACETS:
    register_facet(_facet)

__all__ = [
    "BUILTIN_FACETS",
    "WHEN_LABELS",
    "WHEN_MARKER",
    "WHEN_PAST",
    "WHEN_UPCOMING",
    "ContentTypeFacet",
    "Facet",
    "TagFacet",
    "Term",
    "VocabularyFacet",
    "WhenFacet",
    "YearFacet",
    "ancestors_of",
    "facet_choices",
    "get_facet",
    "get_facets",
    "invalidate_vocabulary_cache",
    "register_facet",
    "sort_key",
    "stored_facet_keys",
    "unregister_facet",
    "vocabulary_terms",
    "vocabulary_version",
    "vocabulary_version_read",
]
