from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ...reminders import send_reminders


class Command(BaseCommand):
    help = "E-mails both sides of each active mentoring agreement whose milestone has come (once per milestone)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count the reminders due, send nothing.")

    def handle(self, *args, dry_run=False, **options):
        count = send_reminders(dry_run=dry_run)
        if dry_run:
            self.stdout.write(_("%(count)d milestone reminder(s) due.") % {"count": count})
        else:
            self.stdout.write(_("%(count)d milestone reminder(s) sent.") % {"count": count})
