"""The catalogue's rules, on a golden dataset with hand-computed expectations.

Written against the JSON contract, parametrised by engine, so the same tests hold
every engine to the same behaviour (see tests/catalogue/golden.py for the data).

The dataset is built once per engine for the whole module (pytest-django's pattern
for module-scoped data): in a transaction rolled back after the module's last test,
each test running in a savepoint of its own inside it. So what a test writes to the
database goes with it, but what it writes to the Elasticsearch index would stay: the
tests here only search. A test that publishes, unpublishes or adds a site goes in
test_golden_sites.py, on a dataset of its own."""

import pytest
from django.db import connection, transaction
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site

from wagtail_reseau.catalogue.engines import get_engine
from wagtail_reseau.catalogue.query import parse_query
from wagtail_reseau.catalogue.views import scope_for

from tests.catalogue.golden import FRENCH_PUBLIC, build_catalogues

pytestmark = pytest.mark.django_db

# The parity suite: every test below runs on each engine. The Elasticsearch runs
# need a real server (see the `elasticsearch_url` fixture in conftest.py).
ENGINES = ["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


@pytest.fixture(scope="module", params=ENGINES)
def engine_name(request):
    """The engine, selected for the module's tests on it (pytest runs them together)."""
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch_module_settings")  # one index for the module
        yield request.param
        return
    with override_settings(WAGTAIL_RESEAU_CATALOGUE_ENGINE=request.param):
        yield request.param


@pytest.fixture(scope="module")
def golden(engine_name, django_db_setup, django_db_blocker):
    """The golden dataset and its catalogues, built once per engine, rolled back after the module."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            locale_fr = Locale.objects.get_or_create(language_code="fr")[0]
            locale_en = Locale.objects.get_or_create(language_code="en")[0]
            home = Site.objects.get(is_default_site=True).root_page.specific
            # Pages are indexed by the publish signals, after each commit.
            with TestCase.captureOnCommitCallbacks(execute=True):
                data = build_catalogues(home, locale_fr, locale_en)
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield data
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def search(client, catalogue, **params):
    response = client.get(catalogue.url, {"format": "json", **params})
    assert response.status_code == 200, response.content[:500]
    return response.json()


def keys(golden, data):
    return {golden["titles"][hit["title"]] for hit in data["results"]}


def all_keys(client, golden, catalogue, **params):
    found, page = set(), 1
    while True:
        data = search(client, catalogue, page=page, **params)
        found |= keys(golden, data)
        if page >= data["num_pages"]:
            return found, data
        page += 1


def flat(values):
    out = {}
    for value in values:
        out[value["value"]] = (value["count"], value["selected"])
        out.update(flat(value["children"]))
    return out


def test_everything_public_and_nothing_else(client, golden):
    found, data = all_keys(client, golden, golden["catalogue"])
    assert found == FRENCH_PUBLIC
    assert data["count"] == 8
    assert data["num_pages"] == 2


def test_hierarchical_counts_include_descendants(client, golden):
    data = search(client, golden["catalogue"])
    domains = flat(data["facets"]["domain"])
    # sante: p1 (prevention), p2 (acces), p4 (sante), f1 (prevention).
    assert domains == {
        "sante": (4, False), "prevention": (2, False), "acces-aux-droits": (1, False),
        "participation": (3, False), "logement": (2, False),
    }
    tree = {value["value"]: {child["value"] for child in value["children"]} for value in data["facets"]["domain"]}
    assert tree["sante"] == {"prevention", "acces-aux-droits"}
    territories = flat(data["facets"]["territory"])
    assert territories["occitanie"] == (4, False)  # p1, p3, o1, f1
    assert territories["haute-garonne"] == (3, False)
    assert territories["toulouse"] == (2, False)
    assert territories["hauts-de-france"] == (4, False)  # p2, p4, f2, n1


def test_or_within_a_facet_and_disjunctive_counts(client, golden):
    found, data = all_keys(client, golden, golden["catalogue"], domain=["prevention", "participation"])
    assert found == {"p1", "f1", "p3", "o1", "n1"}
    domains = flat(data["facets"]["domain"])
    # The facet's own selection is left out of its counts.
    assert domains["sante"] == (4, False)
    assert domains["prevention"] == (2, True)
    assert domains["participation"] == (3, True)
    assert domains["logement"] == (2, False)
    territories = flat(data["facets"]["territory"])
    assert territories == {
        "occitanie": (4, False), "haute-garonne": (3, False), "toulouse": (2, False),
        "hauts-de-france": (1, False), "nord": (1, False),
    }


def test_and_across_facets_and_selected_values_at_zero(client, golden):
    data = search(client, golden["catalogue"], domain=["prevention", "participation"], territory="nord")
    assert keys(golden, data) == {"n1"}
    domains = flat(data["facets"]["domain"])
    # Within Nord: p2 (acces), p4 (sante, logement), f2 (logement), n1 (participation).
    assert domains["sante"] == (2, False)
    assert domains["participation"] == (1, True)
    assert domains["prevention"] == (0, True)  # selected: shown, at zero
    prevention_parent = [v for v in data["facets"]["domain"] if v["value"] == "sante"][0]
    assert "prevention" in {child["value"] for child in prevention_parent["children"]}
    assert flat(data["facets"]["territory"])["nord"] == (1, True)


def test_values_sorted_by_count_then_label(client, golden):
    data = search(client, golden["catalogue"])
    labels = [(value["count"], value["label"]) for value in data["facets"]["domain"]]
    assert labels == [(4, "Santé"), (3, "Participation des habitants"), (2, "Logement")]


def test_type_year_when_and_audience_facets(client, golden):
    data = search(client, golden["catalogue"])
    assert flat(data["facets"]["type"]) == {
        "practice": (4, False), "organisation": (1, False), "forum": (2, False), "news": (1, False)
    }
    assert flat(data["facets"]["audience"]) == {"benevoles": (2, False), "habitants": (2, False)}
    assert flat(data["facets"]["organisation_type"]) == {"centre-social": (1, False)}
    years = flat(data["facets"]["year"])
    assert years["2022"] == (3, False)  # p2, p3, n1
    assert years["2021"] == (1, False) and years["2023"] == (1, False)
    # Sorted by year, newest first (not by count: 2022 has the most results).
    listed = [value["value"] for value in data["facets"]["year"]]
    assert listed == sorted(listed, key=int, reverse=True) and listed.index("2023") < listed.index("2022")
    assert flat(data["facets"]["when"]) == {"upcoming": (1, False), "past": (1, False)}
    assert keys(golden, search(client, golden["catalogue"], when="upcoming")) == {"f1"}
    assert keys(golden, search(client, golden["catalogue"], when="past")) == {"f2"}
    assert keys(golden, search(client, golden["catalogue"], year="2022", type="practice")) == {"p2", "p3"}


def test_tags_facet(client, golden):
    data = search(client, golden["catalogue"], tag="jardin")
    assert keys(golden, data) == {"p1"}
    assert flat(data["facets"]["tag"]) == {"jardin": (1, True)}
    assert data["facets"]["tag"][0]["label"] == "jardin"


def test_full_text_with_accents_and_highlight_escaped(client, golden):
    data = search(client, golden["catalogue"], q="prevention")
    assert keys(golden, data) == {"p1", "f1"}
    data = search(client, golden["catalogue"], q="jardin")
    assert keys(golden, data) == {"p1", "p3"}  # p1 by its tag, p3 by its title
    data = search(client, golden["catalogue"], q="partagée")
    assert keys(golden, data) == {"p1", "p2", "p3", "p4"}
    for hit in data["results"]:
        assert "<mark>partagée</mark>" in hit["highlight"]
        assert "<script>" not in hit["highlight"] and "<b>" not in hit["highlight"]
        assert "&lt;script&gt;" in hit["highlight"]


def test_locale_scopes_the_catalogue(client, golden):
    data = search(client, golden["english"])
    assert [hit["title"] for hit in data["results"]] == ["Health prevention workshops"]
    # English labels fall back to the default language's while terms are untranslated.
    assert flat(data["facets"]["domain"]) == {"sante": (1, False), "prevention": (1, False)}


def test_editor_restricts_types_and_facets(client, golden):
    found, data = all_keys(client, golden, golden["practices_only"])
    assert found == {"p1", "p2", "p3", "p4"}
    assert set(data["facets"]) == {"domain", "territory"}
    data = search(client, golden["practices_only"], type="forum", audience="benevoles")
    assert {item["parameter"] for item in data["ignored"]} == {"type", "audience"}


def test_sorts(client, golden):
    by_title = search(client, golden["catalogue"], sort="title", type="practice")
    assert [hit["title"] for hit in by_title["results"]] == sorted(hit["title"] for hit in by_title["results"])
    by_date = search(client, golden["catalogue"], sort="date", type="practice")
    assert [golden["titles"][hit["title"]] for hit in by_date["results"]] == ["p4", "p2", "p3", "p1"] or [
        golden["titles"][hit["title"]] for hit in by_date["results"]
    ] == ["p4", "p3", "p2", "p1"]
    relevance = search(client, golden["catalogue"], q="santé prévention")
    assert golden["titles"][relevance["results"][0]["title"]] == "p1"  # both words in the title


@pytest.mark.parametrize(
    "params",
    [
        {"domain": "nope"},
        {"colour": "blue"},
        {"q": "x" * 5000},
        {"q": "\x00\x01binary\xff"},
        {"page": "999"},
        {"page": "-3"},
        {"page": "abc"},
        {"sort": "random"},
        {"q": ["one", "two"]},
        {"domain": ["sante"] * 50},
        {"domain": "<script>"},
        {"year": "99999"},
        {"tag": "does-not-exist"},
        {"page": "²"},
        {"year": "²"},
    ],
)
def test_bad_input_is_ignored_and_listed_never_a_5xx(client, golden, params):
    response = client.get(golden["catalogue"].url, {"format": "json", **params})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] >= 0
    html = client.get(golden["catalogue"].url, params)
    assert html.status_code == 200
    if params != {"domain": ["sante"] * 50}:
        assert data["ignored"], params
        text = html.content.decode()
        assert "could not be used" in text or "n’a pas pu" in text or "ignor" in text


def test_empty_result_suggests_filters_to_remove(client, golden):
    response = client.get(golden["catalogue"].url, {"domain": "logement", "territory": "toulouse"})
    assert response.context["result"].total == 0
    suggestions = {s.total for s in response.context["result"].suggestions}
    assert suggestions == {2}  # without the domain filter: p1, o1; without the territory: p4, f2
    html = response.content.decode()
    assert 'rel="nofollow"' in html


def test_html_page_without_javascript(client, golden):
    response = client.get(golden["catalogue"].url, {"domain": "prevention", "q": "ateliers"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="status"' in html and 'aria-live="polite"' in html
    assert 'name="domain" value="prevention"' in html and "checked" in html
    assert '<link rel="canonical" href="http://localhost/catalogue/">' in html
    assert '<meta name="robots" content="noindex, follow">' in html
    assert "Ateliers de prévention santé" in html
    assert 'rel="nofollow"' in html  # filter removal links


def test_each_engine_keeps_its_request_budget(golden, engine_name, monkeypatch):
    """Database: facet counts in at most 1 + k SQL statements. Elasticsearch: the
    whole catalogue query in exactly one request. Whatever the page size."""
    if engine_name == "database":
        check_database_statements(golden)
        return
    from django.http import QueryDict

    engine = get_engine()
    scope = scope_for(golden["catalogue"])
    requests = []
    transport = engine.client.transport  # shared by every client.options() copy
    perform = transport.perform_request

    def counting(method, path, *args, **kwargs):
        requests.append((method, path))
        return perform(method, path, *args, **kwargs)

    monkeypatch.setattr(transport, "perform_request", counting)
    for params in ("", "domain=sante", "q=forum&domain=sante&territory=nord&audience=habitants", "q=zzzz&type=news"):
        for page_size in (1, 50):
            requests.clear()
            query = parse_query(QueryDict(params), scope)
            raw = engine.search(query, scope.__class__(**{**scope.__dict__, "page_size": page_size}))
            assert len(requests) == 1, (params, page_size, requests)
            assert requests[0][1].endswith("/_search")
            assert raw.queries == 1


def check_database_statements(golden):
    catalogue = golden["catalogue"]
    scope = scope_for(catalogue)
    engine = get_engine()
    from django.http import QueryDict

    for params, selected in [("", 0), ("domain=sante", 1), ("domain=sante&territory=nord&audience=habitants", 3)]:
        for page_size in (1, 50):
            query = parse_query(QueryDict(params), scope)
            with CaptureQueriesContext(connection) as captured:
                engine.search(query, scope.__class__(**{**scope.__dict__, "page_size": page_size}))
            facet_queries = [
                q for q in captured.captured_queries if "cataloguefacetvalue" in q["sql"].split("WHERE")[0]
            ]
            assert len(facet_queries) <= 1 + selected, (params, page_size, len(facet_queries))
