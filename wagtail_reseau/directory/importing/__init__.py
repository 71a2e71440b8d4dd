"""Spreadsheet import of organisations (CSV, XLSX) with django-import-export.

``import_organisations(data, name, index)`` reads the file, checks every row,
and writes them all in one transaction, or nothing: a dry run, or a file with
one refused row, changes nothing. It returns an ``ImportReport``."""

from django.utils.translation import gettext_lazy as _

from .columns import canonical_headers
from .files import ImportFileError, read_dataset
from .report import ImportReport

__all__ = ["ImportFileError", "ImportReport", "import_organisations", "import_dataset"]


def import_organisations(data, name, index, *, dry_run=True, publish=False, user=None, progress=None, **options):
    """Imports ``data`` (the bytes of a CSV or XLSX file called ``name``) under
    the directory ``index``. Raises ImportFileError for a file that cannot be read."""
    dataset = read_dataset(data, name)
    return import_dataset(dataset, index, dry_run=dry_run, publish=publish, user=user, progress=progress, **options)


def import_dataset(dataset, index, *, dry_run=True, publish=False, user=None, progress=None, index_after_commit=True):
    """Imports a Dataset (see ``import_organisations``). With ``index_after_commit``
    false, the catalogue and search indexing is left to the caller
    (``indexing.index_imported_pages(report.live_ids)``)."""
    from .resources import OrganisationResource

    dataset.headers = canonical_headers(dataset.headers)
    if "title" not in dataset.headers:
        raise ImportFileError(_("The file has no “title” (or “nom”) column: every organisation needs a name."))
    resource = OrganisationResource(
        index.specific, publish=publish, user=user, progress=progress, index_after_commit=index_after_commit
    )
    return resource.run(dataset, dry_run=dry_run)
