"""What only the Elasticsearch engine does: language analysis, "did you mean",
title autocomplete, top buckets, the alias-swapping rebuild, drift repair, and
answering from the database when the cluster fails. Against a real server
(the parity with the database engine is in tests/catalogue/test_golden.py)."""

import logging
import socket
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail_reseau import models as m
from wagtail_reseau.catalogue.documents import page_key
from wagtail_reseau.catalogue.engines import get_engine
from wagtail_reseau.models import CatalogueBacklog

from tests.conftest import publish

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]

#: SQL statements that write.
WRITES = {"INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP"}


@pytest.fixture
def es(elasticsearch_settings):
    return get_engine("elasticsearch")


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def site(es, home, locale_en, commit, vocab):
    """A French and an English catalogue with a few practices."""
    with commit():
        practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
        pages = {
            "ecoles": publish(practices, m.GoodPracticePage(
                title="Les écoles ouvertes du quartier", slug="ecoles", summary="Des cours pour les habitants.")),
            "jardin": publish(practices, m.GoodPracticePage(
                title="Jardin partagé", slug="jardin", summary="Cultiver ensemble la prévention.")),
            "ateliers": publish(practices, m.GoodPracticePage(
                title="Ateliers numériques", slug="ateliers",
                summary="Aider aux démarches en ligne, par l'éducation populaire.")),
        }
        pages["jardin"].domains.set([vocab["prevention"]])
        pages["jardin"].save_revision().publish()
        catalogue = publish(home, m.CataloguePage(title="Catalogue", slug="catalogue"))
        english_home = home.copy_for_translation(locale_en)
        english_home.save_revision().publish()
        english_practices = practices.copy_for_translation(locale_en)
        english_practices.save_revision().publish()
        english = pages["ateliers"].copy_for_translation(locale_en)
        english.title = "Digital workshops"
        english.summary = "Helping people with their online paperwork."
        english.save_revision().publish()
        english_catalogue = publish(english_home, m.CataloguePage(title="Catalogue", slug="catalogue"))
    return {"catalogue": catalogue, "english": english_catalogue, "practices": practices, **pages}


def search(client, catalogue, **params):
    response = client.get(catalogue.url, {"format": "json", **params})
    assert response.status_code == 200, response.content[:300]
    return response.json()


def titles(data):
    return {hit["title"] for hit in data["results"]}


def test_each_language_has_its_analyser(es, site, client):
    mapping = es.client.indices.get_mapping(index=es.alias)
    properties = next(iter(mapping.values()))["mappings"]["properties"]["i18n"]["properties"]
    assert properties["fr"]["properties"]["text"]["analyzer"] == "reseau_fr"
    analysed = es.client.indices.analyze(index=es.alias, analyzer="reseau_fr", text="Les écoles de l'éducation")
    assert [token["token"] for token in analysed["tokens"]] == ["ecol", "éduc"]  # stop words, elision, stems
    analysed = es.client.indices.analyze(index=es.alias, analyzer="reseau_en", text="The workshops")
    assert [token["token"] for token in analysed["tokens"]] == ["workshop"]
    # Stemming finds what the database engine's word matching cannot.
    assert titles(search(client, site["catalogue"], q="école")) == {"Les écoles ouvertes du quartier"}
    assert titles(search(client, site["english"], q="workshop")) == {"Digital workshops"}
    # Words reach the language fields with their accents: "éducations" -> "éduc", as indexed.
    assert titles(search(client, site["catalogue"], q="éducations")) == {"Ateliers numériques"}
    # Each catalogue searches its own language only.
    assert titles(search(client, site["english"], q="ateliers")) == set()


