"""Spreadsheet import of good practices: dry run, create then update by external
identifier, refusals in the editor's language, rollback, XLSX, the command."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from openpyxl import Workbook
from wagtail.models import Page

from wagtail_reseau import models as m
from wagtail_reseau.practices.importing import import_practices

pytestmark = pytest.mark.django_db

HEADER = "identifiant;titre;résumé;quoi;comment;domaines;publics;territoire;structure porteuse;maturité;licence\n"


def csv_bytes(*rows, header=HEADER):
    return (header + "".join(row + "\n" for row in rows)).encode("utf-8")


def run(data, index, name="p.csv", language="en", **kwargs):
    with translation.override(language):
        return import_practices(data, name, index, **kwargs)


def practice(**filters):
    return m.GoodPracticePage.objects.get(**filters)


GOOD = (
    'BP-1;Jardin partagé;Un jardin.;"Un jardin.\n\nDeux <parcelles>.";Ensemble;sante, participation;benevoles;'
    "31;Fédération régionale Occitanie;Expérimentation;etalab-2.0"
)


def test_dry_run_reports_each_row_and_writes_nothing(practices, federation, vocab):
    pages_before = Page.objects.count()
    data = csv_bytes(
        GOOD, "BP-2;Café des parents;;;;prevention;;haute-garonne;;idea;", "BP-3;Sans domaine;;;;Inconnu;;;;;"
    )
    report = run(data, practices, dry_run=True)
    assert [row.action for row in report.rows] == ["create", "create", "refuse"]
    assert [row.number for row in report.rows] == [2, 3, 4]
    assert report.rows[2].reasons == ["Domains of action: No domain of action is called “Inconnu”."]
    assert Page.objects.count() == pages_before


def test_refused_row_in_french_and_in_english(practices, vocab):
    data = csv_bytes("BP-9;Orpheline;;;;;;;Structure inconnue;;")
    english = run(data, practices, language="en").rows[0]
    french = run(data, practices, language="fr").rows[0]
    assert english.action == french.action == "refuse"
    with translation.override("en"):
        assert str(english.action_label) == "Refused"
    assert english.reasons == ["Lead organisation: No organisation “Structure inconnue” was found."]
    with translation.override("fr"):
        assert str(french.action_label) == "Refusée"
    assert "Aucune structure « Structure inconnue » n’a été trouvée." in french.reasons[0]


def test_creates_drafts_then_updates_by_external_id(practices, federation, vocab):
    report = run(csv_bytes(GOOD), practices, dry_run=False)
    assert report.written and report.created == 1
    page = practice(external_id="BP-1")
    assert not page.live and page.has_unpublished_changes and page.latest_revision_id
    assert page.get_parent().pk == practices.pk
    assert page.what == "<p>Un jardin.</p><p>Deux &lt;parcelles&gt;.</p>"
    assert page.maturity == m.GoodPracticePage._meta.get_field("maturity").choices[1][0] == "pilot"
    assert page.licence == "etalab-2.0" and page.lead_organisation_id == federation.pk
    assert {d.slug for d in page.domains.all()} == {"sante", "participation"}
    assert [t.slug for t in page.territories.all()] == ["haute-garonne"]
    assert [a.slug for a in page.audiences.all()] == ["benevoles"]

    # The same identifier again: an update, published; empty cells leave values.
    again = csv_bytes("BP-1;Jardin partagé des Izards;;;;prevention;;;;;")
    report = run(again, practices, dry_run=True)
    assert report.rows[0].action == "update" and report.rows[0].matched_by == "external_id"
    page.get_latest_revision().publish()  # an editor publishes the imported draft
    report = run(again, practices, dry_run=False, publish=True)
    assert report.written and report.updated == 1 and report.created == 0
    page = practice(external_id="BP-1")
    assert page.live and page.title == "Jardin partagé des Izards"
    assert page.summary == "Un jardin." and page.licence == "etalab-2.0"
    assert [d.slug for d in page.domains.all()] == ["prevention"]
    assert m.GoodPracticePage.objects.count() == 1


def test_a_failing_file_changes_nothing(practices, federation, vocab):
    pages_before = Page.objects.count()
    data = csv_bytes(GOOD, "BP-2;Mauvaise maturité;;;;;;;;Jamais vue;")
    report = run(data, practices, dry_run=False, publish=True)
    assert not report.written and report.refused == 1
    assert "“Jamais vue” is not one of the choices." in report.rows[1].reasons[0]
    assert Page.objects.count() == pages_before
    assert not m.GoodPracticePage.objects.exists()


def test_xlsx(practices, vocab):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["title", "external_id", "territories", "why"])
    sheet.append(["Permanence numérique", 1234, 76, "Réduire la fracture\nnumérique."])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = run(buffer.getvalue(), practices, name="p.xlsx", dry_run=False)
    assert report.written, [row.reasons for row in report.rows]
    page = practice(external_id="1234")
    assert [t.slug for t in page.territories.all()] == ["occitanie"]
    assert page.why == "<p>Réduire la fracture<br/>numérique.</p>"


def test_command_dry_run_then_import(practices, vocab, tmp_path):
    path = tmp_path / "pratiques.csv"
    path.write_bytes(csv_bytes("BP-5;Atelier cuisine;;;;;;;;;"))
    out = io.StringIO()
    call_command("reseau_import_practices", str(path), "--dry-run", "--language", "en", stdout=out, verbosity=0)
    assert "Row 2: Create — Atelier cuisine" in out.getvalue()
    assert not m.GoodPracticePage.objects.exists()
    call_command("reseau_import_practices", str(path), "--language", "en", stdout=out, verbosity=0)
    assert not practice(external_id="BP-5").live
    path.write_bytes(csv_bytes("BP-6;Inconnue;;;;xyz;;;;;"))
    with pytest.raises(CommandError):
        call_command("reseau_import_practices", str(path), "--language", "en", stdout=io.StringIO(), verbosity=0)


def test_example_spreadsheet_imports_cleanly_into_the_demo(django_capture_on_commit_callbacks):
    from pathlib import Path

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=io.StringIO())
    index = m.GoodPracticeIndexPage.objects.get(locale__language_code="fr")
    path = Path(__file__).resolve().parents[3] / "example_site" / "demo" / "practices.csv"
    report = run(path.read_bytes(), index, name="practices.csv", dry_run=True)
    assert report.ok, [(row.number, row.reasons) for row in report.rows if row.reasons]
    assert report.created == 5
