"""Finding vocabulary terms by what a person types: a name (any case, with or
without accents, words in any order of hyphens and spaces), an official code
(31, 2A, 31555) or a postcode (31000). Only active terms of one language."""

import re

from django.apps import apps
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Length
from wagtail.models import Locale

from ...core.collation import collation_key

#: The vocabularies the chooser offers, by the name used in URLs and settings.
VOCABULARY_MODELS = {
    "territory": "wagtail_reseau.Territory",
    "domain": "wagtail_reseau.DomainOfAction",
    "audience": "wagtail_reseau.Audience",
    "organisation_type": "wagtail_reseau.OrganisationType",
}
MAX_QUERY_LENGTH = 100
MAX_RESULTS = 50
DEFAULT_RESULTS = 20
CODE = re.compile(r"^(?:\d[\dAB]\d{0,3}|FR)$", re.IGNORECASE)
POSTCODE = re.compile(r"^\d{5}$")
#: Broad areas first: "Paris" the département before "Paris" the commune.
KIND_ORDER = ("country", "region", "department", "intercommunality", "commune", "district", "other")


def vocabulary_model(vocabulary):
    label = VOCABULARY_MODELS.get(vocabulary)
    return apps.get_model(label) if label else None


def locale_for(language_code):
    """The ``Locale`` of ``language_code``, or the default one."""
    locale = Locale.objects.filter(language_code=language_code).first() if language_code else None
    return locale or Locale.get_default()


#: Abbreviations people type for the words of place names.
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}


def _words(text):
    words = [word for word in re.split(r"[\s\-'’,.()]+", collation_key(text)) if word]
    return [ABBREVIATIONS.get(word, word) for word in words]


def _kind_rank(model):
    if not hasattr(model, "kind"):
        return Value(0, output_field=IntegerField())
    return Case(
        *[When(kind=kind, then=Value(rank)) for rank, kind in enumerate(KIND_ORDER)],
        default=Value(len(KIND_ORDER)),
        output_field=IntegerField(),
    )


def active_terms(model, locale):
    queryset = model.objects.filter(locale=locale)
    if hasattr(model, "is_active"):
        queryset = queryset.filter(is_active=True)
    return queryset


def search_terms(model, text, locale, limit=DEFAULT_RESULTS):
    """Up to ``limit`` terms of ``model`` in ``locale`` matching ``text``, best first:
    the code or postcode typed, then names that start with the text, then names
    that contain its words."""
    text = (text or "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]  # no NUL: PostgreSQL refuses it
    queryset = active_terms(model, locale)
    related = _related(model)
    if related:
        queryset = queryset.select_related(*related)
    ordered = queryset.annotate(kind_rank=_kind_rank(model), name_length=Length("sort_name")).order_by(
        "kind_rank", "name_length", "sort_name", "pk"
    )
    if not text:
        if hasattr(model, "parent"):
            ordered = ordered.filter(Q(parent__isnull=True) | Q(parent__parent__isnull=True))
        return list(ordered[:limit])
    found = {}

    def add(terms):
        for term in terms:
            if len(found) >= limit:
                return
            found.setdefault(term.pk, term)

    has_code = any(field.name == "code" for field in model._meta.concrete_fields)
    if has_code and CODE.match(text):
        add(ordered.filter(code__iexact=text))
        add(ordered.filter(code__istartswith=text)[:limit])
    if hasattr(model, "postcodes") and POSTCODE.match(text):
        add(ordered.filter(postcodes__contains=text)[:limit])
    words = _words(text)
    if words:
        folded = " ".join(words)
        add(ordered.filter(sort_name=collation_key(text)))
        add(ordered.filter(sort_name__startswith=collation_key(text))[:limit])
        condition = Q()
        for word in words:
            condition &= Q(sort_name__contains=word)
        starts = ordered.filter(condition).filter(
            Q(sort_name__startswith=words[0])
            | Q(sort_name__contains=f" {words[0]}")
            | Q(sort_name__contains=f"-{words[0]}")
        )
        add(starts[:limit])
        if len(found) < limit and folded:
            add(ordered.filter(condition)[:limit])
    return list(found.values())


def _related(model):
    if not hasattr(model, "parent"):
        return []
    return ["parent__parent__parent__parent"]


def resolve_typed(model, text, locale):
    """The one active term that ``text`` names exactly (a code, a postcode of a
    single commune, a name, or a chooser label ``Name (code)``), else ``None``."""
    text = (text or "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]  # no NUL: PostgreSQL refuses it
    if not text:
        return None
    queryset = active_terms(model, locale)
    label = re.match(r"^(.*\S)\s*\(([^()]+)\)$", text)
    has_code = any(field.name == "code" for field in model._meta.concrete_fields)
    if label and has_code:
        matches = list(queryset.filter(code__iexact=label.group(2).strip())[:5])
        named = [term for term in matches if collation_key(term.name) == collation_key(label.group(1))]
        if len(named) == 1:
            return named[0]
        if len(matches) == 1:
            return matches[0]
    if has_code and CODE.match(text):
        matches = sorted(queryset.filter(code__iexact=text)[:5], key=_rank_of)
        if matches:
            return matches[0]
    if hasattr(model, "postcodes") and POSTCODE.match(text):
        matches = list(queryset.filter(postcodes__contains=text)[:2])
        if len(matches) == 1:
            return matches[0]
    matches = list(queryset.filter(sort_name=collation_key(text))[:5])
    if len({_rank_of(term) for term in matches}) == len(matches) and matches:
        return sorted(matches, key=_rank_of)[0]  # "Paris": the département, the broader one
    return None


def _rank_of(term):
    kind = getattr(term, "kind", None)
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def ancestors(term):
    """The term's ancestors from the root, from the prefetched chain where it is."""
    chain, node, steps = [], getattr(term, "parent", None), 0
    while node is not None and steps < 10:
        chain.append(node)
        node, steps = node.parent, steps + 1
    return list(reversed(chain))


def describe(term):
    """A term as the chooser shows it (JSON-serialisable)."""
    path = [str(node) for node in ancestors(term)] if hasattr(term, "parent") else []
    code = getattr(term, "code", "") or ""
    kind = term.get_kind_display() if hasattr(term, "get_kind_display") else ""
    label = f"{term.name} ({code})" if code and getattr(term, "kind", "") != "country" else term.name
    return {
        "id": term.pk,
        "slug": term.slug,
        "name": term.name,
        "code": code,
        "kind": kind,
        "label": label,
        "path": path,
        "path_label": " › ".join([*path, label]),
    }
