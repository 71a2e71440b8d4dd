"""Spreadsheet import of organisations: dry run, matching, links, rollback, formats."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from openpyxl import Workbook
from wagtail.models import Page, Revision

from wagtail_reseau import models as m
from wagtail_reseau.directory.importing import ImportFileError, import_organisations
from wagtail_reseau.directory.importing.lookups import geography_fields

pytestmark = pytest.mark.django_db

HEADER = "nom;siret;identifiant;type;niveau;federation;adresse;code_postal;commune;code_insee;courriel\n"


def csv_bytes(*rows, header=HEADER):
    return (header + "".join(row + "\n" for row in rows)).encode("utf-8")


def xlsx_bytes(rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run(data, directory, name="orgs.csv", **kwargs):
    with translation.override("en"):
        return import_organisations(data, name, directory, **kwargs)


def org(**filters):
    return m.OrganisationPage.objects.get(**filters)


def test_dry_run_reports_each_row_and_writes_nothing(directory, federation, social_centre, vocab):
    pages_before = Page.objects.count()
    data = csv_bytes(
        "Centre social Nouveau;;CS-NEW;Centre social;member;Fédération régionale Occitanie;;31000;Toulouse;31555;",
        "Centre social des Izards renommé;73282932000074;;;;;;;;;",
        "Sans type;;X-3;Inconnu;;;;;;;pas-un-courriel",
    )
    report = run(data, directory, dry_run=True)
    assert [row.action for row in report.rows] == ["create", "update", "refuse"]
    assert [row.number for row in report.rows] == [2, 3, 4]
    assert report.rows[1].matched_by == "siret" and report.rows[1].page_id == social_centre.pk
    reasons = " ".join(report.rows[2].reasons)
    assert "No organisation type is called “Inconnu”" in reasons
    assert "Email" in reasons or "email" in reasons
    assert Page.objects.count() == pages_before
    assert org(pk=social_centre.pk).title == "Centre social des Izards"


def test_reasons_in_the_editors_language(directory, vocab):
    with translation.override("fr"):
        report = import_organisations(csv_bytes("Sans type;;;Inconnu;;;;;;;"), "o.csv", directory)
    assert report.rows[0].action == "refuse"
    assert "Inconnu" in report.rows[0].reasons[0]


def test_creates_drafts_then_matches_by_external_id_and_siret(directory, federation, vocab):
    data = csv_bytes(
        "Fédération départementale;;FD-31;centre-social;Departmental federation;Fédération régionale Occitanie;;;;;",
        "Centre Un;73282932000074;C-1;CS;;FD-31;3 rue C;31200;Toulouse;31555;un@example.org",
    )
    report = run(data, directory, dry_run=False)
    assert report.ok and report.written and report.created == 2
    fd, one = org(external_id="FD-31"), org(external_id="C-1")
    assert not fd.live and fd.has_unpublished_changes and fd.latest_revision_id
    assert fd.network_level == m.NetworkLevel.DEPARTMENTAL
    assert fd.parent_organisation_id == federation.pk
    assert one.parent_organisation_id == fd.pk  # a federation created by the same file
    assert one.organisation_type == vocab["social_centre"]
    assert fd.get_parent().pk == directory.pk and one.url_path.startswith(directory.url_path)
    directory.refresh_from_db()
    assert directory.numchild == 3
    # A revision holds the imported values (what the editor opens).
    assert Revision.objects.get(pk=one.latest_revision_id).as_object().siret == "73282932000074"

    again = csv_bytes(
        "Fédération départementale de Haute-Garonne;;FD-31;;;;;;;;",
        "Centre Un (nouveau nom);73 282 932 000 074;;;;;;;;;",
        header="nom;siret;identifiant;type;niveau;federation;adresse;code_postal;commune;code_insee;courriel\n",
    )
    report = run(again, directory, dry_run=False, publish=True)
    assert [(r.action, r.matched_by) for r in report.rows] == [("update", "external_id"), ("update", "siret")]
    fd, one = org(external_id="FD-31"), org(external_id="C-1")
    assert fd.live and fd.title == "Fédération départementale de Haute-Garonne"
    assert one.live and one.title == "Centre Un (nouveau nom)" and one.live_revision_id == one.latest_revision_id
    assert m.OrganisationPage.objects.filter(locale=directory.locale).count() == 3


def test_a_failing_row_rolls_back_the_whole_file(directory, federation, vocab):
    pages_before, revisions_before = Page.objects.count(), Revision.objects.count()
    data = csv_bytes(
        "Bonne ligne;;OK-1;CS;;;;;;;",
        "Mauvais SIRET;12345678901234;OK-2;CS;;;;;;;",
        "Fédération régionale Occitanie renommée;;;;;;;;;;",
    )
    report = run(data, directory, dry_run=False, publish=True)
    assert not report.ok and not report.written
    assert [row.action for row in report.rows] == ["create", "refuse", "create"]
    assert "SIRET" in report.rows[1].reasons[0]
    assert Page.objects.count() == pages_before and Revision.objects.count() == revisions_before
    assert not m.OrganisationPage.objects.filter(external_id="OK-1").exists()


def test_refusals_matching_conflicts_and_duplicates(directory, federation, social_centre, vocab):
    federation.external_id = "FED-OCC"
    federation.save()
    data = csv_bytes(
        # SIRET of one page, identifier of another
        "Conflit;73282932000074;FED-OCC;;;;;;;;",
        "Deux fois;;DUP;;;;;;;;",
        "Deux fois encore;;DUP;;;;;;;;",
        "Orphelin;;ORPH;;;Fédération inconnue;;;;;",
        "Moi-même;;SELF;;;SELF;;;;;",
    )
    report = run(data, directory)
    actions = [row.action for row in report.rows]
    assert actions == ["refuse", "create", "refuse", "refuse", "refuse"]
    assert "two different organisations" in report.rows[0].reasons[0]
    assert "Row 2 of this file" in report.rows[2].reasons[0]
    assert "No organisation “Fédération inconnue”" in report.rows[3].reasons[0]
    assert "cannot belong to itself" in report.rows[4].reasons[0]


def test_xlsx_with_numbers_for_codes(directory, vocab):
    data = xlsx_bytes(
        [
            ["title", "siret", "postcode", "insee_code", "latitude", "longitude", "organisation_type"],
            ["Centre de l'Ain", 73282932000074, 1000, 1053, 46.2, 5.22, "Centre social"],
        ]
    )
    report = run(data, directory, name="orgs.xlsx", dry_run=False, publish=True)
    assert report.ok, report.rows[0].reasons
    page = org(title="Centre de l'Ain")
    assert (page.postcode, page.insee_code, page.siret) == ("01000", "01053", "73282932000074")
    assert float(page.latitude) == 46.2 and page.live


@pytest.mark.skipif("postcodes" not in geography_fields(), reason="the official geography fields are not there")
def test_commune_linked_by_insee_code_or_postcode_and_name(directory, vocab, locale_fr):
    toulouse = m.Territory.objects.create(
        name="Toulouse",
        slug="toulouse",
        kind="commune",
        code="31555",
        postcodes="31000 31100 31200",
        parent=vocab["haute_garonne"],
        locale=locale_fr,
    )
    m.Territory.objects.create(
        name="Saint-Étienne",
        slug="saint-etienne",
        kind="commune",
        code="42218",
        postcodes="42000 42100",
        locale=locale_fr,
    )
    data = csv_bytes(
        "Par code;;A;;;;;;;31555;",
        "Par nom;;B;;;;;42100;saint etienne;;",
        "Code inconnu;;C;;;;;;;99999;",
        "Nom inconnu;;D;;;;;31000;Toulouze;;",
    )
    report = run(data, directory)
    assert [row.action for row in report.rows] == ["create", "create", "refuse", "refuse"]
    report = run(csv_bytes(*data.decode().splitlines()[1:3]), directory, dry_run=False, publish=True)
    assert report.written
    by_code, by_name = org(external_id="A"), org(external_id="B")
    assert list(by_code.territories.all()) == [toulouse]
    assert by_code.commune == "Toulouse"
    assert by_name.insee_code == "42218"


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.csv", "empty"),
        (b"\x00\x01\x02binary", "x.csv", "not a CSV"),
        (b"PK\x03\x04garbage", "x.xlsx", "not a valid XLSX"),
        (b"col1,col2\n", "x.csv", "no rows"),
        (b"foo;bar\n1;2\n", "x.csv", "no “title”"),
        (b"title\nA\n", "x.pdf", "Only CSV and XLSX"),
    ],
)
def test_bad_files_give_a_clear_message(directory, data, name, message):
    # The messages are in the editor's language: read them in English here.
    with translation.override("en"):
        with pytest.raises(ImportFileError) as error:
            run(data, directory, name=name)
        assert message in str(error.value.message)


def test_file_size_limit(directory, settings):
    settings.WAGTAIL_RESEAU_IMPORT_MAX_FILE_SIZE = 10
    with pytest.raises(ImportFileError, match="too large"):
        run(b"title\nUne structure assez longue\n", directory)


def command(*args, **kwargs):
    call_command("reseau_import_organisations", *args, stderr=io.StringIO(), **kwargs)


def test_command_dry_run_then_import(directory, vocab, tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_bytes(csv_bytes("Centre Commande;;CMD-1;CS;;;;;;;"))
    out = io.StringIO()
    call_command(
        "reseau_import_organisations", str(path), "--dry-run", "--language", "en", stdout=out, stderr=io.StringIO()
    )
    assert "Row 2: Create — Centre Commande" in out.getvalue()
    assert "Dry run: nothing was written." in out.getvalue()
    assert not m.OrganisationPage.objects.filter(external_id="CMD-1").exists()
    call_command(
        "reseau_import_organisations",
        str(path),
        "--publish",
        "--index",
        str(directory.pk),
        stdout=out,
        stderr=io.StringIO(),
    )
    assert org(external_id="CMD-1").live
    path.write_bytes(csv_bytes("Mauvais;;CMD-2;Inconnu;;;;;;;"))
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command(
            "reseau_import_organisations", str(path), "--language", "en", stdout=io.StringIO(), stderr=io.StringIO()
        )


def test_example_spreadsheets_import_cleanly_into_the_demo(django_capture_on_commit_callbacks):
    from pathlib import Path

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=io.StringIO())
    directory = m.OrganisationIndexPage.objects.get(locale__language_code="fr")
    folder = Path(__file__).resolve().parents[2] / "example_site" / "import"
    for name in ("organisations.csv", "organisations.xlsx"):
        report = run((folder / name).read_bytes(), directory, name=name, dry_run=True)
        assert report.ok, [(row.number, row.reasons) for row in report.rows if row.reasons]
        assert report.created == 4
    report = run((folder / "organisations.xlsx").read_bytes(), directory, name="x.xlsx", dry_run=False, publish=True)
    assert report.written
    mirail = org(external_id="TU-IMP-001")
    assert mirail.live and mirail.parent_organisation.title == "Fédération Trait d'Union de Haute-Garonne"


def test_revision_content_is_what_modelcluster_serialises(directory, social_centre, vocab):
    """The writer's fast revision content is ``serializable_data()``, to the key."""
    from wagtail_reseau.core.importing.pages import RevisionContent

    report = run(
        csv_bytes("Centre Deux;;C-2;CS;member;;2 rue B;31200;Toulouse;31555;deux@example.org"), directory, dry_run=False
    )
    assert report.written
    content = RevisionContent(m.OrganisationPage)
    pages = list(m.OrganisationPage.objects.all())
    assert len(pages) == 3
    for page in pages:
        assert content(page) == page.serializable_data()
    assert org(external_id="C-2").latest_revision.content["external_id"] == "C-2"


def test_a_copied_organisation_does_not_keep_the_external_identifier(directory, federation, vocab):
    federation.external_id = "FED-OCC"
    federation.save_revision().publish()
    copy = federation.copy(update_attrs={"slug": "copie", "title": "Copie"})
    assert copy.specific.external_id == "" and org(pk=federation.pk).external_id == "FED-OCC"
    report = run(csv_bytes("Fédération régionale Occitanie;;FED-OCC;;;;;;;;"), directory, dry_run=True)
    assert report.rows[0].action == "update" and report.rows[0].page_id == federation.pk


def test_a_translated_organisation_keeps_its_external_identifier(directory, federation, locale_en):
    from wagtail_localize.models import TranslationSource

    federation.external_id = "FED-OCC"
    federation.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(org(pk=federation.pk))
    english, _created = source.create_or_update_translation(locale_en, copy_parent_pages=True, fallback=True)
    assert english.locale == locale_en
    assert m.OrganisationPage.objects.get(pk=english.pk).external_id == "FED-OCC"
