"""The database engine's fast paths give the same answers as the plain definition.

SQLite matches the text once per request (a temporary table), the landing page is
cached until the index changes, highlighting folds only what it needs, vocabulary
labels are cached: each is checked here against a reference computed in Python,
on random documents, or against the uncached path."""

import datetime
import random
import unicodedata

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from wagtail_reseau import models as m
from wagtail_reseau.catalogue import results
from wagtail_reseau.catalogue.documents import CatalogueDocument, page_key
from wagtail_reseau.catalogue.engines.database import DatabaseEngine, compiler, sqlite_matched
from wagtail_reseau.catalogue.engines.database import landing as landing_cache
from wagtail_reseau.catalogue.engines.database.full_text import FTS_TABLE, FTS_WEIGHTS, fts5_match, full_text_kind
from wagtail_reseau.catalogue.facets import WHEN_PAST, WHEN_UPCOMING, get_facet
from wagtail_reseau.catalogue.query import CatalogueQuery, CatalogueScope
from wagtail_reseau.catalogue.text import fold, tokens

pytestmark = pytest.mark.django_db

WORDS = ["santé", "sante", "logement", "jardin", "jardinage", "habitants", "forum", "prévention", "café", "quartier"]
TYPES = ("practice", "organisation", "forum", "news")
DOMAINS = ["sante", "prevention", "logement", "participation"]
TERRITORIES = ["occitanie", "nord", "toulouse"]
AUDIENCES = ["habitants", "benevoles"]
TAGS = {"jardin": "Jardin", "cafe": "Café", "velo": ""}


def fts5():
    return full_text_kind() == "fts5"


# -- random documents and a reference search in Python --------------------------


@pytest.fixture
def documents(home, locale_fr):
    """60 random documents, indexed through the engine, on real pages."""
    rng = random.Random(20260101)
    now = timezone.now()
    documents = []
    for number in range(60):
        page = home.add_child(instance=Page(title=f"Page {number}", slug=f"page-{number}"))
        facets = {"type": {rng.choice(TYPES)}}
        for key, values, most in (("domain", DOMAINS, 2), ("territory", TERRITORIES, 2), ("audience", AUDIENCES, 1)):
            picked = set(rng.sample(values, rng.randint(0, most)))
            if picked:
                facets[key] = picked
        tags = set(rng.sample(sorted(TAGS), rng.randint(0, 2)))
        if tags:
            facets["tag"] = tags
        date = None if number % 9 == 0 else datetime.date(2018 + number % 6, 1 + number % 12, 1 + number % 5)
        if date:
            facets["year"] = {str(date.year)}
        event_last = None
        if number % 4 == 0:
            event_last = now + datetime.timedelta(days=rng.choice([-40, -3, 2, 30]))
            facets["when"] = {"event"}
        documents.append(
            CatalogueDocument(
                key=page_key(page.pk),
                page_id=page.pk,
                locale_id=locale_fr.pk,
                language_code="fr",
                type=next(iter(facets["type"])),
                title=f"{rng.choice(['Atelier', 'Forum', 'Atelier'])} {rng.choice(WORDS)}",  # ties on purpose
                url=f"/page-{number}/",
                summary=" ".join(rng.choices(WORDS, k=rng.randint(0, 6))),
                text=" ".join(rng.choices(WORDS, k=rng.randint(0, 30))),
                date=date,
                event_last=event_last,
                facets=facets,
                facet_labels={"tag": {tag: TAGS[tag] for tag in tags}},
            )
        )
    DatabaseEngine().index_documents(documents)
    return documents


#: The package's own facets (a host's, like the test app's, have no values here).
PACKAGE_FACETS = ("domain", "territory", "audience", "organisation_type", "type", "tag", "year", "when")


def scope_of(locale, page_size=7, content_types=TYPES, facet_keys=PACKAGE_FACETS):
    return CatalogueScope(
        language_code="fr",
        locale_id=locale.pk,
        content_types=tuple(content_types),
        facet_keys=tuple(facet_keys),
        page_size=page_size,
    )


