"""The result of one search, the same object rendered as HTML or JSON: hits,
facets with counts (labelled, sorted, as trees), active filters, ignored input."""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .document_types import document_types
from .facets import get_facets
from .text import fold, query_words, tokens

EXTRACT_LENGTH = 240
#: Characters folded at a time while looking for the first match to highlight.
HIGHLIGHT_CHUNK = 500


@dataclass
class Hit:
    page_id: int
    title: str
    url: str
    type: str
    type_label: str
    summary: str
    highlight: str
    date: object

    def as_dict(self):
        return {
            "id": self.page_id,
            "title": self.title,
            "url": self.url,
            "type": self.type,
            "type_label": str(self.type_label),
            "summary": self.summary,
            "highlight": str(self.highlight),
            "date": self.date.isoformat() if self.date else None,
        }


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    children: list = field(default_factory=list)

    def as_dict(self):
        return {
            "value": self.value,
            "label": str(self.label),
            "count": self.count,
            "selected": self.selected,
            "children": [child.as_dict() for child in self.children],
        }


@dataclass
class FacetResult:
    key: str
    label: str
    values: list
    shown: int
    hierarchical: bool = False

    @property
    def selected_count(self):
        return sum(1 for value in self.walk() if value.selected)

    def walk(self):
        stack = list(self.values)
        while stack:
            value = stack.pop(0)
            yield value
            stack[0:0] = value.children

    @property
    def first_values(self):
        return self.values[: self.shown]

    @property
    def more_values(self):
        return self.values[self.shown :]


@dataclass
class ActiveFilter:
    facet: str
    facet_label: str
    value: str
    label: str
    remove_querystring: str


@dataclass
class Suggestion:
    """For an empty result: what removing one part of the query would give."""

    label: str
    total: int
    querystring: str


@dataclass
class CatalogueResult:
    query: object
    scope: object
    total: int
    page: int
    num_pages: int
    hits: list
    facets: list
    active_filters: list
    ignored: list
    suggestions: list = field(default_factory=list)
    #: Shown discreetly when the configured engine could not answer (fallback).
    notice: str = ""
    #: A corrected search text proposed for a misspelled query, or "".
    did_you_mean: str = ""

    def as_dict(self):
        return {
            "count": self.total,
            "page": self.page,
            "num_pages": self.num_pages,
            "results": [hit.as_dict() for hit in self.hits],
            "facets": {facet.key: [value.as_dict() for value in facet.values] for facet in self.facets},
            "ignored": [item.as_dict() for item in self.ignored],
            "did_you_mean": {"text": self.did_you_mean, "querystring": self.did_you_mean_querystring}
            if self.did_you_mean
            else None,
            "notice": str(self.notice),
        }

    @property
    def did_you_mean_querystring(self):
        return self.query.querystring(text=self.did_you_mean, selections=self.query.selections)

    @property
    def clear_filters_querystring(self):
        """Keeps the text and the sort, drops every filter."""
        return self.query.querystring(selections=())

    @property
    def first_rank(self):
        return (self.page - 1) * self.scope.page_size + 1

    @property
    def has_previous(self):
        return self.page > 1

    @property
    def has_next(self):
        return self.page < self.num_pages

    def page_querystring(self, number):
        return self.query.querystring(page=number, selections=self.query.selections)

    @property
    def previous_querystring(self):
        return self.page_querystring(self.page - 1)

    @property
    def next_querystring(self):
        return self.page_querystring(self.page + 1)


def _folds_char_by_char(text):
    """Whether every character of ``text`` folds to exactly one character, so that
    offsets in ``fold(text)`` are offsets in ``text`` (not so with a ligature or a
    decomposed accent; comparing lengths would miss one of each)."""
    return text.isascii() or all(len(fold(char)) == 1 for char in set(text) if not char.isascii())


def _first_match(text, words):
    """Offset in ``text`` of the first of ``words`` (folded), -1 if none, None if
    offsets cannot be had there (see ``_folds_char_by_char``). Folds the text a
    chunk at a time and stops at the first chunk holding a match."""
    overlap = max(len(word) for word in words) - 1
    for position in range(0, len(text), HIGHLIGHT_CHUNK):
        piece = text[position : position + HIGHLIGHT_CHUNK + overlap]
        if not _folds_char_by_char(piece):
            return None
        folded = fold(piece)
        # A match starting in the overlap may be preceded by a longer one cut off
        # at the end of the piece: the next chunk holds both.
        found = [offset for offset in (folded.find(word) for word in words) if 0 <= offset < HIGHLIGHT_CHUNK]
        if found:
            return position + min(found)
    return -1


