"""Places, the waiting list and the lock that keeps them right.

Every change that gives or frees a place runs inside ``locked_event``: one
transaction holding the event row's lock on PostgreSQL (``SELECT ... FOR
UPDATE``) and SQLite's write lock from its first statement (``write_transaction``),
so two requests never both take the last place. The e-mail that follows a change
is stored in the same transaction and sent once it has committed (emails.py)."""

from contextlib import contextmanager

from django.db import IntegrityError, connections, router
from django.utils import timezone

from ...core.transactions import write_transaction
from .models import Registration, RegistrationEvent
from .models import RegistrationStatus as Status


class RegistrationRefused(Exception):
    """Why a registration cannot be taken (``code``: "duplicate", "full")."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def event_for(target):
    """The event row of ``target`` (created on first use), its copy of the title,
    dates and capacity brought up to date."""
    values = {
        "title": target.title[:255],
        "starts_at": target.start,
        "ends_at": target.end,
        "place": target.place[:500],
        "capacity": target.capacity,
        "event_status": target.event_status,
        "forum_id": None if target.is_session else target.obj.pk,
        "session_id": target.obj.pk if target.is_session else None,
    }
    event, created = RegistrationEvent.objects.get_or_create(key=target.key, defaults=values)
    if not created and any(getattr(event, name) != value for name, value in values.items()):
        RegistrationEvent.objects.filter(pk=event.pk).update(**values)
        for name, value in values.items():
            setattr(event, name, value)
    return event


@contextmanager
def locked_event(event):
    """A transaction in which ``event`` (re-read) is locked against every other writer."""
    using = router.db_for_write(RegistrationEvent)
    with write_transaction(RegistrationEvent):
        if connections[using].vendor != "sqlite":
            event = RegistrationEvent.objects.select_for_update().get(pk=event.pk)
        else:
            event = RegistrationEvent.objects.get(pk=event.pk)
        yield event


def confirmed_count(event):
    return Registration.objects.filter(event=event, status=Status.CONFIRMED).count()


def places_left(event):
    """Free places, or None when the event has no limit."""
    if event.capacity is None:
        return None
    return max(0, event.capacity - confirmed_count(event))


def _allocate(event, registration, waiting_list):
    """Confirms ``registration`` if a place is free, else puts it on the waiting list,
    else raises ``RegistrationRefused("full")``. Inside ``locked_event``. While the
    event is on hold, the places freed meanwhile stay for the people already waiting."""
    left = places_left(event)
    if left and on_hold(event):
        left = max(0, left - Registration.objects.filter(event=event, status=Status.WAITING).count())
    if left is None or left > 0:
        registration.status = Status.CONFIRMED
        registration.confirmed_at = timezone.now()
    elif waiting_list:
        registration.status = Status.WAITING
    else:
        raise RegistrationRefused("full")


def register(target, registration, double_opt_in):
    """Saves ``registration`` (unsaved, its fields filled) for ``target``: pending
    until its address is confirmed with ``double_opt_in``, else confirmed or waiting.
    Raises ``RegistrationRefused``. Queues the e-mail that follows."""
    from . import emails

    event = event_for(target)
    try:
        with locked_event(event) as event:
            registration.event = event
            duplicate = Registration.objects.filter(
                event=event, email__iexact=registration.email, erased_at__isnull=True
            ).exclude(status=Status.CANCELLED)
            if duplicate.exists():
                raise RegistrationRefused("duplicate")
            if double_opt_in:
                if not target.waiting_list and places_left(event) == 0:
                    raise RegistrationRefused("full")
                registration.status = Status.PENDING
            else:
                _allocate(event, registration, target.waiting_list)
            registration.save()
            emails.after_status_change(registration, None)
    except IntegrityError as error:  # the unique constraint, if a check was beaten
        raise RegistrationRefused("duplicate") from error
    return registration


def confirm(registration):
    """The address is confirmed: the registration takes a place, or waits, or (full,
    no waiting list) is cancelled. Does nothing if it is no longer pending, or if
    the event itself is cancelled."""
    from . import emails
    from .targets import target_for_event

    target = target_for_event(registration.event)
    if target is not None and target.status() == "cancelled":
        return registration  # the event was cancelled meanwhile: nothing to confirm
    waiting_list = target.waiting_list if target else True
    with locked_event(registration.event) as event:
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status != Status.PENDING:
            return registration
        try:
            _allocate(event, registration, waiting_list)
        except RegistrationRefused:
            registration.status = Status.CANCELLED
            registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at", "cancelled_at"])
        emails.after_status_change(registration, Status.PENDING)
    return registration


def on_hold(event):
    """True when ``event`` (a ``RegistrationEvent``) is cancelled or postponed, by the
    registrations' copy or by the live forum or session: nobody is promoted to it nor
    reminded of it. A postponed event's waiting list moves up once it is scheduled again
    (the publish that puts it back calls ``refresh_event``)."""
    from ..status import ON_HOLD
    from .targets import target_for_event

    if event.event_status in ON_HOLD:
        return True
    target = target_for_event(event)
    return target is not None and target.event_status in ON_HOLD


def promote_waiting(event):
    """Gives the free places to the first people waiting; inside ``locked_event``.
    Nobody while the event is cancelled or postponed (``on_hold``)."""
    promoted = []
    if on_hold(event):
        return promoted
    left = places_left(event)
    waiting = Registration.objects.filter(event=event, status=Status.WAITING).order_by("created_at", "pk")
    for registration in waiting[:left] if left is not None else waiting:
        registration.status = Status.CONFIRMED
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at"])
        promoted.append(registration)
    return promoted


def _announce_promotions(promoted):
    from . import emails

    for registration in promoted:
        emails.after_status_change(registration, Status.WAITING)


def cancel(registration):
    """Cancels; a freed place goes to the first person waiting (told by e-mail)."""
    from . import emails

    with locked_event(registration.event) as event:
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == Status.CANCELLED:
            return registration, []
        previous = registration.status
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = promote_waiting(event) if previous == Status.CONFIRMED else []
        emails.after_status_change(registration, previous)
        _announce_promotions(promoted)
    return registration, promoted


def refresh_event(target):
    """After an editor changed the event (e.g. raised its capacity): copies the new
    values and moves the waiting list up."""
    event = event_for(target)
    with locked_event(event) as event:
        promoted = promote_waiting(event)
        _announce_promotions(promoted)
    return promoted
