"""``manage.py reseau_import_organisations FILE [--dry-run] [--index PAGE_ID]``:
imports organisations from a CSV or XLSX spreadsheet (docs/import.md; the
command itself is ``core/importing/command.py``)."""

from django.utils.translation import gettext_lazy as _

from ...core.importing.command import SpreadsheetImportCommand
from ...directory.importing import import_organisations
from ...directory.models import OrganisationIndexPage


class Command(SpreadsheetImportCommand):
    help = "Import organisations from a CSV or XLSX spreadsheet (dry run first with --dry-run)."
    index_model = OrganisationIndexPage
    importer = staticmethod(import_organisations)
    index_help = "Id of the directory page (default: the only one)."
    index_not_found = _("No directory page has the id %(id)s.")
    choose_index = _("Choose the directory page with --index: %(choices)s.")
