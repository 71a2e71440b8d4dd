"""Calendar files (iCalendar, RFC 5545) of forums and training sessions, built with
the ``icalendar`` library.

``calendar_for(target)`` / ``ics_bytes(target)``: one event (a ``ForumPage`` or a
``TrainingSession``) as a calendar with one VEVENT, for a download link or an
e-mail attachment. ``feed_calendar(targets, name)``: several events, for the
subscription feed. Times carry the site's time zone (``settings.TIME_ZONE``) with
its VTIMEZONE component.

A calendar file is public: it never holds the online joining link (registrants
get it privately) nor any personal data. Its UID stays the same across calls and
edits (``forum-<page id>@<host>``, ``session-<id>@<host>``), so a calendar
application updates the event it already has instead of adding a second one.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event, vCalAddress, vDuration, vText

from ..conf import reseau_settings

PRODID = "-//wagtail-reseau//Calendars//FR"


def _is_session(target):
    return target._meta.model_name == "trainingsession"


def event_page(target):
    """The page an event belongs to: the forum itself, a session's capsule."""
    return target.page if _is_session(target) else target


def site_host(page):
    """The host name of the site ``page`` belongs to (the default site's otherwise)."""
    from wagtail.models import Site

    site = page.get_site() if page.pk else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return (site.hostname if site else "") or "localhost"


def event_uid(target):
    """A stable identifier: the kind and id of the event, at the site's host. A
    translation of a forum is another page, so another event (its own language)."""
    host = site_host(event_page(target))
    if _is_session(target):
        return f"session-{target.pk}@{host}"
    return f"forum-{target.pk}@{host}"


def _time_zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE or "UTC")


def _local(moment):
    """An aware datetime in the site's time zone (a naive one is taken as such)."""
    zone = _time_zone()
    if timezone.is_naive(moment):
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


def _full_url(page, request=None):
    try:
        return page.get_full_url(request) or ""
    except Exception:  # a page outside any site has no address: the event still has a file
        return ""


def _organiser(page):
    """``(name, e-mail)`` of who organises: the forum's organiser or the capsule's
    provider when it has an address, else the site's address."""
    organisation = getattr(page, "organiser", None) if hasattr(page, "organiser_id") else None
    if organisation is None and hasattr(page, "provider_id"):
        organisation = page.provider
    email = getattr(organisation, "email", "") if organisation is not None else ""
    name = organisation.title if organisation is not None else ""
    if not email:
        email = reseau_settings.CALENDAR_ORGANISER_EMAIL or settings.DEFAULT_FROM_EMAIL
    return name, email


def event_location(target):
    """Where it takes place, as words (never the online joining link)."""
    if _is_session(target):
        return target.place
    if target.attendance_mode == "online":
        return ""
    return ", ".join(part for part in (target.venue_name, target.venue_address) if part)


def _description(target, url):
    page = event_page(target)
    parts = []
    summary = getattr(page, "summary", "") or strip_tags(getattr(page, "description", "") or "")
    if summary:
        parts.append(Truncator(summary.strip()).chars(1000))
    if _is_session(target):
        trainers = [trainer.person.name for trainer in page.trainers.all()]
        if trainers:
            parts.append(_("Trainers: %(names)s") % {"names": ", ".join(trainers)})
    elif page.attendance_mode in ("online", "hybrid"):
        parts.append(_("Online: the joining link is sent to registered participants."))
    if url:
        parts.append(url)
    return "\n\n".join(parts)


def build_event(target, request=None, now=None):
    """The VEVENT of a forum or a session."""
    page = event_page(target)
    url = _full_url(page, request)
    event = Event()
    event.add("uid", event_uid(target))
    event.add("dtstamp", now or timezone.now())
    event.add("summary", page.title)
    event.add("dtstart", _local(target.start))
    if target.end:
        event.add("dtend", _local(target.end))
    if page.last_published_at:
        event.add("last-modified", page.last_published_at)
    event.add("status", getattr(target, "calendar_status", "CONFIRMED"))
    event.add("class", "PUBLIC")
    event.add("transp", "OPAQUE")
    location = event_location(target)
    if location:
        event.add("location", location)
    if url:
        event.add("url", url)
    description = _description(target, url)
    if description:
        event.add("description", description)
    name, email = _organiser(page)
    if email:
        organiser = vCalAddress(f"mailto:{email}")
        if name:
            organiser.params["cn"] = vText(name)
        event.add("organizer", organiser)
    hours = reseau_settings.CALENDAR_REMINDER_HOURS
    if hours:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", -datetime.timedelta(hours=float(hours)))
        alarm.add("description", _("Reminder: %(title)s") % {"title": page.title})
        event.add_component(alarm)
    return event


def _calendar(name=""):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("name", name)  # RFC 7986
        calendar.add("x-wr-calname", name)  # the same for applications that predate it
    calendar.add("x-wr-timezone", settings.TIME_ZONE or "UTC")
    return calendar


def _add_time_zones(calendar, targets):
    """The VTIMEZONE of the site's zone, with its transitions around the events only."""
    starts = [_local(target.start).date() for target in targets]
    if not starts:
        return
    first = min(starts) - datetime.timedelta(days=366)
    last = max(starts) + datetime.timedelta(days=366)
    calendar.add_missing_timezones(first_date=first, last_date=last)


def calendar_for(target, request=None):
    """A calendar holding one event: ``target`` is a ``ForumPage`` or a ``TrainingSession``."""
    calendar = _calendar()
    calendar.add_component(build_event(target, request))
    _add_time_zones(calendar, [target])
    return calendar


def ics_bytes(target, request=None):
    """``calendar_for(target)`` as the bytes of a ``.ics`` file (UTF-8, CRLF lines)."""
    return calendar_for(target, request).to_ical()


def feed_calendar(targets, name="", request=None, refresh_hours=6):
    """A calendar of several events (the subscription feed); applications that
    read the refresh hint come back every ``refresh_hours`` hours."""
    targets = list(targets)
    calendar = _calendar(name)
    calendar.add("refresh-interval", datetime.timedelta(hours=refresh_hours), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(datetime.timedelta(hours=refresh_hours)))
    now = timezone.now()
    for target in targets:
        calendar.add_component(build_event(target, request, now=now))
    _add_time_zones(calendar, targets)
    return calendar


def ics_filename(target):
    """A file name for a download: the page's slug, and the session's date."""
    page = event_page(target)
    if _is_session(target):
        return f"{page.slug}-{_local(target.start):%Y-%m-%d}.ics"
    return f"{page.slug}.ics"
