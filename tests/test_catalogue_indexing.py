"""The catalogue index stays in step with the pages and the vocabularies."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from wagtail_reseau import models as m
from wagtail_reseau.models import CatalogueEntry, CatalogueFacetValue

from .conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Runs the on-commit indexing callbacks of the block, as a real request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def practices(home, commit):
    with commit():
        return publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))


def indexed(**filters):
    return set(CatalogueEntry.objects.filter(**filters).values_list("title", flat=True))


def values(page, facet):
    return set(CatalogueFacetValue.objects.filter(entry__page_id=page.pk, facet=facet).values_list("value", flat=True))


def test_publish_unpublish_and_delete(practices, commit, vocab):
    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin partagé", slug="jardin"))
    assert indexed() == {"Jardin partagé"}
    with commit():
        page.title = "Jardin partagé et solidaire"
        page.save_revision()  # a draft does not change what visitors find
    assert indexed() == {"Jardin partagé"}
    with commit():
        page.save_revision().publish()
    assert indexed() == {"Jardin partagé et solidaire"}
    with commit():
        page.unpublish()
    assert indexed() == set()
    with commit():
        page.save_revision().publish()
        page.delete()
    assert indexed() == set()


def test_move_updates_the_url(home, practices, commit):
    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
        other = publish(home, m.GoodPracticeIndexPage(title="Archives", slug="archives"))
    with commit():
        page.move(other, pos="last-child")
    assert CatalogueEntry.objects.get(page_id=page.pk).url == "/archives/jardin/"


def test_privacy_change_removes_and_restores_the_subtree(practices, commit):
    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
    with commit():
        restriction = PageViewRestriction.objects.create(
            page=practices, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    assert indexed() == set()
    with commit():
        restriction.delete()
    assert indexed() == {page.title}


def test_translation_is_indexed_in_its_locale(practices, commit, locale_en, home):
    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
        home.copy_for_translation(locale_en).save_revision().publish()
        practices.copy_for_translation(locale_en).save_revision().publish()
        english = page.copy_for_translation(locale_en)
        english.title = "Garden"
        english.save_revision().publish()
    assert indexed(locale=locale_en) == {"Garden"}
    assert indexed(locale__language_code="fr") == {"Jardin"}


def test_vocabulary_rename_relabels_and_reparent_reindexes(practices, commit, vocab, client):
    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
        page.domains.set([vocab["prevention"]])
        page.save_revision().publish()
        catalogue = publish(practices.get_parent(), m.CataloguePage(title="Catalogue", slug="catalogue"))
    assert values(page, "domain") == {"sante", "prevention"}

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
    assert values(page, "domain") == {"participation", "prevention"}

    with commit():
        prevention.slug = "prevention-sante"
        prevention.save()
    assert values(page, "domain") == {"participation", "prevention-sante"}


def test_deleting_a_term_removes_it(practices, commit, vocab):
    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
        page.domains.set([vocab["participation"]])
        page.save_revision().publish()
    assert values(page, "domain") == {"participation"}
    with commit():
        vocab["participation"].delete()
    assert values(page, "domain") == set()


def test_rebuild_command_with_progress_bar(practices, commit):
    with commit():
        publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
        publish(practices, m.GoodPracticePage(title="Café", slug="cafe"))
    CatalogueEntry.objects.all().delete()
    out, err = StringIO(), StringIO()
    call_command("reseau_rebuild_catalogue", stdout=out, stderr=err)
    assert indexed() == {"Jardin", "Café"}
    assert "2 documents" in out.getvalue()  # (messages are in the site language: French)
    assert "100%" in err.getvalue()  # tqdm's bar


def test_deleting_a_tag_removes_it(practices, commit):
    from taggit.models import Tag

    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
        page.tags.add("potager")
        page.save_revision().publish()
    assert values(page, "tag") == {"potager"}
    with commit():
        Tag.objects.get(name="potager").delete()
    assert values(page, "tag") == set()


def test_deleted_page_leaves_no_full_text_row(practices, commit):
    from django.db import connection

    from wagtail_reseau.catalogue.engines.database import FTS_TABLE, full_text_kind

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
    from wagtail_reseau.catalogue import indexing

    def broken(page):
        raise RuntimeError("a host adapter failed")

    monkeypatch.setattr(indexing, "build_document", broken)
    with commit():
        page = publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin"))
    assert page.live
    assert "could not be turned into a catalogue document" in caplog.text