def test_highlight_comes_from_the_engine_with_markup_escaped(es, site, client, commit):
    with commit():
        page = site["jardin"]
        page.what = "<p>Un potager &lt;b&gt;bio&lt;/b&gt; où chacun cultive.</p>"
        page.save_revision().publish()
    data = search(client, site["catalogue"], q="cultiver")
    hit = next(hit for hit in data["results"] if hit["title"] == "Jardin partagé")
    assert "<mark>Cultiver</mark>" in hit["highlight"] or "<mark>cultive</mark>" in hit["highlight"]
    data = search(client, site["catalogue"], q="potager")
    hit = data["results"][0]
    assert "<mark>potager</mark>" in hit["highlight"]
    assert "&lt;b&gt;bio&lt;" in hit["highlight"] and "<b>" not in hit["highlight"]


def test_did_you_mean_for_a_misspelled_query(es, site, client):
    data = search(client, site["catalogue"], q="jardn partagé")
    assert data["count"] == 0
    assert data["did_you_mean"]["text"] == "jardin partagé"
    assert data["did_you_mean"]["querystring"] == "?q=jardin+partag%C3%A9"
    followed = search(client, site["catalogue"], q=data["did_you_mean"]["text"])
    assert titles(followed) == {"Jardin partagé"}
    html = client.get(site["catalogue"].url, {"q": "jardn"}).content.decode()
    assert 'href="?q=jardin"' in html
    assert search(client, site["catalogue"], q="jardin")["did_you_mean"] is None


def test_autocomplete_proposes_titles_of_the_catalogue(es, site, client, commit):
    with commit():
        draft = m.GoodPracticePage(title="Jardin secret (brouillon)", slug="brouillon", live=False)
        site["practices"].add_child(instance=draft)
        draft.save_revision()
    response = client.get(site["catalogue"].url, {"format": "autocomplete", "q": "jar"})
    assert response.status_code == 200
    assert response.json()["results"] == [
        {"title": "Jardin partagé", "url": site["jardin"].url, "type": "practice"}
    ]
    assert [r["title"] for r in client.get(site["catalogue"].url, {"format": "autocomplete", "q": "ecoles ouv"}).json()[
        "results"]] == ["Les écoles ouvertes du quartier"]
    english = client.get(site["english"].url, {"format": "autocomplete", "q": "dig"}).json()
    assert [r["title"] for r in english["results"]] == ["Digital workshops"]
    assert client.get(site["catalogue"].url, {"format": "autocomplete", "q": "\x00"}).json()["results"] == []


def test_selected_values_beyond_the_top_buckets_are_counted(es, site, client, settings, vocab, commit):
    with commit():
        site["ecoles"].domains.set([vocab["participation"]])
        site["ecoles"].save_revision().publish()
        site["ateliers"].domains.set([vocab["participation"]])
        site["ateliers"].save_revision().publish()
    settings.WAGTAIL_RESEAU_ELASTICSEARCH = {**settings.WAGTAIL_RESEAU_ELASTICSEARCH, "FACET_SIZE": 1}
    values = {value["value"]: value for value in search(client, site["catalogue"])["facets"]["domain"]}
    assert set(values) == {"participation"}  # only the top bucket
    data = search(client, site["catalogue"], domain="sante")
    counts = {value["value"]: (value["count"], value["selected"]) for value in data["facets"]["domain"]}
    assert counts["sante"] == (1, True)  # outside the top bucket, yet there with its count


