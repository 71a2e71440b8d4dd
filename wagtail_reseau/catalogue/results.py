"""The result of one search, the same object rendered as HTML or JSON: hits,
facets with counts (labelled, sorted, as trees), active filters, ignored input."""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .documents import document_types
from .engines.database import fold, tokens
from .facets import FACETS, WHEN_LABELS, vocabulary_terms

EXTRACT_LENGTH = 240


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
    notice: str = ""

    def as_dict(self):
        return {
            "count": self.total,
            "page": self.page,
            "num_pages": self.num_pages,
            "results": [hit.as_dict() for hit in self.hits],
            "facets": {facet.key: [value.as_dict() for value in facet.values] for facet in self.facets},
            "ignored": [item.as_dict() for item in self.ignored],
        }

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


def sort_key(label):
    normalized = unicodedata.normalize("NFKD", str(label))
    return "".join(char for char in normalized if not unicodedata.combining(char)).casefold()


def highlight(text, query_text):
    """An extract of ``text`` around the first query word, every character of the
    content escaped, the matching words wrapped in ``<mark>``."""
    text = text or ""
    words = [word for word in tokens(query_text) if len(word) > 1]
    folded = fold(text)
    if len(folded) != len(text):  # folding changed lengths (rare ligatures): no offsets
        folded = None
    start = 0
    if words and folded is not None:
        positions = [folded.find(word) for word in words if folded.find(word) >= 0]
        if positions:
            start = max(0, min(positions) - EXTRACT_LENGTH // 3)
    extract = text[start : start + EXTRACT_LENGTH]
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + EXTRACT_LENGTH < len(text) else ""
    if not words or folded is None:
        return mark_safe(escape(prefix + extract + suffix))
    folded_extract = folded[start : start + EXTRACT_LENGTH]
    pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))
    pieces, last = [], 0
    for found in pattern.finditer(folded_extract):
        pieces.append(escape(extract[last : found.start()]))
        pieces.append("<mark>" + escape(extract[found.start() : found.end()]) + "</mark>")
        last = found.end()
    pieces.append(escape(extract[last:]))
    return mark_safe(escape(prefix) + "".join(pieces) + escape(suffix))


def _labels(facet, scope, raw_labels):
    if facet.kind == "vocabulary":
        return {slug: term.label for slug, term in vocabulary_terms(facet, scope.language_code).items()}
    if facet.kind == "type":
        return {key: document_type.label for key, document_type in document_types().items()}
    if facet.kind == "when":
        return dict(WHEN_LABELS)
    return dict(raw_labels.get(facet.key, {}))


def _facet_values(facet, scope, query, counts, labels):
    selected = set(query.selected(facet.key))
    shown = {value for value, count in counts.items() if count > 0} | selected
    if facet.kind == "type":
        shown &= set(scope.content_types) | selected

    def make(value):
        return FacetValue(
            value=value,
            label=labels.get(value, value),
            count=counts.get(value, 0),
            selected=value in selected,
        )

    def ordered(values):
        if facet.kind == "year":
            return sorted(values, key=lambda v: (-v.count, -int(v.value) if v.value.isdigit() else 0))
        return sorted(values, key=lambda v: (-v.count, sort_key(v.label), v.value))

    if not facet.hierarchical:
        return ordered([make(value) for value in shown])
    terms = vocabulary_terms(facet, scope.language_code)
    nodes = {value: make(value) for value in shown}
    roots = []
    for value, node in nodes.items():
        parent = terms[value].parent if value in terms else None
        # Attach to the nearest shown ancestor (a parent always counts its children).
        while parent and parent not in nodes and parent in terms:
            parent = terms[parent].parent
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
            label = _("Remove the “%(facet)s” filters") % {"facet": FACETS[key].label}
            querystring = query.querystring(selections=query.without_facet(key))
        suggestions.append(Suggestion(label, total, querystring))
    return sorted(suggestions, key=lambda suggestion: -suggestion.total)


def build_result(query, scope, raw, notice=""):
    types = document_types()
    facets = []
    all_labels = {}
    for key in scope.facet_keys:
        facet = FACETS[key]
        labels = _labels(facet, scope, raw.labels)
        all_labels[key] = labels
        values = _facet_values(facet, scope, query, raw.counts.get(key, {}), labels)
        if values:
            facets.append(FacetResult(key, facet.label, values, scope.facet_values_shown, facet.hierarchical))
    active = [
        ActiveFilter(
            facet=key,
            facet_label=FACETS[key].label,
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
            else highlight(hit.summary if not query.text else f"{hit.summary} {hit.text}".strip(), query.text),
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
    )
