"""The catalogue index stays in step with the pages and the vocabularies, on
every engine (the Elasticsearch runs need a real server: see conftest.py)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import PageViewRestriction

from wagtail_reseau import models as m
from wagtail_reseau.catalogue.engines import get_engine
from wagtail_reseau.models import CatalogueEntry, CatalogueFacetValue

from tests.conftest import publish

pytestmark = pytest.mark.django_db


class DatabaseIndex:
    """What the database engine's tables hold."""

    def titles(self, locale_id=None):
        entries = CatalogueEntry.objects.all()
        if locale_id is not None:
            entries = entries.filter(locale_id=locale_id)
        return set(entries.values_list("title", flat=True))

    def values(self, page, facet):
        return set(
            CatalogueFacetValue.objects.filter(entry__page_id=page.pk, facet=facet).values_list("value", flat=True)
        )

    def url(self, page):
        return CatalogueEntry.objects.get(page_id=page.pk).url

    def drop(self):
        CatalogueEntry.objects.all().delete()


class ElasticsearchIndex:
    """What the Elasticsearch index holds, read straight from the server."""

    def __init__(self):
        self.engine = get_engine("elasticsearch")

    def sources(self, query=None):
        client = self.engine.client
        client.indices.refresh(index=self.engine.alias)
        response = client.search(index=self.engine.alias, query=query or {"match_all": {}}, size=1000)
        return [hit["_source"] for hit in response["hits"]["hits"]]

    def titles(self, locale_id=None):
        query = {"term": {"locale_id": locale_id}} if locale_id is not None else None
        return {source["display"]["title"] for source in self.sources(query)}

    def values(self, page, facet):
        found = self.sources({"term": {"page_id": page.pk}})
        return set(found[0]["facets"].get(facet, [])) if found else set()

    def url(self, page):
        return self.sources({"term": {"page_id": page.pk}})[0]["display"]["url"]

    def drop(self):
        self.engine.clear()


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def index(request):
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch_settings")
        yield ElasticsearchIndex()
        return
    with override_settings(WAGTAIL_RESEAU_CATALOGUE_ENGINE="database"):
        yield DatabaseIndex()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Runs the on-commit indexing callbacks of the block, as a real request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def practices(index, home, commit):
    with commit():
        return publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))


def test_publish_unpublish_and_delete(index, practices, commit, vocab):
    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin partagé", slug="jardin"))
    assert index.titles() == {"Jardin partagé"}
    with commit():
        page.title = "Jardin partagé et solidaire"
        page.save_revision()  # a draft does not change what visitors find
    assert index.titles() == {"Jardin partagé"}
    with commit():
        page.save_revision().publish()
    assert index.titles() == {"Jardin partagé et solidaire"}
    with commit():
        page.unpublish()
    assert index.titles() == set()
    with commit():
        page.save_revision().publish()
        page.delete()
    assert index.titles() == set()


def test_move_updates_the_url(index, home, practices, commit):
    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
        other = publish(home, m.GoodPracticeIndexPage(title="Archives", slug="archives"))
    with commit():
        page.move(other, pos="last-child")
    assert index.url(page) == "/archives/jardin/"


def test_privacy_change_removes_and_restores_the_subtree(index, practices, commit):
    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
    with commit():
        restriction = PageViewRestriction.objects.create(
            page=practices, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    assert index.titles() == set()
    with commit():
        restriction.delete()
    assert index.titles() == {page.title}


def test_translation_is_indexed_in_its_locale(index, practices, commit, locale_en, locale_fr, home):
    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
        home.copy_for_translation(locale_en).save_revision().publish()
        practices.copy_for_translation(locale_en).save_revision().publish()
        english = page.copy_for_translation(locale_en)
        english.title = "Garden"
        english.save_revision().publish()
    assert index.titles(locale_id=locale_en.pk) == {"Garden"}
    assert index.titles(locale_id=locale_fr.pk) == {"Jardin"}


def test_vocabulary_rename_relabels_and_reparent_reindexes(index, practices, commit, vocab, client):
    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
        page.domains.set([vocab["prevention"]])
        page.save_revision().publish()
        catalogue = publish(practices.get_parent(), m.CataloguePage(title="Catalogue", slug="catalogue"))
    assert index.values(page, "domain") == {"sante", "prevention"}

    with commit():
        health = vocab["health"]
        health.name = "Santé publique"
        health.save()
    data = client.get(catalogue.url, {"format": "json"}).json()
    assert [value["label"] for value in data["facets"]["domain"]] == ["Santé publique"]

    with commit():
        prevention = vocab["prevention"]
        prevention.parent = vocab["participation"]
        prevention.save()
    assert index.values(page, "domain") == {"participation", "prevention"}

    with commit():
        prevention.slug = "prevention-sante"
        prevention.save()
    assert index.values(page, "domain") == {"participation", "prevention-sante"}


def test_deleting_a_term_removes_it(index, practices, commit, vocab):
    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
        page.domains.set([vocab["participation"]])
        page.save_revision().publish()
    assert index.values(page, "domain") == {"participation"}
    with commit():
        vocab["participation"].delete()
    assert index.values(page, "domain") == set()


def test_rebuild_command_with_progress_bar(index, practices, commit):
    with commit():
        publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
        publish(practices, m.GoodPracticePage(title="Café", slug="cafe"))
    index.drop()
    out, err = StringIO(), StringIO()
    call_command("reseau_rebuild_catalogue", stdout=out, stderr=err)
    assert index.titles() == {"Jardin", "Café"}
    assert "2 documents" in out.getvalue()  # (messages are in the site language: French)
    assert "100%" in err.getvalue()  # tqdm's bar


def test_deleting_a_tag_removes_it(index, practices, commit):
    from taggit.models import Tag

    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
        page.tags.add("potager")
        page.save_revision().publish()
    assert index.values(page, "tag") == {"potager"}
    with commit():
        Tag.objects.get(name="potager").delete()
    assert index.values(page, "tag") == set()


def test_deleted_page_leaves_no_full_text_row(practices, commit):
    from django.db import connection

    from wagtail_reseau.catalogue.engines.database.full_text import FTS_TABLE, full_text_kind

    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
    with commit():
        page.delete()
    assert not CatalogueEntry.objects.exists()
    if full_text_kind() == "fts5":  # SQLite keeps full text in a table of its own
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {FTS_TABLE}")
            assert cursor.fetchone()[0] == 0


def test_a_page_that_cannot_become_a_document_does_not_break_publishing(practices, commit, monkeypatch, caplog):
    from wagtail_reseau.catalogue.indexing import writes

    def broken(page):
        raise RuntimeError("a host adapter failed")

    monkeypatch.setattr(writes, "build_document", broken)
    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
    assert page.live
    assert "could not be turned into a catalogue document" in caplog.text
