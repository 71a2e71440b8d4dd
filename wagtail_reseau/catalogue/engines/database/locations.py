"""The located documents of a query on the database engine: the map's markers
(``?format=geojson``). The same entries as the search (scope, text, every
selection), all pages of them, those with a location only."""

from django.db.models.expressions import RawSQL

from ...text import tokens
from ..base import RawLocation, RawLocations
from .compiler import scoped, selection
from .full_text import FTS_TABLE, fts5_match, full_text_kind, with_text


def located_entries(query, scope, now):
    entries = scoped(scope).filter(latitude__isnull=False, longitude__isnull=False)
    if tokens(query.text):
        if full_text_kind() == "fts5":
            match = fts5_match(query.text, scope.language_code)
            entries = entries.filter(
                pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])
            )
        else:
            entries, _rank = with_text(entries, query.text, scope)
    return entries.filter(*[selection(key, values, now) for key, values in query.selections])


def locations(query, scope, limit, now):
    entries = located_entries(query, scope, now)
    rows = entries.order_by("key").values_list(
        "key", "page_id", "content_type_key", "title", "url", "latitude", "longitude"
    )
    found = [RawLocation(*row) for row in rows[:limit]]
    total = len(found) if len(found) < limit else entries.count()
    return RawLocations(total=total, locations=found)
