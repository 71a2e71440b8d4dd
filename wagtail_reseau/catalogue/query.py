"""GET parameters -> one immutable, validated ``CatalogueQuery``.

Nothing a visitor types raises: what cannot be used is collected in ``ignored``
with a reason, shown on the page and returned in the JSON."""

import re
import unicodedata
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from .facets import get_facets
from .facets.base import SLUG

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 20
MAX_PARAMETERS = 100
DIGITS = re.compile(r"^[0-9]{1,6}$")  # ASCII only: "²".isdigit() is true
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")

SORTS = {
    "relevance": _("Relevance"),
    "date": _("Date, newest first"),
    "title": _("Title, A to Z"),
    "reused": _("Most reused first"),
}
#: Sorts offered only when a content type searched provides their value.
REUSE_SORT = "reused"
RESERVED = {"q", "sort", "page", "format"}


@dataclass(frozen=True)
class Ignored:
    parameter: str
    value: str
    reason: str

    def as_dict(self):
        return {"parameter": self.parameter, "value": self.value, "reason": str(self.reason)}


@dataclass(frozen=True)
class CatalogueScope:
    """What a catalogue page searches: its language, content types and facets."""

    language_code: str
    locale_id: int
    content_types: tuple
    facet_keys: tuple
    page_size: int = 20
    facet_values_shown: int = 8
    #: The tree path of the site searched ("" for every site of the installation).
    root_path: str = ""


@dataclass(frozen=True)
class CatalogueQuery:
    text: str = ""
    #: ``((facet key, (value, ...)), ...)`` in facet order, values in the order given.
    selections: tuple = ()
    sort: str = "relevance"
    page: int = 1
    ignored: tuple = field(default=())

    def selected(self, facet_key):
        return dict(self.selections).get(facet_key, ())

    @property
    def has_filters(self):
        return bool(self.selections)

    @property
    def effective_sort(self):
        # Relevance means nothing without text: newest first then.
        return "date" if self.sort == "relevance" and not self.text else self.sort

    def with_ignored(self, *items):
        return replace(self, ignored=self.ignored + tuple(items))

    def params(self, **changes):
        """GET parameters as a list of pairs (stable order), with ``changes``."""
        text = changes.get("text", self.text)
        selections = changes.get("selections", self.selections)
        sort = changes.get("sort", self.sort)
        page = changes.get("page", 1)
        pairs = []
        if text:
            pairs.append(("q", text))
        for key, values in selections:
            pairs.extend((key, value) for value in values)
        if sort != "relevance":
            pairs.append(("sort", sort))
        if page and page != 1:
            pairs.append(("page", str(page)))
        return pairs

    def querystring(self, **changes):
        pairs = self.params(**changes)
        return "?" + urlencode(pairs) if pairs else "?"

    def toggled(self, facet_key, value):
        """The selections with ``value`` added to or removed from ``facet_key``."""
        result = []
        found = False
        for key, values in self.selections:
            if key == facet_key:
                found = True
                values = tuple(v for v in values if v != value) if value in values else values + (value,)
            if values:
                result.append((key, values))
        if not found:
            result.append((facet_key, (value,)))
            order = list(get_facets())
            result.sort(key=lambda item: order.index(item[0]) if item[0] in order else len(order))
        return tuple(result)

    def without_facet(self, facet_key):
        return tuple((key, values) for key, values in self.selections if key != facet_key)


def sorts_for(scope):
    """``{sort: label}`` offered in ``scope``: "most reused" only where a content
    type searched counts its reuses (``DocumentType.get_reuse_count``)."""
    from .document_types import document_types

    types = document_types()
    reusable = any(
        types[key].get_reuse_count is not None for key in (scope.content_types if scope else ()) if key in types
    )
    return {key: label for key, label in SORTS.items() if key != REUSE_SORT or reusable}


def clean_text(raw):
    """(text, reasons): control characters removed, whitespace folded, length bounded."""
    reasons = []
    text = unicodedata.normalize("NFC", raw)
    if CONTROL.search(text):
        text = CONTROL.sub(" ", text)
        reasons.append(_("Control characters were removed from the search text."))
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH]
        reasons.append(
            _("The search text was shortened to %(length)d characters.") % {"length": MAX_QUERY_LENGTH}
        )
    return text, reasons


def parse_query(querydict, scope):
    """Builds the query from a ``QueryDict`` (``request.GET``) for ``scope``."""
    facets = get_facets()
    sorts = sorts_for(scope)
    ignored = []
    text = ""
    sort = "relevance"
    page = 1
    raw_selections = {}
    seen = 0
    for name in querydict:
        values = querydict.getlist(name)
        for position, raw in enumerate(values):
            seen += 1
            if seen > MAX_PARAMETERS:
                ignored.append(Ignored(name, raw[:80], _("Too many parameters: the rest were ignored.")))
                continue
            if name in {"q", "sort", "page", "format"} and position > 0:
                ignored.append(Ignored(name, raw[:80], _("This parameter was given more than once.")))
                continue
            if name == "q":
                text, reasons = clean_text(raw)
                ignored.extend(Ignored("q", "", reason) for reason in reasons)
            elif name == "sort":
                if raw in sorts:
                    sort = raw
                else:
                    ignored.append(Ignored("sort", raw[:80], _("Unknown sort order.")))
            elif name == "page":
                if DIGITS.match(raw) and int(raw) >= 1:
                    page = int(raw)
                else:
                    ignored.append(Ignored("page", raw[:80], _("Not a page number.")))
            elif name == "format":
                continue
            elif name in facets and name in scope.facet_keys:
                if not SLUG.match(raw):
                    ignored.append(Ignored(name, raw[:80], _("Not a valid filter value.")))
                    continue
                bucket = raw_selections.setdefault(name, [])
                if raw in bucket:
                    continue
                if len(bucket) >= MAX_VALUES_PER_FACET:
                    ignored.append(Ignored(name, raw, _("Too many values for this filter.")))
                    continue
                bucket.append(raw)
            elif name in facets:
                ignored.append(Ignored(name, raw[:80], _("This catalogue does not offer this filter.")))
            else:
                ignored.append(Ignored(name[:80], raw[:80], _("Unknown parameter.")))

    selections = []
    for key, facet in facets.items():
        if key not in raw_selections:
            continue
        candidates = raw_selections[key]
        valid = facet.allowed_values(candidates, scope)
        for value in candidates:
            if value not in valid:
                ignored.append(Ignored(key, value, _("Unknown value for this filter.")))
        kept = tuple(value for value in candidates if value in valid)
        if kept:
            selections.append((key, kept))
    return CatalogueQuery(text=text, selections=tuple(selections), sort=sort, page=page, ignored=tuple(ignored))
