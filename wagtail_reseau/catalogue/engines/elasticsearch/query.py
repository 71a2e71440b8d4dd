"""The search request of a catalogue query: the text query, the selections in a
``post_filter``, one filtered aggregation per facet (disjunctive counts),
highlighting, "did you mean" and the sort; and the autocomplete request."""

from django.utils import timezone
from elasticsearch.dsl import A, Q, Search

from ...facets import get_facet
from ...text import TOKEN, query_words, tokens
from .mapping import language_group

#: Field weights, as the database engine's bm25 weights.
WEIGHTS = {"title": 10, "summary": 4, "text": 1}
EXTRACT_LENGTH = 240


def selection(key, values, now):
    """A selection as a filter: each facet says how (``Facet.elasticsearch_filter``)."""
    facet = get_facet(key)
    if facet is None:
        return Q("terms", **{f"facets.{key}": list(values)})
    return facet.elasticsearch_filter(values, now)


def scope_filters(scope):
    filters = [Q("term", locale_id=scope.locale_id), Q("terms", type=list(scope.content_types))]
    if scope.root_path:
        filters.append(Q("prefix", path=scope.root_path))
    return filters


def text_query(text, group, language_code):
    """Every word required, anywhere in title, summary or text, by its stem; the
    last one also as a prefix of a folded word (as typed so far): the database
    engine's matching, on the same analysis (``catalogue.text``). The language's
    own fields only add to the score and give the highlighter its words."""
    words = query_words(text, language_code)
    fields = [f"{name}^{weight}" for name, weight in WEIGHTS.items()]
    musts = []
    for index, word in enumerate(words):
        alternatives = [Q("multi_match", query=word.stem, fields=[f"stems.{field}" for field in fields])]
        if index == len(words) - 1:
            alternatives += [
                Q("prefix", **{f"folded.{name}": {"value": word.folded, "boost": weight / 2}})
                for name, weight in WEIGHTS.items()
            ]
        musts.append(Q("bool", should=alternatives, minimum_should_match=1))
    typed = " ".join(TOKEN.findall((text or "").lower()))
    scoring = Q("multi_match", query=typed, fields=[f"i18n.{group}.{field}" for field in fields])
    return Q("bool", must=musts, should=[scoring])


def sort(query, has_text):
    effective = query.effective_sort
    tail = ["title_sort", "key"]
    if effective == "relevance" and has_text:
        return ["_score", {"date": {"order": "desc", "missing": "_last"}}, *tail]
    if effective == "title":
        return tail
    if effective == "reused":
        return [
            {"reuse_count": {"order": "desc", "missing": "_last"}},
            {"date": {"order": "desc", "missing": "_last"}},
            *tail,
        ]
    return [{"date": {"order": "desc", "missing": "_last"}}, *tail]


def build_search(engine, query, scope, page, now=None):
    """The one request of a catalogue query, as an ``elasticsearch.dsl.Search``."""
    now = now or timezone.now()
    client = engine.client.options(request_timeout=engine.config["SEARCH_TIMEOUT"])
    group = language_group(scope.language_code)
    words = tokens(query.text)
    conditions = {key: selection(key, values, now) for key, values in query.selections}
    search = Search(using=client, index=engine.alias).extra(track_total_hits=True)
    search = search.filter(Q("bool", filter=scope_filters(scope)))
    if words:
        search = search.query(text_query(query.text, group, scope.language_code))
    if conditions:
        search = search.post_filter(Q("bool", filter=list(conditions.values())))

    size = engine.config["FACET_SIZE"]
    for key in scope.facet_keys:
        others = [condition for other, condition in conditions.items() if other != key]
        facet = get_facet(key)
        if facet is None:
            continue
        bucket = search.aggs.bucket(key, A("filter", Q("bool", filter=others)))
        facet.elasticsearch_aggregate(bucket, list(query.selected(key)), size, now)
    if words:
        # For an empty result's suggestions: the selections without the text.
        without_text = search.aggs.bucket("without_text", A("global"))
        without_text.bucket(
            "matching", A("filter", Q("bool", filter=[*scope_filters(scope), *conditions.values()]))
        )
    if words:
        search = search.highlight_options(
            encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"],
            fragment_size=EXTRACT_LENGTH, number_of_fragments=1, require_field_match=False,
        ).highlight(f"i18n.{group}.summary", f"i18n.{group}.text")
        search = search.suggest(
            "did_you_mean", query.text[:200], term={"field": f"i18n.{group}.spell", "suggest_mode": "missing"}
        )
    offset = (page - 1) * scope.page_size
    search = search.sort(*sort(query, bool(words))).source(["key", "page_id", "type", "date", "display"])
    return search[offset : offset + scope.page_size]


def autocomplete_search(engine, text, scope, limit):
    """Titles of ``scope`` holding every word of ``text`` (not empty) by its stem,
    the last one as a prefix of a folded word."""
    words = query_words(text, scope.language_code)
    musts = [Q("match", **{"stems.title": word.stem}) for word in words[:-1]]
    musts.append(Q("prefix", **{"folded.title": words[-1].folded}))
    return (
        Search(using=engine.client.options(request_timeout=engine.config["SEARCH_TIMEOUT"]), index=engine.alias)
        .filter(Q("bool", filter=scope_filters(scope)))
        .query(Q("bool", must=musts))
        .sort("_score", "title_sort", "key")
        .source(["type", "display"])[:limit]
    )
