"""Reading an uploaded spreadsheet (CSV or XLSX) into a ``tablib.Dataset``.

Every problem with the file itself (type, size, encoding, no header, too many
rows: counted while reading, which stops at the first row over the limit) raises
``ImportFileError`` with a message for the editor; nothing here raises anything
else for a bad file."""

import csv
import io

import tablib
from django.utils.translation import gettext_lazy as _

from ...conf import reseau_settings

XLSX_MAGIC = b"PK\x03\x04"
CSV_ENCODINGS = ("utf-8-sig", "cp1252")


class ImportFileError(ValueError):
    """The file cannot be read as a spreadsheet; ``message`` says why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def detect_format(name, head):
    """ "xlsx" or "csv" from the file's first bytes and its name; raises otherwise."""
    lower = (name or "").lower()
    if head.startswith(XLSX_MAGIC):
        if lower.endswith(".xlsx") or not lower.endswith(".csv"):
            return "xlsx"
    if lower.endswith(".xlsx") or lower.endswith(".xls") or lower.endswith(".ods"):
        raise ImportFileError(
            _("This file is not a valid XLSX spreadsheet. Save it as “Excel workbook (.xlsx)” or as CSV.")
        )
    if b"\x00" in head[:1024]:
        raise ImportFileError(_("This file is not a CSV or XLSX spreadsheet."))
    if lower.endswith((".csv", ".txt")) or not lower:
        return "csv"
    raise ImportFileError(_("Only CSV and XLSX files can be imported."))


def too_many_rows(count):
    return ImportFileError(
        _("This file has %(count)s rows; at most %(limit)s can be imported at once.")
        % {"count": count, "limit": reseau_settings.IMPORT_MAX_ROWS}
    )


def read_dataset(data, name=""):
    """The rows of ``data`` (bytes) as a Dataset whose first row is the header."""
    limit = reseau_settings.IMPORT_MAX_FILE_SIZE
    if len(data) > limit:
        raise ImportFileError(
            _("This file is too large (%(size)s MB; at most %(limit)s MB).")
            % {"size": round(len(data) / 1e6, 1), "limit": round(limit / 1e6, 1)}
        )
    if not data.strip():
        raise ImportFileError(_("This file is empty."))
    kind = detect_format(name, data[:2048])
    dataset = read_xlsx(data) if kind == "xlsx" else read_csv(data)
    headers = [str(h or "").strip() for h in (dataset.headers or [])]
    if not any(headers):
        raise ImportFileError(_("The first row must name the columns (e.g. title, siret, postcode)."))
    if len(dataset) == 0:
        raise ImportFileError(_("This file has column names but no rows."))
    dataset.headers = headers  # (both readers refuse a file over IMPORT_MAX_ROWS as they read it)
    return dataset


def read_csv(data):
    """The non-empty rows of a CSV file, read one by one: a file longer than
    IMPORT_MAX_ROWS is refused as soon as its next row is read (the rest is
    never parsed), as ``read_xlsx`` does."""
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise ImportFileError(_("This CSV file is neither UTF-8 nor Windows-1252 text."))
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    limit = reseau_settings.IMPORT_MAX_ROWS + 1  # the header and the rows allowed
    rows = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                if len(rows) == limit:
                    # Reading stops here: the rest of the file is never parsed.
                    raise too_many_rows(f"{limit}+")  # header excluded: at least MAX + 1 rows
                rows.append(row)
    except csv.Error as error:
        raise ImportFileError(_("This CSV file cannot be read: %(error)s") % {"error": error}) from error
    if not rows:
        raise ImportFileError(_("This file is empty."))
    width = len(rows[0])
    dataset = tablib.Dataset(headers=rows[0])
    for row in rows[1:]:
        dataset.append((row + [""] * width)[:width])
    return dataset


NOT_XLSX = _("This file is not a valid XLSX spreadsheet. Save it as “Excel workbook (.xlsx)” or as CSV.")


def read_xlsx(data):
    """The first sheet's non-empty rows, read one by one: a sheet longer than
    IMPORT_MAX_ROWS is refused as soon as its next row is read (the rest is
    never loaded), and a sheet that breaks while being read is refused clearly."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # not a zip, a member missing, or its XML broken (ParseError, SyntaxError)
        raise ImportFileError(NOT_XLSX) from error
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise ImportFileError(_("This file is empty."))
        limit = reseau_settings.IMPORT_MAX_ROWS + 1  # the header and the rows allowed
        rows = []
        try:
            for row in sheet.iter_rows(values_only=True):
                if any(cell not in (None, "") for cell in row):
                    if len(rows) == limit:
                        raise too_many_rows(f"{limit}+")  # header excluded: at least MAX + 1 rows
                    rows.append(["" if cell is None else cell for cell in row])
        except ImportFileError:
            raise
        except Exception as error:  # a corrupt sheet: truncated XML, bad zip member, odd values
            raise ImportFileError(NOT_XLSX) from error
    finally:
        workbook.close()
    if not rows:
        raise ImportFileError(_("This file is empty."))
    width = len(rows[0])
    dataset = tablib.Dataset(headers=[str(h).strip() for h in rows[0]])
    for row in rows[1:]:
        dataset.append((list(row) + [""] * width)[:width])
    return dataset
