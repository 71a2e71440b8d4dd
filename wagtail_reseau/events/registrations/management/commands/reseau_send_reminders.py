"""Sends the reminder before each event (schedule it, e.g. hourly); an e-mail
already sent is never sent again."""

from django.core.management.base import BaseCommand

from wagtail_reseau.events.registrations.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail a reminder to the confirmed registrants of events starting within the configured days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Override WAGTAIL_RESEAU_REGISTRATION_REMINDER_DAYS."
        )

    def handle(self, *args, days=None, **options):
        count = send_reminders(days=days)
        self.stdout.write(f"{count} reminder(s) queued.")
