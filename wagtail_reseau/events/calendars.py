"""Calendar files (iCalendar, RFC 5545) of forums and training sessions, built with
the ``icalendar`` library.

``calendar_for(target)`` / ``ics_bytes(target)``: one event (a ``ForumPage`` or a
``TrainingSession``) as a calendar with one VEVENT, for a download link or an
e-mail attachment. ``feed_calendar(targets, name)``: several events, for the
subscription feed. Times carry the site's time zone (``settings.TIME_ZONE``) with
its VTIMEZONE component.

A calendar file is public: it never holds the online joining link (registrants
get it privately) nor any personal data. Its UID stays the same across calls and
edits (``forum-<page id>@<host>``, ``session-<id>@<host>``), the same in the
public files and in the one sent to registrants, and its ``SEQUENCE`` rises each
time the event's time, place or status changes (``calendar_versions.py``), so a
calendar application replaces the event it already has instead of adding a second
one or keeping the old one. The words a file adds (reminder, "Online"...) are in
the event page's language.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event, vCalAddress, vDuration, vText

from ..conf import reseau_settings
from .calendar_versions import event_key, versions_for
from .status import EventStatus

PRODID = "-//wagtail-reseau//Calendars//FR"


def _is_session(target):
    return target._meta.model_name == "trainingsession"


def event_page(target):
    """The page an event belongs to: the forum itself, a session's capsule."""
    return target.page if _is_session(target) else target


class BuildCache(dict):
    """What the events of one file share (their sites' host names, their pages'
    languages, Wagtail's site root paths as an attribute): a feed asks each once."""

    def __bool__(self):  # Wagtail keeps its root paths on a cache object only when it is truthy
        return True


def site_host(page, cache=None):
    """The host name of the site ``page`` belongs to (the default site's otherwise),
    whoever asks: the UID must not depend on the request."""
    from wagtail.models import Site

    cache = BuildCache() if cache is None else cache
    # Not a request: Wagtail only keeps its site root paths on it (never picks the request's site).
    url_parts = page.get_url_parts(cache) if page.pk else None
    site_id = url_parts[0] if url_parts else None
    if ("host", site_id) not in cache:
        site = Site.objects.filter(pk=site_id).first() if site_id else None
        if site is None:
            site = Site.objects.filter(is_default_site=True).first()
        cache[("host", site_id)] = (site.hostname if site else "") or "localhost"
    return cache[("host", site_id)]


def event_uid(target, cache=None):
    """A stable identifier: the kind and id of the event, at the site's host. A
    translation of a forum is another page, so another event (its own language)."""
    return f"{event_key(target)}@{site_host(event_page(target), cache)}"


def _language(page, cache):
    """The language of the event's page (its words in the file are in it)."""
    locale_id = getattr(page, "locale_id", None)
    if ("language", locale_id) not in cache:
        from wagtail.models import Locale

        language = Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()
        cache[("language", locale_id)] = language or translation.get_language()
    return cache[("language", locale_id)]


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


def is_online(target):
    """Online only: an online forum, or a forum or session moved online."""
    if target.event_status == EventStatus.MOVED_ONLINE:
        return True
    return not _is_session(target) and target.attendance_mode == "online"


def event_location(target):
    """Where it takes place, as words; "" when it is online only (a venue it has
    left must not show). Never the online joining link."""
    if is_online(target):
        return ""
    if _is_session(target):
        return target.place
    return ", ".join(part for part in (target.venue_name, target.venue_address) if part)


def calendar_location(target):
    """The ``LOCATION`` of a calendar file: the place, or "Online" in the current
    language (the joining link is for registrants only)."""
    return event_location(target) or (_("Online") if is_online(target) else "")


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
    elif page.attendance_mode in ("online", "hybrid") or is_online(target):
        parts.append(_("Online: the joining link is sent to registered participants."))
    if url:
        parts.append(url)
    return "\n\n".join(parts)


def _utc(moment):
    return moment.astimezone(datetime.UTC)


def build_event(target, request=None, now=None, version=None, cache=None):
    """The VEVENT of a forum or a session. ``version`` is its ``calendar_versions.Version``
    (read here when not given); ``cache`` a ``BuildCache`` shared by the events of one feed."""
    cache = BuildCache() if cache is None else cache
    page = event_page(target)
    if version is None:
        version = versions_for([target])[event_key(target)]
    with translation.override(_language(page, cache)):
        return _build_event(target, page, request, now or timezone.now(), version, cache)


def _build_event(target, page, request, now, version, cache):
    url = _full_url(page, request)
    event = Event()
    event.add("uid", event_uid(target, cache))
    event.add("dtstamp", _utc(now))
    event.add("sequence", version.sequence)
    event.add("summary", page.title)
    event.add("dtstart", _local(target.start))
    if target.end:
        event.add("dtend", _local(target.end))
    modified = max(moment for moment in (page.last_published_at, version.changed_at) if moment)
    event.add("last-modified", _utc(min(modified, now)))
    event.add("status", getattr(target, "calendar_status", "CONFIRMED"))
    event.add("class", "PUBLIC")
    event.add("transp", "TRANSPARENT" if target.event_status == EventStatus.CANCELLED else "OPAQUE")
    location = calendar_location(target)
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
    if hours and target.event_status not in (EventStatus.CANCELLED, EventStatus.POSTPONED):
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


def calendar_for(target, request=None, min_sequence=0):
    """A calendar holding one event: ``target`` is a ``ForumPage`` or a ``TrainingSession``.
    ``min_sequence``: its ``SEQUENCE`` is at least this (a number already sent out)."""
    version = versions_for([target], at_least={event_key(target): min_sequence})[event_key(target)]
    calendar = _calendar()
    calendar.add_component(build_event(target, request, version=version))
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
    versions = versions_for(targets, now=now)  # one query for the whole feed, whatever its length
    cache = BuildCache()
    for target in targets:
        calendar.add_component(build_event(target, request, now=now, version=versions[event_key(target)], cache=cache))
    _add_time_zones(calendar, targets)
    return calendar


def ics_filename(target):
    """A file name for a download: the page's slug, and the session's date."""
    page = event_page(target)
    if _is_session(target):
        return f"{page.slug}-{_local(target.start):%Y-%m-%d}.ics"
    return f"{page.slug}.ics"