def test_rebuild_swaps_the_alias_and_never_shows_an_empty_catalogue(es, site, client, monkeypatch):
    before = es.indices_behind_alias()
    expected = search(client, site["catalogue"])["count"]
    seen_during = []
    loaded = []
    original_load, original_bulk = es._load, es._bulk

    def count_now():
        cache.clear()  # not the cached landing page
        seen_during.append(search(client, site["catalogue"])["count"])

    def load_between_searches(batches, progress=None):
        count_now()  # the new index exists, still empty
        original_load(batches, progress)
        count_now()  # the new index is full, the alias not moved yet

    def counted_bulk(actions, refresh=None, **options):  # runs on the bulk thread
        actions = list(actions)
        original_bulk(actions, refresh=refresh, **options)
        loaded.extend(action["_id"] for action in actions)

    from wagtail_reseau.catalogue import engines

    monkeypatch.setattr(engines, "get_engine", lambda name=None: es if name != "database" else get_engine("database"))
    monkeypatch.setattr(es, "_load", load_between_searches)
    monkeypatch.setattr(es, "_bulk", counted_bulk)
    out, err = StringIO(), StringIO()
    call_command("reseau_rebuild_catalogue", stdout=out, stderr=err)
    after = es.indices_behind_alias()
    assert len(after) == 1 and after != before
    assert not es.client.indices.exists(index=before[0])
    assert len(seen_during) == 2 and all(count == expected for count in seen_during)
    assert sorted(loaded) == sorted(es.indexed_keys())  # every document, once
    assert search(client, site["catalogue"])["count"] == expected
    assert "elasticsearch" in err.getvalue() and "100%" in err.getvalue()


def test_drift_is_reported_and_repaired(es, site, commit):
    client = es.client
    client.delete(index=es.alias, id=page_key(site["ecoles"].pk), refresh=True)
    client.update(index=es.alias, id=page_key(site["jardin"].pk), doc={"fingerprint": "old"}, refresh=True)
    client.index(
        index=es.alias, id=page_key(999999), document={"key": page_key(999999), "fingerprint": "x"}, refresh=True
    )
    out = StringIO()
    with translation.override("en"), pytest.raises(SystemExit) as exit_info:
        call_command("reseau_catalogue_drift", "--engine", "elasticsearch", "--no-progress", stdout=out)
    assert exit_info.value.code == 1
    report = out.getvalue()
    assert "1 missing, 1 extra, 1 out of date, 0 waiting in the backlog" in report
    assert f"missing: {page_key(site['ecoles'].pk)}" in report and f"extra: {page_key(999999)}" in report
    with translation.override("en"):
        call_command("reseau_catalogue_drift", "--engine", "elasticsearch", "--repair", "--no-progress", stdout=out)
    assert "elasticsearch: repaired." in out.getvalue()
    out = StringIO()
    with translation.override("en"):
        call_command("reseau_catalogue_drift", "--engine", "elasticsearch", "--no-progress", stdout=out)  # exit 0
    assert "0 missing, 0 extra, 0 out of date" in out.getvalue()
    assert set(es.indexed_keys()) == {page_key(site[key].pk) for key in ("ecoles", "jardin", "ateliers")} | {
        page_key(page.pk) for page in m.GoodPracticePage.objects.filter(locale__language_code="en")
    }


def test_an_unreachable_cluster_falls_back_to_the_database(es, site, client, settings, caplog, commit):
    settings.WAGTAIL_RESEAU_ELASTICSEARCH = {**settings.WAGTAIL_RESEAU_ELASTICSEARCH, "HOSTS": ["http://127.0.0.1:9"]}
    caplog.set_level(logging.WARNING)
    data = search(client, site["catalogue"], q="jardin")
    assert titles(data) == {"Jardin partagé"}  # answered by the database engine
    assert data["notice"]
    assert "answering from the database" in caplog.text
    html = client.get(site["catalogue"].url, {"q": "jardin"})
    assert html.status_code == 200
    assert 'id="reseau-engine-notice"' in html.content.decode()
    auto = client.get(site["catalogue"].url, {"format": "autocomplete", "q": "jar"})
    assert auto.status_code == 200 and [r["title"] for r in auto.json()["results"]] == ["Jardin partagé"]


def test_a_slow_cluster_falls_back_too(es, site, client, settings):
    # A node that accepts the connection and never answers (a socket listening on
    # loopback, never read): a real timeout, whatever the machine's speed. (A tiny
    # SEARCH_TIMEOUT against the real node was flaky: a cached answer can beat it.)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        host, port = silent.getsockname()
        settings.WAGTAIL_RESEAU_ELASTICSEARCH = {
            **settings.WAGTAIL_RESEAU_ELASTICSEARCH, "HOSTS": [f"http://{host}:{port}"], "SEARCH_TIMEOUT": 0.5,
        }
        data = search(client, site["catalogue"], q="jardin")
    assert titles(data) == {"Jardin partagé"}
    assert data["notice"]


