"""Erases the personal data kept longer than its retention period. Schedule it
(e.g. daily from cron: ``manage.py reseau_purge_personal_data``); running it
again erases nothing more."""

from django.core.management.base import BaseCommand

from wagtail_reseau.core.privacy.retention import purge_personal_data


class Command(BaseCommand):
    help = "Erase names and contacts kept longer than their retention period; anonymous counts stay."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say how many records would be erased, erase nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        report = purge_personal_data(dry_run=dry_run)
        if not report:
            self.stdout.write("No model holding personal data is registered.")
        for label, months, count, total in report:
            verb = "would erase" if dry_run else "erased"
            self.stdout.write(f"{label}: {verb} {count} record(s) older than {months} month(s) ({total} kept in all)")
