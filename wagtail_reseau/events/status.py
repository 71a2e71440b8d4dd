"""The status of a forum or a training session, set by editors: scheduled,
cancelled, postponed or moved online (schema.org ``EventStatusType``).

It shows on the event's page, its listing card and the agenda (a notice), in its
calendar file (``STATUS:CANCELLED``), in its JSON-LD (``eventStatus``); a
cancelled event takes no registration; registrants are told by e-mail, once,
when an event they registered for is cancelled, postponed, moved online or back on
after a cancellation or postponement (registrations' signals.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventStatus(models.TextChoices):
    # Whole phrases, not "Cancelled": that one is a registration's (feminine in French).
    SCHEDULED = "scheduled", _("Takes place as planned")
    CANCELLED = "cancelled", _("Event cancelled")
    POSTPONED = "postponed", _("Event postponed")
    MOVED_ONLINE = "moved_online", _("Event moved online")


#: schema.org ``EventStatusType`` of each status.
SCHEMA_ORG = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.MOVED_ONLINE: "https://schema.org/EventMovedOnline",
}

#: iCalendar STATUS (RFC 5545): a postponed event's date no longer holds.
ICALENDAR = {EventStatus.CANCELLED: "CANCELLED", EventStatus.POSTPONED: "TENTATIVE"}

NOTICES = {
    EventStatus.CANCELLED: _("This event is cancelled."),
    EventStatus.POSTPONED: _("This event is postponed: a new date will be announced."),
    EventStatus.MOVED_ONLINE: _("This event now takes place online."),
}

#: The changes registrants are told about by e-mail with an ``event_<status>`` e-mail
#: (also: moved online, and scheduled again after one of these, in signals.py).
ANNOUNCED = (EventStatus.CANCELLED, EventStatus.POSTPONED)

#: The statuses under which an event has no date that holds: no reminder, nobody
#: promoted from the waiting list (registrations' capacity.py and reminders.py).
ON_HOLD = (EventStatus.CANCELLED, EventStatus.POSTPONED)


def event_status_field():
    return models.CharField(
        _("event status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_(
            "Cancelled, postponed or moved online: the page, lists, calendars and search engines say so; "
            "a cancelled event takes no registration; registrants are told by e-mail when you publish."
        ),
    )


class EventStatusMixin:
    """What a forum or a session says of its ``event_status`` field."""

    @property
    def is_cancelled(self):
        return self.event_status == EventStatus.CANCELLED

    @property
    def status_notice(self):
        """The sentence shown on the page, or "" when the event is scheduled."""
        return NOTICES.get(self.event_status, "")

    @property
    def status_label(self):
        """The short label of a card or the agenda ("Event cancelled"), or "" when scheduled."""
        if self.event_status in (None, "", EventStatus.SCHEDULED):
            return ""
        return EventStatus(self.event_status).label

    @property
    def calendar_status(self):
        return ICALENDAR.get(self.event_status, "CONFIRMED")

    @property
    def schema_org_status(self):
        return SCHEMA_ORG.get(self.event_status, SCHEMA_ORG[EventStatus.SCHEDULED])
