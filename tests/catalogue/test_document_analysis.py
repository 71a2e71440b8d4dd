"""A document's folded words and stems are computed once (``analysed_fields``),
for both engines, and again only if its text changes."""

from wagtail_reseau.catalogue.documents import ANALYSED_FIELDS, CatalogueDocument
from wagtail_reseau.catalogue.engines.elasticsearch.mapping import source
from wagtail_reseau.catalogue.text import words_and_stems


def document(**values):
    fields = {
        "key": "local:page:1", "page_id": 1, "locale_id": 1, "language_code": "fr", "type": "practice",
        "title": "Formations des bénévoles", "url": "/f/", "summary": "Éducation populaire.",
        "text": "Des animatrices formées, l'été.", "date": None, "event_last": None,
    }  # fmt: skip
    return CatalogueDocument(**{**fields, **values})


def test_the_fields_are_analysed_once():
    doc = document()
    analysed = doc.analysed_fields()
    assert analysed == {name: words_and_stems(getattr(doc, name), "fr") for name in ANALYSED_FIELDS}
    assert doc.analysed_fields() is analysed
    assert source(doc)["stems"] == {name: stems for name, (_words, stems) in analysed.items()}
    assert source(doc)["folded"]["summary"] == "education populaire"


def test_a_changed_field_or_language_is_analysed_again():
    doc = document()
    first = doc.analysed_fields()
    doc.text = "Des ateliers de cuisine."
    assert doc.analysed_fields()["text"] == words_and_stems("Des ateliers de cuisine.", "fr")
    assert doc.analysed_fields()["title"] == first["title"]
    doc.language_code = "en"
    assert doc.analysed_fields()["title"] == words_and_stems(doc.title, "en")


def test_the_analysis_is_not_part_of_the_document():
    doc = document()
    fingerprint = doc.fingerprint()
    doc.analysed_fields()
    assert doc.fingerprint() == fingerprint
    assert doc == document()


def test_the_fingerprint_is_the_hash_of_every_field():
    """Stored fingerprints stay valid: the same bytes as ``dataclasses.asdict``
    dumped with ``json.dumps`` (dates, tuples, sets of facet values, labels)."""
    import dataclasses
    import datetime
    import hashlib
    import json

    doc = document(
        date=datetime.date(2026, 11, 29),
        event_last=datetime.datetime(2026, 12, 1, 18, 30, tzinfo=datetime.UTC),
        years=(2026,),
        facets={"domain": {"sante", "education"}, "type": {"practice"}},
        facet_labels={"tag": {"jardin": "Jardin partagé"}},
        location=(48.85, 2.35),
        reuse_count=3,
    )
    doc.analysed_fields()
    data = dataclasses.asdict(document(**{field.name: getattr(doc, field.name) for field in dataclasses.fields(doc)}))
    data["facets"] = {key: sorted(values) for key, values in sorted(doc.facets.items())}
    encoded = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False).encode()
    assert doc.fingerprint() == hashlib.blake2b(encoded, digest_size=12).hexdigest()
