"""Reading files for both imports (core/importing/files.py): an XLSX sheet that
breaks while its rows are read, and the row limit applied while reading (XLSX
and CSV); the admin views explain them, never a server error."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook

from wagtail_reseau.core.importing.files import ImportFileError, read_dataset

SHEET = "xl/worksheets/sheet1.xml"


def xlsx_bytes(count):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["title", "external_id"])
    for number in range(1, count + 1):
        sheet.append([f"Structure {number}", f"S-{number}"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def corrupt_xlsx(count=10, keep_rows=5):
    """A valid zip whose sheet XML stops in the middle of row ``keep_rows + 2``
    (the header is row 1): the workbook opens, reading its rows fails."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes(count)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == SHEET:
                cut = data.index(f'<row r="{keep_rows + 2}"'.encode())
                data = data[: cut + 20]
            target.writestr(item, data)
    return buffer.getvalue()


def read(data, name="s.xlsx", language="en"):
    with translation.override(language):
        with pytest.raises(ImportFileError) as error:
            read_dataset(data, name)
        return str(error.value.message)


def csv_file(count, tail=b""):
    """A CSV file of ``count`` rows (a blank line among them), then ``tail``."""
    lines = ["title;external_id", ""] + [f"Structure {number};S-{number}" for number in range(1, count + 1)]
    return ("\n".join(lines) + "\n").encode() + tail


# A row Python's CSV reader refuses (a cell over its 131,072-character limit).
UNREADABLE_ROW = b'"' + b"x" * 200_000 + b'";S-X\n'


def test_the_helpers_build_what_they_say():
    assert len(read_dataset(xlsx_bytes(3), "s.xlsx")) == 3
    with zipfile.ZipFile(io.BytesIO(corrupt_xlsx())) as archive:
        assert archive.testzip() is None  # a sound zip: only the sheet's XML is broken


def test_a_sheet_broken_while_reading_its_rows_gives_the_clear_message():
    assert read(corrupt_xlsx()) == (
        "This file is not a valid XLSX spreadsheet. Save it as “Excel workbook (.xlsx)” or as CSV."
    )


def test_the_row_limit_is_applied_while_reading(settings):
    settings.WAGTAIL_RESEAU_IMPORT_MAX_ROWS = 3
    assert len(read_dataset(xlsx_bytes(3), "s.xlsx")) == 3
    assert read(xlsx_bytes(10)) == "This file has 4+ rows; at most 3 can be imported at once."
    # Reading stops at the 4th row: a sheet broken after it is still "too many rows".
    assert read(corrupt_xlsx(count=10, keep_rows=5)).startswith("This file has 4+ rows")


def test_the_csv_row_limit_is_applied_while_reading(settings):
    settings.WAGTAIL_RESEAU_IMPORT_MAX_ROWS = 3
    assert len(read_dataset(csv_file(3), "s.csv")) == 3  # blank lines do not count
    assert read(csv_file(10), "s.csv") == "This file has 4+ rows; at most 3 can be imported at once."
    assert read(csv_file(10), "s.csv", language="fr").startswith("Ce fichier a 4+ lignes")
    # Within the limit, the unreadable row is read, and refused...
    assert read(csv_file(2, UNREADABLE_ROW), "s.csv").startswith("This CSV file cannot be read")
    # ...over it, reading has stopped at the 4th row, before the unreadable one.
    assert read(csv_file(5, UNREADABLE_ROW), "s.csv").startswith("This file has 4+ rows")


@pytest.mark.django_db
def test_the_practices_admin_view_explains_a_csv_over_the_limit(admin_client, settings, home):
    from wagtail_reseau import models as m

    from tests.conftest import publish

    settings.WAGTAIL_RESEAU_IMPORT_MAX_ROWS = 3
    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
    response = admin_client.post(
        "/admin/reseau/practices/import/",
        {"action": "preview", "index": practices.pk, "file": SimpleUploadedFile("p.csv", csv_file(10))},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html and "This file has 4+ rows; at most 3 can be imported at once." in html
    assert 'name="token"' not in html and not m.GoodPracticePage.objects.exists()


@pytest.mark.django_db
def test_the_organisations_admin_view_explains_a_corrupt_xlsx(admin_client, directory):
    response = admin_client.post(
        "/admin/reseau/directory/import/",
        {"action": "preview", "index": directory.pk, "file": SimpleUploadedFile("o.xlsx", corrupt_xlsx())},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html and "not a valid XLSX spreadsheet" in html


def file_errors_alerts(client, url, template):
    """How many more role="alert" the errors about the whole file add, and the
    text of the last alert, on ``template`` rendered as its view would."""
    from django.template.loader import render_to_string

    from wagtail_reseau.core.importing.report import ImportReport

    request = client.get(url).wsgi_request

    def render(errors):
        context = {"report": ImportReport(errors=errors), "page_title": "Import"}
        return render_to_string(template, context, request=request)

    html = render(["Première erreur.", "Seconde erreur."])
    added = html.count('role="alert"') - render([]).count('role="alert"')
    return added, html.split('role="alert"')[-1].split("</div>")[0]


@pytest.mark.django_db
def test_errors_about_the_whole_file_are_one_alert(admin_client, directory):
    url = "/admin/reseau/directory/import/"
    added, alert = file_errors_alerts(admin_client, url, "wagtail_reseau/admin/import_organisations.html")
    assert added == 1
    assert "Première erreur." in alert and "Seconde erreur." in alert