def test_changes_during_an_outage_reach_the_index_after_recovery(es, site, client, settings, commit):
    working = settings.WAGTAIL_RESEAU_ELASTICSEARCH
    settings.WAGTAIL_RESEAU_ELASTICSEARCH = {**working, "HOSTS": ["http://127.0.0.1:9"]}
    with commit():
        page = publish(site["practices"], m.GoodPracticePage(title="Café des parents", slug="cafe"))
        site["jardin"].unpublish()
    assert page.live  # publishing went through
    assert set(CatalogueBacklog.objects.values_list("engine", "key")) == {
        ("elasticsearch", page_key(page.pk)), ("elasticsearch", page_key(site["jardin"].pk))
    }
    settings.WAGTAIL_RESEAU_ELASTICSEARCH = working
    cache.clear()  # the breaker would otherwise keep searches on the database for a while
    from wagtail_reseau.catalogue.indexing import BACKLOG_FLAG

    cache.set(BACKLOG_FLAG.format(engine="elasticsearch"), True)
    with CaptureQueriesContext(connection) as captured:
        first = search(client, site["catalogue"])  # reaches the cluster, and writes nothing
    assert not first["notice"]
    assert not [query["sql"] for query in captured if query["sql"].split()[0].upper() in WRITES]
    assert CatalogueBacklog.objects.count() == 2  # a search never writes: the backlog waits
    out = StringIO()
    with translation.override("en"):
        call_command("reseau_catalogue_catch_up", stdout=out)
    assert "elasticsearch: 2 pages written, 0 still waiting in the backlog." in out.getvalue()
    assert not CatalogueBacklog.objects.exists()
    es.client.indices.refresh(index=es.alias)
    found = titles(search(client, site["catalogue"]))
    assert "Café des parents" in found and "Jardin partagé" not in found


def test_catch_up_fails_while_the_cluster_is_unreachable(es, site, settings, commit):
    working = settings.WAGTAIL_RESEAU_ELASTICSEARCH
    settings.WAGTAIL_RESEAU_ELASTICSEARCH = {**working, "HOSTS": ["http://127.0.0.1:9"]}
    with commit():
        page = publish(site["practices"], m.GoodPracticePage(title="Café des parents", slug="cafe"))
    assert set(CatalogueBacklog.objects.values_list("engine", "key")) == {("elasticsearch", page_key(page.pk))}
    out = StringIO()
    with translation.override("en"), pytest.raises(SystemExit) as exit_info:
        call_command("reseau_catalogue_catch_up", stdout=out)
    assert exit_info.value.code == 1
    assert "elasticsearch: 0 pages written, 1 still waiting in the backlog." in out.getvalue()
    assert "database: 0 pages written, 0 still waiting in the backlog." in out.getvalue()
    settings.WAGTAIL_RESEAU_ELASTICSEARCH = working
    out = StringIO()
    with translation.override("en"):
        call_command("reseau_catalogue_catch_up", stdout=out)  # exit 0
    assert "elasticsearch: 1 pages written, 0 still waiting in the backlog." in out.getvalue()
    assert not CatalogueBacklog.objects.exists()
    assert page_key(page.pk) in es.indexed_keys()


def test_a_page_beyond_the_result_window_gives_the_last_page_without_tripping_the_breaker(es, site, client):
    data = search(client, site["catalogue"], page="999999")
    assert data["page"] == data["num_pages"] == 1 and not data["notice"]
    assert {item["parameter"] for item in data["ignored"]} == {"page"}
    assert not search(client, site["catalogue"], q="jardin")["notice"]  # the cluster is still used


