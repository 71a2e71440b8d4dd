"""The search request of a catalogue query: the text query, the selections in a
``post_filter``, one filtered aggregation per facet (disjunctive counts),
highlighting, "did you mean" and the sort; and the autocomplete request."""

from django.utils import timezone
from elasticsearch.dsl import A, Q, Search

from ...facets import WHEN_PAST, WHEN_UPCOMING
from ...text import TOKEN, tokens
from .mapping import language_group

#: Field weights, as the database engine's bm25 weights.
WEIGHTS = {"title": 10, "summary": 4, "text": 1}
EXTRACT_LENGTH = 240


def selection(key, values, now):
    if key == "when":
        values = set(values)
        if values == {WHEN_UPCOMING}:
            return Q("range", event_last={"gte": now})
        if values == {WHEN_PAST}:
            return Q("range", event_last={"lt": now})
        return Q("exists", field="event_last")
    return Q("terms", **{f"facets.{key}": list(values)})


def scope_filters(scope):
    filters = [Q("term", locale_id=scope.locale_id), Q("terms", type=list(scope.content_types))]
    if scope.root_path:
        filters.append(Q("prefix", path=scope.root_path))
    return filters


def text_query(text, group):
    """Every word required, anywhere in title, summary or text; the last one
    also as a prefix (as typed so far), like the database engine. Each word
    matches the folded fields folded, and its language's fields as typed
    (their analyser knows what to do with accents: "éducation" -> "éduc")."""
    words = tokens(text)
    typed = TOKEN.findall((text or "").lower())[: len(words)]
    if len(typed) != len(words):  # folding changed the word count (rare): fold both
        typed = words
    musts = []
    for index, (word, as_typed) in enumerate(zip(words, typed, strict=True)):
        fields = [f"{name}^{weight}" for name, weight in WEIGHTS.items()]
        alternatives = [
            Q("multi_match", query=word, fields=[f"folded.{field}" for field in fields]),
            Q("multi_match", query=as_typed, fields=[f"i18n.{group}.{field}" for field in fields]),
        ]
        if index == len(words) - 1:
            alternatives += [
                Q("prefix", **{f"folded.{name}": {"value": word, "boost": weight / 2}})
                for name, weight in WEIGHTS.items()
            ]
        musts.append(Q("bool", should=alternatives, minimum_should_match=1))
    return Q("bool", must=musts)


def sort(query, has_text):
    effective = query.effective_sort
    tail = ["title_sort", "page_id"]
    if effective == "relevance" and has_text:
        return ["_score", {"date": {"order": "desc", "missing": "_last"}}, *tail]
    if effective == "title":
        return tail
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
        search = search.query(text_query(query.text, group))
    if conditions:
        search = search.post_filter(Q("bool", filter=list(conditions.values())))

    size = engine.config["FACET_SIZE"]
    for key in scope.facet_keys:
        others = [condition for other, condition in conditions.items() if other != key]
        bucket = search.aggs.bucket(key, A("filter", Q("bool", filter=others)))
        if key == "when":
            bucket.bucket(
                "values",
                "filters",
                filters={WHEN_UPCOMING: Q("range", event_last={"gte": now}), WHEN_PAST: Q("range", event_last={"lt": now})},
            )
            continue
        field = f"facets.{key}"
        bucket.bucket("values", "terms", field=field, size=size, order=[{"_count": "desc"}, {"_key": "asc"}])
        selected = list(query.selected(key))
        if selected:
            # Selected values are shown even when they fall outside the top buckets.
            bucket.bucket("selected", "terms", field=field, include=selected, size=len(selected))
        if key == "tag":
            bucket.bucket("labels", "terms", field="tag_labels", size=size + len(selected))
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
    search = search.sort(*sort(query, bool(words))).source(["page_id", "type", "date", "display"])
    return search[offset : offset + scope.page_size]


def autocomplete_search(engine, words, scope, limit):
    """Titles of ``scope`` holding every word of ``words`` (folded, not empty),
    the last one as a prefix."""
    musts = [Q("match", **{"folded.title": word}) for word in words[:-1]]
    musts.append(Q("prefix", **{"folded.title": words[-1]}))
    return (
        Search(using=engine.client.options(request_timeout=engine.config["SEARCH_TIMEOUT"]), index=engine.alias)
        .filter(Q("bool", filter=scope_filters(scope)))
        .query(Q("bool", must=musts))
        .sort("_score", "title_sort", "page_id")
        .source(["type", "display"])[:limit]
    )