def reference(query, scope):
    """What the engine must answer, computed in Python from the stored entries;
    only the text matching and bm25 come from the database (FTS5)."""
    now = timezone.now()
    entries = {
        entry.pk: entry
        for entry in m.CatalogueEntry.objects.filter(
            locale_id=scope.locale_id, content_type_key__in=scope.content_types
        )
    }
    values = {pk: {} for pk in entries}
    stored_labels = {}
    rows = m.CatalogueFacetValue.objects.values_list("entry_id", "facet", "value", "label")
    for entry_id, facet, value, label in rows:
        if entry_id in values:
            values[entry_id].setdefault(facet, set()).add(value)
            if label:
                stored_labels[(facet, value)] = label
    rank = {}
    texted = set(entries)
    if tokens(query.text):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, bm25({FTS_TABLE}, {FTS_WEIGHTS}) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [fts5_match(query.text, scope.language_code)],
            )
            rank = dict(cursor.fetchall())
        texted &= set(rank)

    def satisfies(pk, key, selected):
        if key == "when":
            last = entries[pk].event_last
            if set(selected) == {WHEN_UPCOMING}:
                return last is not None and last >= now
            if set(selected) == {WHEN_PAST}:
                return last is not None and last < now
            return last is not None
        return bool(values[pk].get(key, set()) & set(selected))

    def passing(pks, skip=None):
        return {pk for pk in pks if all(satisfies(pk, key, sel) for key, sel in query.selections if key != skip)}

    def count(pks, keys, counts, labels):
        for key in keys:
            counts.setdefault(key, {})
            for pk in pks:
                for value in values[pk].get(key, ()):
                    if key == "when":
                        upcoming = entries[pk].event_last >= now
                        bucket = counts["when"]
                        bucket[WHEN_UPCOMING] = bucket.get(WHEN_UPCOMING, 0) + upcoming
                        bucket[WHEN_PAST] = bucket.get(WHEN_PAST, 0) + (not upcoming)
                        continue
                    counts[key][value] = counts[key].get(value, 0) + 1
                    if (key, value) in stored_labels:
                        labels.setdefault(key, {})[value] = stored_labels[(key, value)]

    found = passing(texted)
    selected = [key for key, _values in query.selections]
    counts, labels = {}, {}
    count(found, [key for key in scope.facet_keys if key not in selected], counts, labels)
    for key in selected:
        if key in scope.facet_keys:
            count(passing(texted, skip=key), [key], counts, labels)

    nulls_first = connection.vendor == "postgresql"

    def date_descending(entry):  # ORDER BY date DESC: NULL last on SQLite, first on PostgreSQL
        return ((entry.date is None) != nulls_first, -(entry.date.toordinal() if entry.date else 0))

    sort = query.effective_sort
    if sort == "relevance" and rank:
        order = lambda entry: (rank[entry.pk], *date_descending(entry), entry.title, entry.key)  # noqa: E731
    elif sort == "title":
        order = lambda entry: (entry.title, entry.key)  # noqa: E731
    else:
        order = lambda entry: (*date_descending(entry), entry.title, entry.key)  # noqa: E731
    ordered = sorted((entries[pk] for pk in found), key=order)
    num_pages = max(1, -(-len(found) // scope.page_size))
    page = min(query.page, num_pages)
    hits = [entry.page_id for entry in ordered[(page - 1) * scope.page_size : page * scope.page_size]]

    totals_without = {}
    if not found:
        for key in selected:
            totals_without[key] = len(passing(texted, skip=key))
        if query.text:
            totals_without["q"] = len(passing(entries))
    return {
        "total": len(found),
        "page": page,
        "num_pages": num_pages,
        "hits": hits,
        "counts": counts,
        "labels": labels,
        "totals_without": totals_without,
    }


def answer(query, scope):
    raw = DatabaseEngine().search(query, scope)
    return {
        "total": raw.total,
        "page": raw.page,
        "num_pages": raw.num_pages,
        "hits": [hit.page_id for hit in raw.hits],
        "counts": raw.counts,
        "labels": raw.labels,
        "totals_without": raw.totals_without,
    }


def random_queries(rng, count, with_text=True):
    for _number in range(count):
        selections = []
        for key, choices in (
            ("domain", DOMAINS),
            ("territory", TERRITORIES),
            ("audience", AUDIENCES),
            ("tag", sorted(TAGS)),
            ("when", [WHEN_UPCOMING, WHEN_PAST]),
        ):
            if rng.random() < 0.35:
                selections.append((key, tuple(rng.sample(choices, rng.randint(1, 2)))))
        text = " ".join(rng.sample(WORDS, rng.randint(1, 2))) if with_text else ""
        if with_text and rng.random() < 0.2:
            text = text[:-2]  # the last word is a prefix
        yield CatalogueQuery(
            text=text,
            selections=tuple(selections),
            sort=rng.choice(["relevance", "date", "title"]),
            page=rng.choice([1, 1, 2, 9]),
        )


def test_text_searches_match_the_reference(documents, locale_fr):
    if not fts5():
        pytest.skip("the reference matches the text with FTS5 (SQLite)")
    rng = random.Random(7)
    scopes = [scope_of(locale_fr), scope_of(locale_fr, 3, ("practice", "news"), ("domain", "tag", "when"))]
    for query in random_queries(rng, 150):
        for scope in scopes:
            if any(key not in scope.facet_keys for key, _values in query.selections):
                continue
            assert answer(query, scope) == reference(query, scope), query


def test_searches_without_text_match_the_reference(documents, locale_fr):
    rng = random.Random(11)
    scope = scope_of(locale_fr)
    for query in random_queries(rng, 40, with_text=False):
        assert answer(query, scope) == reference(query, scope), query


def test_an_empty_result_says_what_each_part_would_give(documents, locale_fr):
    if not fts5():
        pytest.skip("FTS5 only")
    scope = scope_of(locale_fr)
    for query in (
        CatalogueQuery(text="zzzz", selections=(("domain", ("sante",)),)),
        CatalogueQuery(
            text="jardin", selections=(("domain", ("sante",)), ("territory", ("nord",)), ("tag", ("velo",)))
        ),
        CatalogueQuery(text="forum", selections=(("when", (WHEN_UPCOMING,)), ("audience", ("benevoles",)))),
    ):
        expected = reference(query, scope)
        if expected["total"]:
            continue
        assert answer(query, scope) == expected


# -- statements and the temporary table (SQLite) --------------------------------


def temporary_tables():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_temp_master WHERE type = 'table'")
        return [name for (name,) in cursor.fetchall()]


@pytest.mark.parametrize(
    "selections",
    [
        (),
        (("domain", ("sante",)),),
        (("domain", tuple(DOMAINS)), ("territory", tuple(TERRITORIES)), ("audience", tuple(AUDIENCES))),
        (("domain", tuple(DOMAINS)), ("when", (WHEN_UPCOMING, WHEN_PAST))),
    ],
)
def test_text_search_statements_do_not_depend_on_the_page_size(documents, locale_fr, selections):
    """With text on SQLite: the temporary table (create, drop), the total, the page
    of hits, 1 + k facet counts: 5 + k statements, for any page size."""
    if not fts5():
        pytest.skip("FTS5 only")
    for page_size in (1, 7, 50):
        query = CatalogueQuery(text="habitants", selections=selections)
        with CaptureQueriesContext(connection) as captured:
            raw = DatabaseEngine().search(query, scope_of(locale_fr, page_size))
        assert raw.total > 0
        assert len(captured.captured_queries) == 5 + len(selections), [q["sql"][:60] for q in captured]
        assert sum("MATCH" in q["sql"] for q in captured.captured_queries) == 1
    assert temporary_tables() == []


def test_the_temporary_table_is_dropped_when_the_request_fails(documents, locale_fr, monkeypatch):
    if not fts5():
        pytest.skip("FTS5 only")

    def failing(*args, **kwargs):
        raise RuntimeError("counting failed")

    monkeypatch.setattr(sqlite_matched, "count_matched", failing)
    with pytest.raises(RuntimeError):
        DatabaseEngine().search(CatalogueQuery(text="habitants"), scope_of(locale_fr))
    assert temporary_tables() == []


def test_interleaved_requests_do_not_share_their_table(documents, locale_fr):
    """Each request names its table: two requests interleaved on one connection
    (a template rendering a second catalogue, say) do not see each other's rows."""
    if not fts5():
        pytest.skip("FTS5 only")
    engine = DatabaseEngine()
    scope = scope_of(locale_fr)
    first = CatalogueQuery(text="jardin")
    second = CatalogueQuery(text="logement", selections=(("domain", ("sante",)),))
    original = sqlite_matched.count_matched
    inner = {}

    def interleaved(*args, **kwargs):
        if not inner:
            inner["running"] = True
            inner["second"] = answer(second, scope)  # runs while the first request's table exists
        return original(*args, **kwargs)

    sqlite_matched.count_matched = interleaved
    try:
        raw = engine.search(first, scope)
    finally:
        sqlite_matched.count_matched = original
    assert [hit.page_id for hit in raw.hits] == reference(first, scope)["hits"]
    assert inner["second"] == reference(second, scope)
    assert temporary_tables() == []


# -- the landing page's cache ----------------------------------------------------


def landing(scope, **changes):
    return answer(CatalogueQuery(**changes), scope)


def uncached(scope, **changes):
    return compiler.search(CatalogueQuery(**changes), scope, timezone.now())


def test_the_landing_page_is_read_from_the_cache(documents, locale_fr):
    scope = scope_of(locale_fr)
    first = landing(scope)
    assert first == reference(CatalogueQuery(), scope)
    with CaptureQueriesContext(connection) as captured:
        again = landing(scope)
    assert again == first
    assert len(captured.captured_queries) == 1  # the index's fingerprint, not the counts


def test_every_write_through_the_engine_shows_at_once(documents, locale_fr, home):
    engine = DatabaseEngine()
    scope = scope_of(locale_fr)
    before = landing(scope, sort="title")
    page = home.add_child(instance=Page(title="Nouvelle page", slug="nouvelle"))
    document = CatalogueDocument(
        key=page_key(page.pk), page_id=page.pk, locale_id=locale_fr.pk, language_code="fr", type="news",
        title="Aaa nouvelle", url="/n/",
        summary="", text="", date=datetime.date(2099, 1, 1), event_last=None, facets={"type": {"news"}},
    )
    engine.index_documents([document])
    after = landing(scope, sort="title")
    assert after["total"] == before["total"] + 1
    assert after["hits"][0] == page.pk
    assert after == reference(CatalogueQuery(sort="title"), scope)

    document.title = "Zzz renommée"  # the same number of entries: only the generation tells
    engine.index_documents([document])
    renamed = landing(scope, sort="title")
    assert renamed["hits"][0] != page.pk
    assert renamed == reference(CatalogueQuery(sort="title"), scope)

    engine.remove_documents([page_key(page.pk)])
    assert landing(scope, sort="title") == before
    engine.clear()
    assert landing(scope)["total"] == 0


def test_a_rolled_back_write_is_not_served_from_the_cache(documents, locale_fr, home):
    """A cached page computed inside a transaction that is rolled back (a test, a
    failed bulk import) is not served afterwards."""
    scope = scope_of(locale_fr)
    before = landing(scope)
    with transaction.atomic():
        page = home.add_child(instance=Page(title="Annulée", slug="annulee"))
        DatabaseEngine().index_documents(
            [
                CatalogueDocument(
                    key=page_key(page.pk), page_id=page.pk, locale_id=locale_fr.pk, language_code="fr",
                    type="news", title="Annulée",
                    url="/a/", summary="", text="", date=datetime.date(2099, 1, 1), event_last=None,
                    facets={"type": {"news"}},
                )
            ]
        )
        assert landing(scope)["total"] == before["total"] + 1
        transaction.set_rollback(True)
    assert landing(scope) == before


def test_entries_removed_behind_the_engine_are_not_served_from_the_cache(documents, locale_fr):
    """Another test's rolled-back data, another process's write with a cache of
    its own: the index's fingerprint is part of the key."""
    scope = scope_of(locale_fr)
    landing(scope)
    m.CatalogueEntry.objects.filter(content_type_key="news").delete()
    assert landing(scope) == reference(CatalogueQuery(), scope)


def test_each_scope_sort_and_page_has_its_own_landing(documents, locale_fr):
    scopes = [
        scope_of(locale_fr),
        scope_of(locale_fr, page_size=4),
        scope_of(locale_fr, content_types=("practice", "forum")),
        scope_of(locale_fr, facet_keys=("domain", "when")),
    ]
    for _round in range(2):  # computed, then cached
        for scope in scopes:
            for sort in ("relevance", "date", "title"):
                for page in (1, 2, 99):
                    got = landing(scope, sort=sort, page=page)
                    assert got == reference(CatalogueQuery(sort=sort, page=page), scope), (scope, sort, page)


def test_text_without_words_is_the_landing_page(documents, locale_fr):
    scope = scope_of(locale_fr)
    assert landing(scope, text="!!") == {**reference(CatalogueQuery(), scope), "totals_without": {}}


def test_landing_counts_expire_when_the_first_upcoming_event_ends(documents, locale_fr, monkeypatch):
    monkeypatch.setattr(landing_cache, "LANDING_CACHE_TIMEOUT", 10**7)
    timeouts = {}
    original = landing_cache.cache.set

    def spying(key, value, timeout=None, **kwargs):
        timeouts[key.split(":")[2]] = timeout
        return original(key, value, timeout, **kwargs)

    monkeypatch.setattr(landing_cache.cache, "set", spying)
    landing(scope_of(locale_fr))
    first_end = min(doc.event_last for doc in documents if doc.event_last and doc.event_last >= timezone.now())
    assert 0 < timeouts["landing-counts"] <= (first_end - timezone.now()).total_seconds() + 1
    assert timeouts["landing-hits"] == 10**7
    assert uncached(scope_of(locale_fr)).counts["when"] == landing(scope_of(locale_fr))["counts"]["when"]


# -- build_result's helpers -------------------------------------------------------


def reference_fold(text):
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def test_fold_is_unchanged():
    for start in range(0, 0x30000, 0x1000):
        chunk = "".join(chr(code) for code in range(start, start + 0x1000) if not 0xD800 <= code <= 0xDFFF)
        assert fold(chunk) == reference_fold(chunk)
    rng = random.Random(3)
    pool = list("aeÉé\u0301\u0327çœΣσİı ’«»…ﬁ") + [chr(code) for code in range(0x300, 0x370)]
    for _number in range(2000):
        text = "".join(rng.choices(pool, k=rng.randint(0, 20)))
        assert fold(text) == reference_fold(text)


def reference_highlight(text, query_text):
    """The former definition, which folded the whole text."""
    import re

    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    length = results.EXTRACT_LENGTH
    text = text or ""
    words = [word for word in tokens(query_text) if len(word) > 1]
    folded = reference_fold(text)
    if len(folded) != len(text):
        folded = None
    start = 0
    if words and folded is not None:
        positions = [folded.find(word) for word in words if folded.find(word) >= 0]
        if positions:
            start = max(0, min(positions) - length // 3)
    extract = text[start : start + length]
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + length < len(text) else ""
    if not words or folded is None:
        return mark_safe(escape(prefix + extract + suffix))
    folded_extract = folded[start : start + length]
    pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))
    pieces, last = [], 0
    for found in pattern.finditer(folded_extract):
        pieces.append(escape(extract[last : found.start()]))
        pieces.append("<mark>" + escape(extract[found.start() : found.end()]) + "</mark>")
        last = found.end()
    pieces.append(escape(extract[last:]))
    return mark_safe(escape(prefix) + "".join(pieces) + escape(suffix))


@pytest.mark.parametrize("chunk", [7, 64, results.HIGHLIGHT_CHUNK])
def test_highlight_is_the_same_as_when_the_whole_text_was_folded(chunk, monkeypatch):
    from django.utils.html import escape

    monkeypatch.setattr(results, "HIGHLIGHT_CHUNK", chunk)
    rng = random.Random(5)
    vocabulary = ["Santé", "santé", "logement", "LOGEMENT", "jardin", "<b>", "&", "café", "e\u0301te\u0301", "ﬁn"]
    for _number in range(600):
        text = " ".join(rng.choices(vocabulary + ["mot"] * 20, k=rng.randint(0, 900)))
        query = " ".join(rng.sample(["sante", "logement", "jardin", "cafe", "ete", "fin", "b"], rng.randint(1, 2)))
        extract = str(results.highlight(text, query))
        if all(len(reference_fold(char)) == 1 for char in set(text)):
            assert extract == str(reference_highlight(text, query)), (text, query)
        else:  # characters that fold to none or two: the former had no offsets at all
            body = extract.removeprefix("… ").removesuffix(" …").replace("<mark>", "").replace("</mark>", "")
            assert body in escape(text)
            for marked in extract.split("<mark>")[1:]:
                assert reference_fold(marked.split("</mark>")[0]) in tokens(query)


def test_highlight_finds_a_word_cut_at_the_end_of_a_chunk(monkeypatch):
    """"logement" starts in the overlap and is cut off; "ge", inside it, is not."""
    monkeypatch.setattr(results, "HIGHLIGHT_CHUNK", 100)
    text = "x" * 101 + "logement" + " y" * 200
    assert str(results.highlight(text, "logement ge")) == str(reference_highlight(text, "logement ge"))


def test_highlight_far_into_a_long_text():
    text = "début " + "mot " * 5000 + "la Santé publique <script> " + "fin " * 100
    extract = str(results.highlight(text, "sante"))
    assert "<mark>Santé</mark>" in extract and "&lt;script&gt;" in extract
    assert extract.startswith("… ") and extract.endswith(" …")


def test_vocabulary_labels_follow_a_renamed_term(locale_fr):
    domain = m.DomainOfAction.objects.create(name="Santé", slug="sante", locale=locale_fr)
    child = m.DomainOfAction.objects.create(name="Prévention", slug="prevention", parent=domain, locale=locale_fr)
    facet = get_facet("domain")
    scope = scope_of(locale_fr)
    assert facet.labels(scope, {}) == {"sante": "Santé", "prevention": "Prévention"}
    assert facet.parents(scope) == {"prevention": "sante"}
    child.name = "Prévention santé"
    child.save()
    assert facet.labels(scope, {})["prevention"] == "Prévention santé"
    child.delete()
    assert facet.labels(scope, {}) == {"sante": "Santé"}