def test_a_refused_request_falls_back_for_that_request_only(es, site, client, settings, caplog):
    # A language added to ANALYZERS without a rebuild: the index has no such fields.
    es.client.indices.delete(index=es.indices_behind_alias())
    data = search(client, site["catalogue"], q="jardin")
    assert titles(data) == {"Jardin partagé"} and data["notice"]
    assert "reseau_rebuild_catalogue" in caplog.text
    assert not cache.get(es._down_key)  # no breaker for a request the cluster refused


def test_connection_options_may_set_timeouts_and_retries(es, site, client, settings):
    settings.WAGTAIL_RESEAU_ELASTICSEARCH = {
        **settings.WAGTAIL_RESEAU_ELASTICSEARCH, "OPTIONS": {"request_timeout": 5, "max_retries": 0},
    }
    data = search(client, site["catalogue"], q="jardin")
    assert titles(data) == {"Jardin partagé"} and not data["notice"]


def test_a_rebuild_drops_what_an_interrupted_one_left(es, site):
    leftover = f"{es.alias}-19990101000000000000"
    es.client.indices.create(index=leftover, aliases={es.rebuild_alias: {}}, **es.index_body())
    call_command("reseau_rebuild_catalogue", "--no-progress", stdout=StringIO())
    assert not es.client.indices.exists(index=leftover)
    assert not es.client.indices.exists_alias(name=es.rebuild_alias)
    assert es.indexed_keys()


def test_two_rebuilds_at_once_leave_the_complete_one_in_place(es, site, client):
    from wagtail.models import Page

    from wagtail_reseau.catalogue.documents import build_document
    from wagtail_reseau.catalogue.indexing import searchable_models

    documents = [d for d in (build_document(p) for p in Page.objects.live().type(*searchable_models()).specific()) if d]
    expected = search(client, site["catalogue"])["count"]

    def first_batches():
        yield documents[:1]
        # Meanwhile, a second rebuild runs to its end (it drops the first one's index).
        es.rebuild([documents])
        yield documents[1:]

    with pytest.raises(Exception):  # noqa: B017 - whatever the client raises when its index is gone
        es.rebuild(first_batches())
    assert len(es.indices_behind_alias()) == 1
    assert not es.client.indices.exists_alias(name=es.rebuild_alias)
    cache.clear()
    assert search(client, site["catalogue"])["count"] == expected
    mapping = next(iter(es.client.indices.get_mapping(index=es.alias).values()))["mappings"]
    assert mapping["dynamic"] == "strict"  # the real mapping, not one guessed from a document


def test_a_refused_batch_stops_the_rebuild_and_leaves_the_index_in_place(es, site, client, monkeypatch):
    from wagtail.models import Page

    from wagtail_reseau.catalogue.documents import build_document
    from wagtail_reseau.catalogue.indexing import searchable_models

    documents = [d for d in (build_document(p) for p in Page.objects.live().type(*searchable_models()).specific()) if d]
    before = es.indices_behind_alias()
    expected = search(client, site["catalogue"])["count"]
    source = es.source
    # The strict mapping refuses a field it does not know.
    refused = documents[1].page_id

    def source_refused_for_one(document):
        return {**source(document), "unknown": 1} if document.page_id == refused else source(document)

    monkeypatch.setattr(es, "source", source_refused_for_one)
    built = []

    def batches():
        for document in documents:
            built.append(document.page_id)
            yield [document]

    with pytest.raises(RuntimeError, match="refused"):
        es.rebuild(batches())
    assert built == [document.page_id for document in documents[:3]]  # stopped at the next batch
    assert es.indices_behind_alias() == before
    assert not es.client.indices.exists_alias(name=es.rebuild_alias)
    assert sorted(es.client.indices.get(index=f"{es.alias}-*")) == before  # the new index is gone
    cache.clear()
    assert search(client, site["catalogue"])["count"] == expected
