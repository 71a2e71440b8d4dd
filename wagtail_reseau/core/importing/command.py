"""The management command every spreadsheet import shares:
``manage.py reseau_import_<things> FILE [--dry-run] [--index PAGE_ID] [--publish]
[--user NAME] [--language fr] [--quiet-rows]`` (docs/import.md).

Every row is checked first; then all are written in one transaction, or none:
a dry run, or a file with one refused row, changes nothing. The report says,
row by row, what is (or would be) created, updated or refused and why. Exits
with status 1 when rows are refused. A domain's command subclasses
``SpreadsheetImportCommand`` with its index model, import function and words."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from tqdm import tqdm

from .files import ImportFileError


class SpreadsheetImportCommand(BaseCommand):
    # What a domain gives.
    index_model = None  # the index page model the rows go under
    # The domain's import function: (data, name, index, *, dry_run, publish, user, progress) -> ImportReport.
    importer = None
    index_help = ""  # the --index option's help
    index_not_found = ""  # lazy message with %(id)s
    choose_index = ""  # lazy message with %(choices)s

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .csv or .xlsx file whose first row names the columns.")
        parser.add_argument("--dry-run", action="store_true", help="Check and report; write nothing.")
        parser.add_argument("--index", type=int, help=self.index_help)
        parser.add_argument("--publish", action="store_true", help="Publish the pages (default: drafts).")
        parser.add_argument("--user", help="Username recorded as the author of the revisions.")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="Language of the report.")
        parser.add_argument("--quiet-rows", action="store_true", help="Report only refused rows and the totals.")

    def handle(self, *args, **options):
        with translation.override(options["language"]):
            return self.run(options)

    def run(self, options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("No file at %(path)s.") % {"path": path})
        index = self.get_index(options["index"])
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(_("No user is called %(name)s.") % {"name": options["user"]})
        progress = tqdm(unit=_("rows"), disable=options["verbosity"] == 0, file=self.stderr._out)
        try:
            report = self.importer(
                path.read_bytes(),
                path.name,
                index,
                dry_run=options["dry_run"],
                publish=options["publish"],
                user=user,
                progress=progress,
            )
        except ImportFileError as error:
            raise CommandError(str(error.message)) from error
        finally:
            progress.close()
        self.print_report(report, options)
        if not report.ok:
            raise CommandError(_("Nothing was imported: correct the refused rows and run the import again."))

    def get_index(self, index_id):
        indexes = self.index_model.objects.all()
        if index_id is not None:
            index = indexes.filter(pk=index_id).first()
            if index is None:
                raise CommandError(self.index_not_found % {"id": index_id})
            return index
        if indexes.count() != 1:
            choices = ", ".join(f"{page.pk} ({page.title}, {page.locale.language_code})" for page in indexes)
            raise CommandError(self.choose_index % {"choices": choices or "-"})
        return indexes.get()

    def print_report(self, report, options):
        for error in report.errors:
            self.stderr.write(self.style.ERROR(error))
        for row in report.rows:
            if options["quiet_rows"] and row.action != "refuse":
                continue
            line = f"{_('Row')} {row.number}: {row.action_label} — {row.title}"
            if row.matched_label:
                line += f" ({row.matched_label})"
            style = self.style.ERROR if row.action == "refuse" else self.style.SUCCESS
            self.stdout.write(style(line))
            for reason in row.reasons:
                self.stdout.write(f"    {reason}")
        summary = _("%(created)s to create, %(updated)s to update, %(refused)s refused.") % {
            "created": report.created,
            "updated": report.updated,
            "refused": report.refused,
        }
        if report.written:
            summary = _("Imported: %(created)s created, %(updated)s updated (%(state)s).") % {
                "created": report.created,
                "updated": report.updated,
                "state": _("published") if report.publish else _("drafts"),
            }
        elif report.dry_run and report.ok:
            summary += " " + _("Dry run: nothing was written.")
        self.stdout.write(summary)
