"""Retries the registration e-mails that could not be sent (schedule it, e.g.
every 10 minutes)."""

from django.core.management.base import BaseCommand

from wagtail_reseau.events.registrations.emails import send_pending


class Command(BaseCommand):
    help = "Send the registration e-mails waiting in the outbox (those that failed before)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="At most this many e-mails.")

    def handle(self, *args, limit=None, **options):
        sent, failed = send_pending(limit=limit)
        self.stdout.write(f"{sent} sent, {failed} still failing.")
