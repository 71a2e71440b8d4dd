"""Spreadsheet import of good practices (CSV, XLSX) with django-import-export,
on the machinery it shares with the directory's (``core/importing``).

``import_practices(data, name, index)`` reads the file, checks every row and
writes them all in one transaction, or nothing: a dry run, or a file with one
refused row, changes nothing. Rows are matched to existing practices by their
external identifier. It returns an ``ImportReport``."""

from django.utils.translation import gettext_lazy as _

from ...core.importing.files import ImportFileError, read_dataset
from ...core.importing.report import ImportReport
from .columns import canonical_headers

__all__ = ["ImportFileError", "ImportReport", "import_practices", "import_dataset"]


def import_practices(data, name, index, *, dry_run=True, publish=False, user=None, progress=None, **options):
    """Imports ``data`` (the bytes of a CSV or XLSX file called ``name``) under
    the practices index ``index``. Raises ImportFileError for a file that cannot be read."""
    dataset = read_dataset(data, name)
    return import_dataset(dataset, index, dry_run=dry_run, publish=publish, user=user, progress=progress, **options)


def import_dataset(dataset, index, *, dry_run=True, publish=False, user=None, progress=None, index_after_commit=True):
    from .resources import PracticeResource

    dataset.headers = canonical_headers(dataset.headers)
    if "title" not in dataset.headers:
        raise ImportFileError(_("The file has no “title” (or “titre”) column: every practice needs a title."))
    resource = PracticeResource(
        index.specific, publish=publish, user=user, progress=progress, index_after_commit=index_after_commit
    )
    return resource.run(dataset, dry_run=dry_run)