def highlight(text, query_text, language_code=None):
    """An extract of ``text`` around the first query word, every character of the
    content escaped, the matching words wrapped in ``<mark>``: a query word
    anywhere, and, in ``language_code``, a word starting with a query word's stem
    (the word that matched: "formation" for "formations"). Only the text up to
    the first match and the extract are folded, not the whole text."""
    text = text or ""
    words = [word for word in tokens(query_text) if len(word) > 1]
    stems = []
    if language_code and words:
        stems = [word.stem for word in query_words(query_text, language_code) if len(word.stem) > 1]
        stems = [stem for stem in dict.fromkeys(stems) if stem not in words]
    first = _first_match(text, words + stems) if words else -1
    start = max(0, first - EXTRACT_LENGTH // 3) if first is not None and first > 0 else 0
    extract = text[start : start + EXTRACT_LENGTH]
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + EXTRACT_LENGTH < len(text) else ""
    if not words or first is None or not _folds_char_by_char(extract):
        return mark_safe(escape(prefix + extract + suffix))
    folded_extract = fold(extract)
    alternatives = ["|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))]
    if stems:
        by_length = sorted(stems, key=len, reverse=True)
        alternatives.append(r"\b(?:" + "|".join(re.escape(stem) for stem in by_length) + r")\w*")
    pattern = re.compile("|".join(alternatives))
    pieces, last = [], 0
    for found in pattern.finditer(folded_extract):
        pieces.append(escape(extract[last : found.start()]))
        pieces.append("<mark>" + escape(extract[found.start() : found.end()]) + "</mark>")
        last = found.end()
    pieces.append(escape(extract[last:]))
    return mark_safe(escape(prefix) + "".join(pieces) + escape(suffix))


def _facet_values(facet, scope, query, counts, labels):
    selected = set(query.selected(facet.key))
    shown = facet.shown_values({value for value, count in counts.items() if count > 0}, scope) | selected

    def make(value):
        return FacetValue(
            value=value,
            label=labels.get(value, value),
            count=counts.get(value, 0),
            selected=value in selected,
        )

    def ordered(values):
        return sorted(values, key=facet.sort_key)

    if not facet.hierarchical:
        return ordered([make(value) for value in shown])
    parents = facet.parents(scope)
    nodes = {value: make(value) for value in shown}
    roots = []
    for value, node in nodes.items():
        parent = parents.get(value)
        # Attach to the nearest shown ancestor (a parent always counts its children).
        while parent and parent not in nodes and parent in labels:
            parent = parents.get(parent)
        if parent and parent in nodes:
            nodes[parent].children.append(node)
        else:
            roots.append(node)
    for node in nodes.values():
        node.children = ordered(node.children)
    return ordered(roots)


def _suggestions(query, raw):
    suggestions = []
    for key, total in raw.totals_without.items():
        if not total:
            continue
        if key == "q":
            label = _("Search without the text “%(text)s”") % {"text": query.text}
            querystring = query.querystring(text="")
        else:
            facet = get_facets().get(key)
            label = _("Remove the “%(facet)s” filters") % {"facet": facet.label if facet else key}
            querystring = query.querystring(selections=query.without_facet(key))
        suggestions.append(Suggestion(label, total, querystring))
    return sorted(suggestions, key=lambda suggestion: -suggestion.total)


def build_result(query, scope, raw, notice=""):
    types = document_types()
    registered = get_facets()
    facets = []
    all_labels = {}
    for key in scope.facet_keys:
        facet = registered.get(key)
        if facet is None:  # a facet no longer registered (a host removed it)
            continue
        labels = facet.labels(scope, raw.labels.get(key, {}))
        all_labels[key] = labels
        values = _facet_values(facet, scope, query, raw.counts.get(key, {}), labels)
        if values:
            facets.append(FacetResult(key, facet.label, values, scope.facet_values_shown, facet.hierarchical))
    active = [
        ActiveFilter(
            facet=key,
            facet_label=registered[key].label if key in registered else key,
            value=value,
            label=all_labels.get(key, {}).get(value, value),
            remove_querystring=query.querystring(selections=query.toggled(key, value)),
        )
        for key, values in query.selections
        for value in values
    ]
    hits = [
        Hit(
            page_id=hit.page_id,
            title=hit.title,
            url=hit.url,
            type=hit.type,
            type_label=types[hit.type].label if hit.type in types else hit.type,
            summary=hit.summary,
            highlight=hit.highlight
            if hit.highlight is not None
            else highlight(
                hit.summary if not query.text else f"{hit.summary} {hit.text}".strip(), query.text, scope.language_code
            ),
            date=hit.date,
        )
        for hit in raw.hits
    ]
    ignored = list(query.ignored)
    if query.page > raw.num_pages:
        from .query import Ignored

        ignored.append(
            Ignored("page", str(query.page), _("There are only %(count)d pages of results.") % {"count": raw.num_pages})
        )
    return CatalogueResult(
        query=query,
        scope=scope,
        total=raw.total,
        page=raw.page,
        num_pages=raw.num_pages,
        hits=hits,
        facets=facets,
        active_filters=active,
        ignored=ignored,
        suggestions=_suggestions(query, raw),
        notice=notice,
        did_you_mean=getattr(raw, "did_you_mean", ""),
    )
