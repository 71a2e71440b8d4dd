"""The practice import's columns beyond What? Who? Why? How?: partner
organisations (each unknown one named in the row's reasons), tags, results,
transferability, lessons learned, the two ratings and the start date; in French
and English headers, as new pages, published updates and draft revisions."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook
from taggit.models import Tag

from wagtail_reseau import models as m
from wagtail_reseau.practices.importing import import_practices

from tests.conftest import publish

pytestmark = pytest.mark.django_db

HEADER = (
    "identifiant;titre;structures partenaires;mots-clés;résultats;transférabilité;enseignements;"
    "public touché;récurrence;date de début\n"
)


def csv_bytes(*rows, header=HEADER):
    return (header + "".join(row + "\n" for row in rows)).encode("utf-8")


def run(data, index, name="p.csv", language="en", **kwargs):
    with translation.override(language):
        return import_practices(data, name, index, **kwargs)


@pytest.fixture
def partners(directory, federation, social_centre):
    """Three organisations: one found by name, one by SIRET, one by external identifier."""
    other = m.OrganisationPage(title="Espace de vie sociale, La Passerelle", slug="passerelle", external_id="EVS-9")
    other = publish(directory, other)
    return {"federation": federation, "centre": social_centre, "evs": other}


def partner_ids(page):
    return [link.organisation_id for link in page.partner_organisations.all()]


def test_partners_tags_texts_ratings_and_date_are_imported(practices, partners):
    Tag.objects.create(name="jardin")
    row = (
        "BP-1;Jardin partagé;Fédération régionale Occitanie, 73282932000074, EVS-9;jardin, potager, jardin;"
        '"Trente familles.\n\nUne récolte.";Un terrain prêté.;Commencer petit.;3;2 sur 4;31/03/2024'
    )
    report = run(csv_bytes(row), practices, dry_run=False, publish=True)
    assert report.written, [row.reasons for row in report.rows]
    page = m.GoodPracticePage.objects.get(external_id="BP-1")
    assert page.live
    assert partner_ids(page) == [partners["federation"].pk, partners["centre"].pk, partners["evs"].pk]
    assert [link.sort_order for link in page.partner_organisations.all()] == [0, 1, 2]
    assert sorted(tag.name for tag in page.tags.all()) == ["jardin", "potager"]
    assert Tag.objects.filter(name="jardin").count() == 1  # the existing tag, not a second one
    assert page.results == "<p>Trente familles.</p><p>Une récolte.</p>"
    assert page.transferability == "<p>Un terrain prêté.</p>"
    assert page.lessons_learned == "<p>Commencer petit.</p>"
    assert (page.public_reach, page.recurrence) == (3, 2)
    assert page.start_date == datetime.date(2024, 3, 31)
    # The live revision holds the same, as an editor's publish would.
    live = page.live_revision.as_object()
    assert partner_ids(live) == partner_ids(page)
    assert sorted(tag.name for tag in live.tags.all()) == ["jardin", "potager"]


def test_a_name_with_a_comma_is_one_partner(practices, partners):
    report = run(csv_bytes("BP-1;Passerelle;Espace de vie sociale, La Passerelle;;;;;;;"), practices, dry_run=False)
    assert report.written
    assert partner_ids(m.GoodPracticePage.objects.get(external_id="BP-1")) == [partners["evs"].pk]


def test_unknown_partners_are_each_named_in_the_row_not_dropped(practices, partners):
    row = "BP-1;Jardin;Fédération régionale Occitanie, Inconnue, Autre inconnue;;;;;;;"
    report = run(csv_bytes(row), practices, dry_run=False)
    assert not report.written and report.rows[0].action == "refuse"
    assert report.rows[0].reasons == [
        "Partner organisations: No organisation “Inconnue” was found.",
        "Partner organisations: No organisation “Autre inconnue” was found.",
    ]
    french = run(csv_bytes(row), practices, language="fr").rows[0]
    assert "Aucune structure « Inconnue » n’a été trouvée." in french.reasons[0]
    assert not m.GoodPracticePage.objects.exists() and not Tag.objects.exists()


def test_bad_ratings_dates_and_tags_are_refused(practices):
    long_tag = "x" * 101
    data = csv_bytes(f"BP-1;Jardin;;ok, {long_tag};;;;5;1;03/31/2024")
    reasons = run(data, practices).rows[0].reasons
    assert "Public reach: “5” is not one of the choices." in reasons
    assert "Started on: “03/31/2024” is not a date: write it as 2024-03-31 or 31/03/2024." in reasons
    assert f"Tags: “{long_tag}” is too long for a tag (100 characters at most)." in reasons
    assert len(reasons) == 3


def test_a_draft_update_replaces_partners_and_tags_in_its_revision_only(practices, partners):
    existing = m.GoodPracticePage(title="Jardin", external_id="BP-1")
    existing.tags.add("ancien")
    existing.partner_organisations.add(m.GoodPracticePartner(organisation=partners["evs"]))
    existing = publish(practices, existing)
    data = csv_bytes("BP-1;Jardin partagé;EVS-9, Fédération régionale Occitanie;nouveau;;;;;;")
    report = run(data, practices, dry_run=False)  # drafts: the live page waits for a review
    assert report.written and report.updated == 1
    existing = m.GoodPracticePage.objects.get(pk=existing.pk)
    assert partner_ids(existing) == [partners["evs"].pk]
    assert [tag.name for tag in existing.tags.all()] == ["ancien"]
    draft = existing.get_latest_revision()
    assert partner_ids(draft.as_object()) == [partners["evs"].pk, partners["federation"].pk]
    draft.publish()  # the editor publishes the imported draft
    page = m.GoodPracticePage.objects.get(pk=existing.pk)
    assert page.title == "Jardin partagé"
    assert partner_ids(page) == [partners["evs"].pk, partners["federation"].pk]
    assert [tag.name for tag in page.tags.all()] == ["nouveau"]


def test_empty_cells_keep_partners_and_tags_of_a_published_update(practices, partners):
    run(csv_bytes("BP-1;Jardin;EVS-9;jardin;;;;;;"), practices, dry_run=False, publish=True)
    report = run(csv_bytes("BP-1;Jardin partagé;;;;;;;;"), practices, dry_run=False, publish=True)
    assert report.written and report.updated == 1
    page = m.GoodPracticePage.objects.get(external_id="BP-1")
    assert page.title == "Jardin partagé" and partner_ids(page) == [partners["evs"].pk]
    assert [tag.name for tag in page.tags.all()] == ["jardin"]
    # A given list replaces the page's, in the tables too.
    run(csv_bytes("BP-1;Jardin;73282932000074;potager, compost;;;;;;"), practices, dry_run=False, publish=True)
    page = m.GoodPracticePage.objects.get(external_id="BP-1")
    assert partner_ids(page) == [partners["centre"].pk]
    assert sorted(tag.name for tag in page.tags.all()) == ["compost", "potager"]
    assert m.GoodPracticePartner.objects.count() == 1


def test_english_headers_and_xlsx_cells(practices, partners):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["title", "partner_organisations", "tags", "public_reach", "recurrence", "start_date"])
    sheet.append(["Permanence", "EVS-9", "numérique", 4, "1 of 4", datetime.datetime(2023, 9, 1)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = run(buffer.getvalue(), practices, name="p.xlsx", dry_run=False)
    assert report.written, [row.reasons for row in report.rows]
    page = m.GoodPracticePage.objects.get(title="Permanence")
    assert partner_ids(page) == [partners["evs"].pk] and [tag.name for tag in page.tags.all()] == ["numérique"]
    assert (page.public_reach, page.recurrence, page.start_date) == (4, 1, datetime.date(2023, 9, 1))


def test_the_admin_preview_names_each_unknown_partner(admin_client, practices, partners):
    data = csv_bytes("BP-1;Jardin;Inconnue, EVS-9;;;;;;;")
    upload = SimpleUploadedFile("p.csv", data, content_type="text/csv")
    response = admin_client.post(
        reverse("wagtail_reseau_import_practices"), {"action": "preview", "index": practices.pk, "file": upload}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Partner organisations: No organisation “Inconnue” was found." in html and 'name="token"' not in html
