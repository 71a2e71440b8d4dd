"""E-mails to registrants: rendered from overridable templates in the
registrant's language, stored (``OutgoingEmail``) in the transaction that
changed the registration, sent once it has committed; one that fails stays and is
retried by ``reseau_send_pending_emails``.

Templates: ``wagtail_reseau/registrations/emails/<kind>_subject.txt`` and
``<kind>.txt``; kinds: confirm_address, confirmed, waiting, promoted, full,
cancelled, reminder, changed, message, event_cancelled, event_postponed,
event_moved_online, event_back_on."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import OutgoingEmail, RegistrationEvent
from .models import RegistrationStatus as Status

logger = logging.getLogger(__name__)

#: Kinds whose e-mail carries the event's calendar file.
WITH_CALENDAR = {
    "confirmed",
    "promoted",
    "changed",
    "reminder",
    "event_cancelled",
    "event_postponed",
    "event_moved_online",
    "event_back_on",
}


def event_place(target):
    """Where, in words, as the calendar file says it: the venue, or "Online" for an
    event online only or moved online (its old venue must not show)."""
    try:
        from ..calendars import calendar_location
    except ImportError:
        return target.place
    return calendar_location(target.ics_target())


def context_for(registration, extra=None):
    from . import links
    from .targets import target_for_event

    target = target_for_event(registration.event)
    context = {
        "registration": registration,
        "event": registration.event,
        "target": target,
        "page": target.page if target else None,
        "place": event_place(target) if target else "",
        "online_url": target.online_url if target else "",
        "private_url": links.private_url(registration),
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", ""),
    }
    if registration.status == Status.PENDING:
        context["confirm_url"] = links.confirm_url(registration)
    context.update(extra or {})
    return context


def queue(registration, kind, extra=None):
    """Renders and stores one e-mail to ``registration``; sends it after the commit."""
    if registration.is_erased or not registration.email:
        return None
    with translation.override(registration.language):
        with timezone.override(timezone.get_current_timezone()):
            context = context_for(registration, extra)
            subject = render_to_string(f"wagtail_reseau/registrations/emails/{kind}_subject.txt", context)
            body = render_to_string(f"wagtail_reseau/registrations/emails/{kind}.txt", context)
    email = OutgoingEmail.objects.create(
        registration=registration,
        kind=kind,
        to=registration.email,
        subject=" ".join(subject.split())[:255],
        body=body.strip() + "\n",
        attach_calendar=kind in WITH_CALENDAR,
    )
    transaction.on_commit(lambda: send(email))
    return email


def after_status_change(registration, previous):
    """The e-mail that tells a registrant their new status."""
    status = registration.status
    if status == Status.PENDING:
        kind = "confirm_address"
    elif status == Status.CONFIRMED:
        kind = "promoted" if previous == Status.WAITING else "confirmed"
    elif status == Status.WAITING:
        kind = "waiting"
    elif status == Status.CANCELLED:
        kind = "full" if previous == Status.PENDING else "cancelled"
    else:
        return None
    return queue(registration, kind)


def calendar_attachment(registration):
    """(filename, bytes, mimetype) of the event's .ics, if the calendars module is there.

    Its ``SEQUENCE`` is the event's public one (calendars.py: one more at each change
    of time, place or status), at least the event's ``calendar_sequence`` (one more
    at each change announced to registrants), so a calendar application replaces the
    event it has (a cancellation shows as cancelled), and the feed and the public
    download, with the same UID, agree with it. The file is published (``METHOD:PUBLISH``),
    not sent as an invitation: applications mark a cancelled event, they may not
    remove it."""
    from .targets import target_for_event

    try:
        from ..calendars import calendar_for
    except ImportError:
        return None
    event = RegistrationEvent.objects.filter(pk=registration.event_id).first()
    target = target_for_event(event) if event is not None else None
    if target is None:
        return None
    try:
        calendar = calendar_for(target.ics_target(), min_sequence=event.calendar_sequence)
        return ("event.ics", calendar.to_ical(), "text/calendar")
    except Exception:  # a calendar file is a bonus: never lose the e-mail for it
        logger.exception("No calendar file for registration %s", registration.pk)
        return None


def send(email):
    """Tries to send one stored e-mail; True if it went. A failure is recorded, not raised."""
    email = OutgoingEmail.objects.filter(pk=email.pk, sent_at__isnull=True).select_related("registration").first()
    if email is None:
        return False
    message = EmailMessage(email.subject, email.body, to=[email.to])
    if email.attach_calendar and email.registration is not None:
        attachment = calendar_attachment(email.registration)
        if attachment:
            message.attach(*attachment)
    try:
        message.send()
    except Exception as error:  # any transport failure: keep it for the retry
        logger.warning("E-mail %s to registration %s not sent: %s", email.pk, email.registration_id, error)
        OutgoingEmail.objects.filter(pk=email.pk).update(attempts=email.attempts + 1, last_error=str(error)[:2000])
        return False
    OutgoingEmail.objects.filter(pk=email.pk).update(sent_at=timezone.now(), attempts=email.attempts + 1)
    return True


def send_pending(limit=None):
    """Retries every e-mail not sent yet, oldest first; returns (sent, failed)."""
    pending = OutgoingEmail.objects.filter(sent_at__isnull=True).order_by("created_at", "pk")
    if limit:
        pending = pending[:limit]
    sent = failed = 0
    for email in list(pending):
        if send(email):
            sent += 1
        else:
            failed += 1
    return sent, failed
