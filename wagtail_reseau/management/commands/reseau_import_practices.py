"""``manage.py reseau_import_practices FILE [--dry-run] [--index PAGE_ID] [--publish]``:
imports good practices from a CSV or XLSX spreadsheet (docs/import.md; the
command itself is ``core/importing/command.py``)."""

from django.utils.translation import gettext_lazy as _

from ...core.importing.command import SpreadsheetImportCommand
from ...practices.importing import import_practices
from ...practices.models import GoodPracticeIndexPage


class Command(SpreadsheetImportCommand):
    help = "Import good practices from a CSV or XLSX spreadsheet (dry run first with --dry-run)."
    index_model = GoodPracticeIndexPage
    importer = staticmethod(import_practices)
    index_help = "Id of the practices index page (default: the only one)."
    index_not_found = _("No practices index page has the id %(id)s.")
    choose_index = _("Choose the practices index page with --index: %(choices)s.")
