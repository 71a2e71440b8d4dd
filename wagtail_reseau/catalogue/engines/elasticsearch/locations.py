"""The located documents of a query on Elasticsearch: the map's markers
(``?format=geojson``). The search's scope, text and selections (as filters:
no aggregation, no highlighting), documents with a location only, by key."""

from django.utils import timezone
from elasticsearch.dsl import Q, Search

from ...text import tokens
from ..base import RawLocation, RawLocations
from .mapping import language_group
from .query import scope_filters, selection, text_query


def locations_search(engine, query, scope, limit):
    now = timezone.now()
    client = engine.client.options(request_timeout=engine.config["SEARCH_TIMEOUT"])
    filters = [*scope_filters(scope), Q("exists", field="location")]
    filters += [selection(key, values, now) for key, values in query.selections]
    search = Search(using=client, index=engine.alias).extra(track_total_hits=True).filter(Q("bool", filter=filters))
    if tokens(query.text):
        search = search.query(text_query(query.text, language_group(scope.language_code), scope.language_code))
    search = search.sort("key").source(["key", "page_id", "type", "display", "location"])
    return search[:limit]


def locations(engine, query, scope, limit):
    response = locations_search(engine, query, scope, limit).execute()
    found = [
        RawLocation(
            key=hit.key,
            page_id=hit.page_id,
            type=hit.type,
            title=hit.display.title,
            url=hit.display.url,
            latitude=hit.location.lat,
            longitude=hit.location.lon,
        )
        for hit in response.hits
    ]
    return RawLocations(total=response.hits.total.value, locations=found)
