"""The reminder a configurable number of days before the event."""

import datetime

from django.db import transaction
from django.utils import timezone

from ...conf import reseau_settings
from ..status import ON_HOLD
from . import emails
from .capacity import on_hold
from .models import Registration
from .models import RegistrationStatus as Status


def send_reminders(now=None, days=None):
    """Queues one reminder to each confirmed registrant of an event starting within
    ``days`` (``WAGTAIL_RESEAU_REGISTRATION_REMINDER_DAYS``), unless the event is
    cancelled or postponed (``capacity.on_hold``). A registration is
    claimed (``reminder_sent_at``) in the same transaction as its e-mail is stored,
    so running it twice, or twice at once, sends one reminder. Returns how many."""
    now = now or timezone.now()
    days = reseau_settings.REGISTRATION_REMINDER_DAYS if days is None else days
    if not days:
        return 0
    due = (
        Registration.objects.filter(
            status=Status.CONFIRMED,
            erased_at__isnull=True,
            reminder_sent_at__isnull=True,
            event__starts_at__gt=now,
            event__starts_at__lte=now + datetime.timedelta(days=days),
        )
        .exclude(event__event_status__in=ON_HOLD)
        .select_related("event")
    )
    count = 0
    held = {}
    for registration in due:
        if registration.event_id not in held:
            held[registration.event_id] = on_hold(registration.event)
        if held[registration.event_id]:
            continue  # the live forum or session is cancelled or postponed, its copy not yet
        with transaction.atomic():
            claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if claimed:
                emails.queue(registration, "reminder")
                count += 1
    return count
