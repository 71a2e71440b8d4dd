"""The catalogue's rules, on a golden dataset with hand-computed expectations.

Written against the JSON contract, parametrised by engine, so the same tests hold
every engine to the same behaviour (see tests/catalogue/golden.py for the data)."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from wagtail_reseau import models as m
from wagtail_reseau.catalogue.engines import get_engine
from wagtail_reseau.catalogue.query import parse_query
from wagtail_reseau.catalogue.views import scope_for

from tests.catalogue.golden import FRENCH_PUBLIC, build_golden
from tests.conftest import publish

pytestmark = pytest.mark.django_db

# The parity suite: every test below runs on each engine. The Elasticsearch runs
# need a real server (see the `elasticsearch_url` fixture in conftest.py).
ENGINES = ["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


@pytest.fixture(params=ENGINES)
def engine_name(request):
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch_settings")
        yield request.param
        return
    with override_settings(WAGTAIL_RESEAU_CATALOGUE_ENGINE=request.param):
        yield request.param


@pytest.fixture
def golden(engine_name, home, locale_fr, locale_en, django_capture_on_commit_callbacks):
    # Pages are indexed by the publish signals, after each commit.
    with django_capture_on_commit_callbacks(execute=True):
        pages, terms = build_golden(home, locale_fr, locale_en)
        catalogue = publish(home, m.CataloguePage(title="Catalogue", slug="catalogue", results_per_page=5))
        only_practices = publish(
            home, m.CataloguePage(title="Pratiques", slug="pratiques", content_types=["practice"],
                                  facets=["domain", "territory"])
        )
        english_home = home.get_translation(locale_en)
        english_catalogue = publish(english_home, m.CataloguePage(title="Catalogue", slug="catalogue"))
    titles = {page.title: key for key, page in pages.items() if hasattr(page, "title")}
    return {"pages": pages, "terms": terms, "catalogue": catalogue, "practices_only": only_practices,
            "english": english_catalogue, "titles": titles}


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
        assert "could not be used" in html.content.decode() or "n’a pas pu" in html.content.decode() or "ignor" in html.content.decode()


def test_empty_result_suggests_filters_to_remove(client, golden):
    response = client.get(golden["catalogue"].url, {"domain": "logement", "territory": "toulouse"})
    assert response.context["result"].total == 0
    suggestions = {s.total for s in response.context["result"].suggestions}
    assert suggestions == {2, 2}  # without the domain filter: p1, o1; without the territory: p4, f2
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
            facet_queries = [q for q in captured.captured_queries if "cataloguefacetvalue" in q["sql"].split("WHERE")[0]]
            assert len(facet_queries) <= 1 + selected, (params, page_size, len(facet_queries))


def test_a_catalogue_searches_its_own_site_or_every_site(
    client, golden, locale_fr, settings, django_capture_on_commit_callbacks
):
    """Several sites on one installation (a national site and a regional one): a
    catalogue searches its own site by default, every site when asked."""
    settings.ALLOWED_HOSTS = ["*"]
    from urllib.parse import urlsplit

    from wagtail.models import Page, Site

    def get(catalogue, **params):
        url = urlsplit(catalogue.full_url)
        response = client.get(url.path, {"format": "json", **params}, HTTP_HOST=url.hostname)
        assert response.status_code == 200, response.content[:500]
        return response.json()

    def found(data):
        return {hit["title"] for hit in data["results"]}

    national = golden["catalogue"]
    assert scope_for(national).root_path == ""  # one site: nothing to filter on
    with django_capture_on_commit_callbacks(execute=True):
        region_home = Page.get_first_root_node().add_child(instance=Page(title="Région", slug="region", locale=locale_fr))
        Site.objects.create(hostname="region.example", port=80, root_page=region_home)
        practices = publish(region_home, m.GoodPracticeIndexPage(title="Pratiques", slug="pratiques"))
        publish(practices, m.GoodPracticePage(title="Potager régional", slug="potager", summary="Un jardin."))
        regional = publish(region_home, m.CataloguePage(title="Catalogue régional", slug="catalogue"))
        network = publish(
            golden["catalogue"].get_parent(), m.CataloguePage(title="Tout le réseau", slug="reseau", search_area="network")
        )
    assert national.search_area == "site"
    assert scope_for(national).root_path == national.get_parent().path  # the national site's root
    assert scope_for(network).root_path == ""

    assert found(get(regional, q="jardin")) == {"Potager régional"}
    assert "Potager régional" not in found(get(national, q="jardin"))
    both = found(get(network, q="jardin"))
    assert "Potager régional" in both and both > found(get(national, q="jardin"))
    assert get(regional)["count"] == 1  # the landing page too
    assert get(network)["count"] == get(national)["count"] + 1
    # Autocomplete keeps to the same pages.
    completions = client.get(urlsplit(national.full_url).path, {"format": "autocomplete", "q": "potag"})
    assert completions.json()["results"] == []
    completions = client.get(
        urlsplit(regional.full_url).path, {"format": "autocomplete", "q": "potag"}, HTTP_HOST="region.example"
    )
    assert [result["title"] for result in completions.json()["results"]] == ["Potager régional"]
    assert completions.json()["results"][0]["url"].startswith("http://region.example/")
