"""Pages become the same catalogue documents whether one is published or all are
read at once for a rebuild or a drift check (relations prefetched per batch)."""

import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from wagtail_reseau import models as m
from wagtail_reseau.catalogue import documents
from wagtail_reseau.catalogue.documents import (
    build_document,
    live_searchable_pages_count,
    searchable_document_batches,
)

from tests.conftest import in_days, publish

pytestmark = pytest.mark.django_db


def batch_documents(batch_size=500):
    return {document.page_id: document for batch in searchable_document_batches(batch_size) for document in batch}


def one_by_one():
    """Each page read alone, as publishing reads it."""
    pages = Page.objects.live().specific()
    return {document.page_id: document for document in (build_document(page) for page in pages) if document}


@pytest.fixture
def classified(home, vocab):
    """Pages of several types with terms, tags (added out of alphabetical order)
    and training sessions."""
    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
    trainings = publish(home, m.TrainingIndexPage(title="Formations", slug="formations"))
    pages = []
    for number in range(3):
        page = publish(practices, m.GoodPracticePage(title=f"Pratique {number}", slug=f"pratique-{number}"))
        page.domains.set([vocab["prevention"], vocab["participation"]])
        page.territories.set([vocab["haute_garonne"]])
        page.audiences.set([vocab["volunteers"]])
        page.tags.add("zinc", "atelier", f"mot-{number}")
        page.save_revision().publish()
        pages.append(page)
    capsule = publish(trainings, m.TrainingCapsulePage(title="Collecte de fonds", slug="collecte"))
    capsule.sessions.create(start=in_days(-40))
    capsule.sessions.create(start=in_days(20), end=in_days(21))
    capsule.tags.add("financement")
    capsule.save_revision().publish()
    pages.append(capsule)
    return pages


def test_a_batch_builds_exactly_the_documents_publishing_builds(classified, vocab):
    batched = batch_documents()
    assert set(batched) == {page.pk for page in classified}
    assert batched == one_by_one()  # every field, in the same order
    practice = batched[classified[0].pk]
    assert list(practice.facet_labels["tag"]) == ["atelier", "mot-0", "zinc"]
    assert practice.facets["domain"] == {"sante", "prevention", "participation"}
    assert "Participation des habitants" in practice.text and "Haute-Garonne" in practice.text
    capsule = batched[classified[-1].pk]
    assert capsule.date == in_days(20).date() and capsule.event_last == in_days(21)
    assert {d.fingerprint() for d in batched.values()} == {d.fingerprint() for d in one_by_one().values()}


def test_a_batch_reads_relations_in_a_fixed_number_of_queries(home, vocab):
    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))

    def add_pages(count, start):
        for number in range(start, start + count):
            page = publish(practices, m.GoodPracticePage(title=f"Pratique {number}", slug=f"pratique-{number}"))
            page.domains.set([vocab["prevention"]])
            page.tags.add(f"mot-{number}")
            page.save_revision().publish()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            built = batch_documents()
        return len(built), len(captured)

    add_pages(2, 0)
    queries()  # vocabularies and site root paths, read once and kept
    few, queries_for_few = queries()
    add_pages(6, 2)
    many, queries_for_many = queries()
    assert (few, many) == (2, 8)
    assert queries_for_many == queries_for_few


def test_batches_hold_at_most_the_batch_size_and_skip_private_pages(home, classified):
    private = classified[1]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    sizes = [len(batch) for batch in searchable_document_batches(batch_size=2)]
    assert sizes == [2, 1]
    assert private.pk not in batch_documents()
    # The progress bar's total: the pages read, private ones included.
    assert live_searchable_pages_count() == len(list(documents.live_searchable_pages())) == 4


def test_a_page_that_cannot_become_a_document_is_skipped_and_logged(classified, monkeypatch, caplog):
    build = documents.build_document
    broken = classified[0]

    def failing_for_one(page, restricted_paths=None):
        if page.pk == broken.pk:
            raise RuntimeError("a host adapter failed")
        return build(page, restricted_paths)

    monkeypatch.setattr(documents, "build_document", failing_for_one)
    caplog.set_level(logging.WARNING)
    assert set(batch_documents()) == {page.pk for page in classified[1:]}
    assert f"Page {broken.pk} could not be turned into a catalogue document" in caplog.text



def test_a_host_type_reads_its_own_relations_prefetched(home, vocab, monkeypatch):
    """``DocumentType.prefetch``: relations a host's functions read with
    ``related_objects``, fetched once per batch."""
    import dataclasses

    from wagtail_reseau.catalogue import document_types as registry
    from wagtail_reseau.catalogue.relations import related_objects

    types = registry.document_types()
    with_trainers = dataclasses.replace(
        types["training"],
        get_years=lambda page: [2000 + len(related_objects(page, "trainers"))],
        prefetch=(*types["training"].prefetch, "trainers"),
    )
    monkeypatch.setitem(registry._DOCUMENT_TYPES, "training", with_trainers)
    trainings = publish(home, m.TrainingIndexPage(title="Formations", slug="formations"))

    def add_capsule(number, trainers):
        capsule = publish(trainings, m.TrainingCapsulePage(title=f"Capsule {number}", slug=f"capsule-{number}"))
        for person in trainers:
            capsule.trainers.create(person=person)
        capsule.save_revision().publish()
        return capsule

    first = add_capsule(1, [vocab["expert"], vocab["speaker"]])
    batch_documents()  # vocabularies and site root paths, read once and kept
    with CaptureQueriesContext(connection) as one_page:
        batched = batch_documents()
    assert batched[first.pk].facets["year"] == {"2002"}
    assert batched == one_by_one()
    add_capsule(2, [vocab["expert"]])
    add_capsule(3, [])
    with CaptureQueriesContext(connection) as three_pages:
        assert {d.facets["year"].pop() for d in batch_documents().values()} == {"2002", "2001", "2000"}
    assert len(three_pages) == len(one_page)
