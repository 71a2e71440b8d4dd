"""When an editor publishes a forum or a capsule: registrants are told of a new
date or place, or (once per change) that the event is cancelled, postponed, moved
online or back on after a cancellation or postponement, and a raised capacity (or
an event scheduled again) moves the waiting list up."""

import logging

from django.db import transaction
from django.db.models import F
from wagtail.signals import page_published

from ..status import ANNOUNCED, ON_HOLD, EventStatus
from . import capacity, emails
from .models import RegistrationEvent
from .models import RegistrationStatus as Status
from .targets import EventTarget

logger = logging.getLogger(__name__)


def targets_of(page):
    if hasattr(page, "sessions") and hasattr(page, "get_upcoming_sessions"):
        return [EventTarget(session) for session in page.sessions.all()]
    if hasattr(page, "registration_required"):
        return [EventTarget(page)]
    return []


def event_changed(target, event):
    """(previous start, previous place) if the date or place changed, else None."""
    if event.starts_at != target.start or (event.place or "") != (target.place or ""):
        return event.starts_at, event.place
    return None


def status_announcement(target, event):
    """The kind of e-mail that tells registrants of the event's new status, or None.
    ``event.event_status`` (the registrations' copy) holds the status they were last
    told about, so each change is announced once."""
    status, told = target.event_status, event.event_status
    if status == told:
        return None
    if status in ANNOUNCED:
        return f"event_{status}"
    if status == EventStatus.MOVED_ONLINE:
        return "event_moved_online"
    if status == EventStatus.SCHEDULED and told in ON_HOLD:
        return "event_back_on"
    return None


def on_page_published(sender, instance, **kwargs):
    page = instance.specific
    for target in targets_of(page):
        event = RegistrationEvent.objects.filter(key=target.key).first()
        if event is None:
            continue  # nobody registered yet
        change = event_changed(target, event)
        announce = status_announcement(target, event)
        # What the registrants were told before (for "back on" after a cancellation).
        extra = {"previous_status": event.event_status}
        try:
            with transaction.atomic():
                capacity.refresh_event(target)  # copies the new values, promotes if capacity grew
                if not (change or announce):
                    continue
                # A new version of the calendar file: applications replace the one they have.
                RegistrationEvent.objects.filter(pk=event.pk).update(calendar_sequence=F("calendar_sequence") + 1)
                event.refresh_from_db()  # the e-mails show the new date and place
                active = event.registrations.filter(
                    status__in=[Status.CONFIRMED, Status.WAITING, Status.PENDING], erased_at__isnull=True
                )
                for registration in active:
                    if announce:  # one e-mail: the new status (with the new date, if any) says it all
                        emails.queue(registration, announce, extra)
                        continue
                    previous_start, previous_place = change
                    emails.queue(
                        registration,
                        "changed",
                        {
                            "previous_start": previous_start if previous_start != target.start else None,
                            "previous_place": previous_place if previous_place != target.place else "",
                        },
                    )
        except Exception:  # never fail the editor's publish; the log says why
            logger.exception("Registrations of %s not updated after publishing", target.key)


def connect():
    page_published.connect(on_page_published, dispatch_uid="reseau_registrations_page_published")
