"""The search through the ORM: PostgreSQL, the ``icontains`` fallback and
requests without text (SQLite with text: ``sqlite_matched``). The entries of a
scope, the selections as conditions, the total, the page of hits in order, the
disjunctive facet counts, and the title autocomplete."""

import math

from django.db.models import Count, Max, Min, Q

from ...facets import get_facet
from ..base import Completion, RawHit, RawResult
from .full_text import with_text, with_title


def scoped(scope):
    """The entries a catalogue searches: its locale, its content types and,
    when it searches one site, that site's tree."""
    from ...models import CatalogueEntry

    entries = CatalogueEntry.objects.filter(locale_id=scope.locale_id, content_type_key__in=scope.content_types)
    return entries.filter(path__startswith=scope.root_path) if scope.root_path else entries


def search(query, scope, now, next_change=None):
    """A ``RawResult`` for ``query`` in ``scope``. ``next_change``, a dict,
    receives under "expires" the first moment after ``now`` at which an
    upcoming event of the result becomes past, when a facet counted depends on
    time (``Facet.depends_on_time``): the counts are right until then."""
    base = scoped(scope)
    texted, rank = with_text(base, query.text, scope)
    conditions = {key: selection(key, values, now) for key, values in query.selections}
    results = texted.filter(*conditions.values())

    total = results.count()
    num_pages = max(1, math.ceil(total / scope.page_size))
    page = min(query.page, num_pages)
    offset = (page - 1) * scope.page_size
    page_hits = hits(results, query, rank, offset, scope.page_size)

    counts, labels = {}, {}
    unselected = [key for key in scope.facet_keys if key not in conditions]
    if unselected:
        count(results, unselected, now, counts, labels, next_change)
    for key in conditions:
        if key in scope.facet_keys:
            others = [condition for other, condition in conditions.items() if other != key]
            count(texted.filter(*others), [key], now, counts, labels)

    totals_without = {}
    if total == 0:
        # Only for an empty result: what removing each part would give.
        for key in conditions:
            others = [condition for other, condition in conditions.items() if other != key]
            totals_without[key] = texted.filter(*others).count()
        if query.text:
            totals_without["q"] = base.filter(*conditions.values()).count()
    return RawResult(
        total=total,
        page=page,
        num_pages=num_pages,
        hits=page_hits,
        counts=counts,
        labels=labels,
        totals_without=totals_without,
    )


def search_base(scope, selections, now):
    """The entries of ``scope`` that satisfy every selection, text aside."""
    conditions = [selection(key, values, now) for key, values in selections]
    return scoped(scope).filter(*conditions)


def selection(key, values, now):
    """A selection as a condition on the entries: the facet's own, or its stored values."""
    from ...models import CatalogueFacetValue

    facet = get_facet(key)
    condition = facet.database_condition(values, now) if facet is not None else None
    if condition is not None:
        return condition
    return Q(pk__in=CatalogueFacetValue.objects.filter(facet=key, value__in=values).values("entry_id"))


def hits(results, query, rank, offset, limit):
    rows = ordered(results, query, rank).values_list(
        "page_id", "content_type_key", "title", "url", "summary", "text", "date", "key"
    )
    return [RawHit(*row[:7], key=row[7]) for row in rows[offset : offset + limit]]


def ordered(results, query, rank):
    sort = query.effective_sort
    if sort == "relevance" and rank is not None:
        return results.annotate(_rank=rank).order_by("_rank", "-date", "title", "key")
    if sort == "title":
        return results.order_by("title", "key")
    if sort == "reused":
        return results.order_by("-reuse_count", "-date", "title", "key")
    return results.order_by("-date", "title", "key")


def count(entries, facet_keys, now, counts, labels, next_change=None):
    """Adds to ``counts`` (and ``labels``) the values of ``facet_keys`` among
    ``entries``: one grouped query, each facet reading its own rows."""
    from ...models import CatalogueFacetValue

    facets = {key: get_facet(key) for key in facet_keys if get_facet(key) is not None}
    aggregates = {
        "n": Count("entry_id"),
        "upcoming": Count("entry_id", filter=Q(entry__event_last__gte=now)),
        "label": Max("label"),
    }
    timed = next_change is not None and any(facet.depends_on_time for facet in facets.values())
    if timed:
        aggregates["next_end"] = Min("entry__event_last", filter=Q(entry__event_last__gte=now))
    rows = (
        CatalogueFacetValue.objects.filter(entry__in=entries.values("pk"), facet__in=list(facets))
        .values("facet", "value")
        .annotate(**aggregates)
        .order_by()
    )
    by_facet = {}
    for row in rows:
        by_facet.setdefault(row["facet"], []).append(row)
        facet = facets[row["facet"]]
        if facet.labels_from_documents and row["label"]:
            labels.setdefault(row["facet"], {})[row["value"]] = row["label"]
        if timed and facet.depends_on_time and row.get("next_end") is not None:
            next_change["expires"] = min(row["next_end"], next_change.get("expires", row["next_end"]))
    for key in facet_keys:
        facet = facets.get(key)
        facet_rows = by_facet.get(key, [])
        counts[key] = facet.counts_from_rows([(r["value"], r["n"], r["upcoming"]) for r in facet_rows]) if facet else {}


def autocomplete(text, scope, limit):
    """Titles of ``scope`` holding every word of ``text`` (not empty), the last one as a prefix."""
    entries = with_title(scoped(scope), text, scope)
    rows = entries.order_by("title", "key").values_list("title", "url", "content_type_key")[:limit]
    return [Completion(title=title, url=url, type=type_key) for title, url, type_key in rows]
