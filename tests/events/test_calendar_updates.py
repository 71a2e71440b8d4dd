"""What a calendar application needs to follow an event that changes
(``events/calendar_versions.py``, ``events/calendars.py``): one UID for the public
files and the registrant's file, a SEQUENCE that rises when the time, place or
status changes, STATUS for each event status, LAST-MODIFIED, "Online" and no venue
once moved online; files read back with icalendar; a feed whose number of queries
does not grow with its events."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from icalendar import Calendar
from wagtail.models import Locale, Site

from wagtail_reseau import models as m
from wagtail_reseau.events.calendar_versions import CalendarVersion
from wagtail_reseau.events.calendars import feed_calendar, ics_bytes
from wagtail_reseau.events.registrations import capacity
from wagtail_reseau.events.registrations.models import Registration
from wagtail_reseau.events.registrations.targets import EventTarget
from wagtail_reseau.events.status import EventStatus

from tests.conftest import in_days, publish
from tests.events.calendar_data import module_data

pytestmark = pytest.mark.django_db

SECRET = "https://visio.example.org/salle-secrete"
VENUE = "Maison des habitants, 3 rue des Lilas, Albi"


def build():
    Locale.objects.get_or_create(language_code="fr")
    english = Locale.objects.get_or_create(language_code="en")[0]
    home = Site.objects.get(is_default_site=True).root_page.specific
    forums = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    trainings = publish(home, m.TrainingIndexPage(title="Formations", slug="formations"))

    def forum(slug, **fields):
        values = {
            "title": f"Forum {slug}",
            "slug": slug,
            "start": in_days(20, hour=9),
            "end": in_days(20, hour=17),
            "venue_name": "Maison des habitants",
            "venue_address": "3 rue des Lilas, Albi",
            "online_url": SECRET,
            **fields,
        }
        return publish(forums, m.ForumPage(**values))

    capsule = m.TrainingCapsulePage(title="Animer un conseil citoyen", slug="animer")
    trainings.add_child(instance=capsule)
    capsule.sessions.add(m.TrainingSession(start=in_days(10, hour=9), end=in_days(10, hour=16), place="Toulouse"))
    capsule.save_revision().publish()
    return {
        "forums": forums,
        "trainings": trainings,
        "forum": forum("quartier", capacity=10),
        "escaped": forum(
            "virgules",
            title="Forum, santé; et bien-être",
            venue_name="Salle 1; bâtiment B",
            venue_address="3, rue des Lilas",
            summary="Première ligne.\nDeuxième ligne, avec virgule; et point-virgule.",
        ),
        "english": forum("neighbourhood", title="Neighbourhood forum", locale=english),
        "capsule": m.TrainingCapsulePage.objects.get(pk=capsule.pk),
        "session": m.TrainingSession.objects.get(page=capsule),
    }


@pytest.fixture(scope="module")
def events(django_db_setup, django_db_blocker):
    with module_data(django_db_blocker, build) as data:
        yield data


def republish(page, capture, **changes):
    """Publishes a new revision of ``page`` with ``changes``, as an editor would."""
    page = page.specific_class.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    with capture(execute=True):
        page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def fresh_session(events):
    """The session as stored (the module's object is shared by every test)."""
    return m.TrainingSession.objects.select_related("page").get(pk=events["session"].pk)


def vevent(data):
    if isinstance(data, str):  # Django keeps a text/* attachment as text
        data = data.encode()
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    return event


def feed_events(client, prefix=""):
    response = client.get(f"{prefix}/calendars/feed.ics")
    assert response.status_code == 200, response.content
    return {str(event["uid"]): event for event in Calendar.from_ical(response.content).walk("VEVENT")}


def test_every_event_has_what_an_application_needs_to_follow_it(client, events):
    forum = events["forum"]
    data = ics_bytes(forum)
    event = vevent(data)
    assert str(event["uid"]) == f"forum-{forum.pk}@localhost"
    assert int(event["sequence"]) == 0
    assert str(event["status"]) == "CONFIRMED"
    assert event.decoded("last-modified") == forum.last_published_at.replace(microsecond=0)
    lines = data.decode().replace("\r\n ", "").split("\r\n")
    # LAST-MODIFIED and DTSTAMP are in UTC (RFC 5545, 3.8.7.2 and 3.8.7.3).
    assert [line for line in lines if line.startswith(("LAST-MODIFIED:", "DTSTAMP:"))]
    assert all(line.endswith("Z") for line in lines if line.startswith(("LAST-MODIFIED:", "DTSTAMP:")))
    assert "GEO" not in event
    # The feed holds the same event, the same version.
    in_feed = feed_events(client)[str(event["uid"])]
    assert int(in_feed["sequence"]) == 0
    for event in feed_events(client).values():
        for name in ("uid", "dtstamp", "dtstart", "sequence", "status", "last-modified", "summary"):
            assert name in event, name
    # Reading again does not make a new version.
    assert int(vevent(ics_bytes(forum))["sequence"]) == 0
    assert CalendarVersion.objects.filter(key=f"forum-{forum.pk}").count() == 1


def test_the_sequence_rises_after_a_postponement(client, events, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    forum = events["forum"]
    before = vevent(ics_bytes(forum))
    assert int(before["sequence"]) == 0

    forum = republish(forum, capture, event_status=EventStatus.POSTPONED)
    postponed = vevent(ics_bytes(forum))
    assert postponed["uid"] == before["uid"], "the same event, replaced"
    assert int(postponed["sequence"]) == 1
    assert str(postponed["status"]) == "TENTATIVE"
    assert postponed.walk("VALARM") == [], "no reminder of a date that does not hold"
    assert postponed.decoded("last-modified") == forum.last_published_at.replace(microsecond=0)
    assert postponed.decoded("last-modified") >= before.decoded("last-modified")

    # Back on, on a new date: one more.
    new_start, new_end = in_days(40, hour=9), in_days(40, hour=17)
    forum = republish(forum, capture, event_status=EventStatus.SCHEDULED, start=new_start, end=new_end)
    back_on = vevent(ics_bytes(forum))
    assert int(back_on["sequence"]) == 2
    assert str(back_on["status"]) == "CONFIRMED"
    assert back_on.decoded("dtstart") == new_start
    assert back_on.walk("VALARM")

    # The feed says the same, from the same versions.
    assert int(feed_events(client)[str(before["uid"])]["sequence"]) == 2

    # A new title only: the same version (the time, the place and the status hold).
    forum = republish(forum, capture, title="Forum du quartier (programme)")
    assert int(vevent(ics_bytes(forum))["sequence"]) == 2
    # A new venue: one more.
    forum = republish(forum, capture, venue_name="Centre social des Lilas")
    moved = vevent(ics_bytes(forum))
    assert int(moved["sequence"]) == 3
    assert str(moved["location"]).startswith("Centre social des Lilas")


def test_a_session_changed_without_a_publication(events):
    session = fresh_session(events)
    assert int(vevent(ics_bytes(session))["sequence"]) == 0
    session.start += datetime.timedelta(days=1)
    session.save()
    event = vevent(ics_bytes(fresh_session(events)))
    assert int(event["sequence"]) == 1
    # Changed after the capsule's last publication: LAST-MODIFIED is when it was seen.
    assert event.decoded("last-modified") > events["capsule"].last_published_at.replace(microsecond=0)


@pytest.mark.parametrize(
    "status, expected",
    [
        (EventStatus.SCHEDULED, "CONFIRMED"),
        (EventStatus.CANCELLED, "CANCELLED"),
        (EventStatus.POSTPONED, "TENTATIVE"),
        (EventStatus.MOVED_ONLINE, "CONFIRMED"),
    ],
)
def test_status_of_each_event_status(client, events, django_capture_on_commit_callbacks, status, expected):
    forum = republish(events["forum"], django_capture_on_commit_callbacks, event_status=status)
    session = fresh_session(events)
    session.event_status = status
    session.save()
    for target in (forum, session):
        event = vevent(ics_bytes(target))
        assert str(event["status"]) == expected
        assert str(event["transp"]) == ("TRANSPARENT" if status == EventStatus.CANCELLED else "OPAQUE")
        assert bool(event.walk("VALARM")) == (status not in (EventStatus.CANCELLED, EventStatus.POSTPONED))
    in_feed = feed_events(client)
    assert str(in_feed[f"forum-{forum.pk}@localhost"]["status"]) == expected
    assert str(in_feed[f"session-{session.pk}@localhost"]["status"]) == expected


def test_moved_online_shows_online_and_no_venue(client, events, django_capture_on_commit_callbacks):
    forum = republish(events["forum"], django_capture_on_commit_callbacks, event_status=EventStatus.MOVED_ONLINE)
    session = fresh_session(events)
    session.event_status = EventStatus.MOVED_ONLINE
    session.save()
    for target, venue in ((forum, "Maison des habitants"), (session, "Toulouse")):
        with translation.override("en"):  # whoever asks: the words of the event's own language
            data = ics_bytes(target)
        event = vevent(data)
        assert str(event["location"]) == "En ligne"
        assert "GEO" not in event
        assert venue.encode() not in data
        assert SECRET.encode() not in data, "the joining link is for registrants only"
    english = republish(events["english"], django_capture_on_commit_callbacks, event_status=EventStatus.MOVED_ONLINE)
    with translation.override("fr"):
        assert str(vevent(ics_bytes(english))["location"]) == "Online"
    assert str(feed_events(client, "/en")[f"forum-{english.pk}@localhost"]["location"]) == "Online"
    assert str(feed_events(client)[f"forum-{forum.pk}@localhost"]["location"]) == "En ligne"


def test_the_registrants_file_is_the_same_event(client, events, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    forum = events["forum"]
    mail.outbox.clear()
    with capture(execute=True):
        capacity.register(
            EventTarget(forum), Registration(name="Inès", email="ines@example.org", language="fr"), double_opt_in=False
        )
    (confirmation,) = mail.outbox
    sent = vevent(confirmation.attachments[0][1])
    public = vevent(ics_bytes(forum))
    assert str(sent["uid"]) == str(public["uid"]) == f"forum-{forum.pk}@localhost"
    assert int(sent["sequence"]) == int(public["sequence"]) == 0
    assert str(sent["location"]) == VENUE

    mail.outbox.clear()
    forum = republish(forum, capture, event_status=EventStatus.MOVED_ONLINE)
    (moved,) = mail.outbox
    data = moved.attachments[0][1]
    data = data.decode() if isinstance(data, bytes) else data
    sent = vevent(data)
    assert str(sent["location"]) == "En ligne"
    assert "GEO" not in sent
    assert "Maison des habitants" not in data and SECRET not in data
    assert int(sent["sequence"]) == 1
    # The public files agree: a subscriber and a registrant hold one event, one version.
    assert int(vevent(ics_bytes(forum))["sequence"]) == 1
    assert int(feed_events(client)[str(sent["uid"])]["sequence"]) == 1


def test_commas_semicolons_and_new_lines_are_escaped(events):
    data = ics_bytes(events["escaped"])
    unfolded = data.replace(b"\r\n ", b"")
    assert "SUMMARY:Forum\\, santé\\; et bien-être\r\n".encode() in unfolded
    assert "LOCATION:Salle 1\\; bâtiment B\\, 3\\, rue des Lilas\r\n".encode() in unfolded
    assert "DESCRIPTION:Première ligne.\\nDeuxième ligne\\, avec virgule\\; et point-virgule.".encode() in unfolded
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "lines folded at 75 octets"
    event = vevent(data)
    assert str(event["summary"]) == "Forum, santé; et bien-être"
    assert str(event["location"]) == "Salle 1; bâtiment B, 3, rue des Lilas"
    assert str(event["description"]).startswith("Première ligne.\nDeuxième ligne, avec virgule; et point-virgule.")


def test_the_feeds_queries_do_not_grow_with_its_events(client, events, django_capture_on_commit_callbacks):
    def feed():
        with CaptureQueriesContext(connection) as queries:
            found = feed_events(client)
        return len(queries), len(found)

    feed()  # Django's caches (site root paths...) filled once
    CalendarVersion.objects.all().delete()
    first_few, few = feed()  # stores the versions of every event
    again_few, _count = feed()
    assert CalendarVersion.objects.count() == few

    # Live without revisions (quick to build): the feed reads live rows.
    for number in range(8):
        events["forums"].add_child(
            instance=m.ForumPage(
                title=f"Forum {number}", slug=f"forum-{number}", start=in_days(30 + number), venue_name="Salle"
            )
        )
    sessions = [m.TrainingSession(start=in_days(50 + number), place="Rodez") for number in range(8)]
    capsule = m.TrainingCapsulePage(title="Accueillir", slug="accueillir", sessions=sessions)
    events["trainings"].add_child(instance=capsule)

    first_many, many = feed()
    again_many, _count = feed()
    assert many == few + 16
    assert (first_many, again_many) == (first_few, again_few), "as many queries for 16 more events"
    assert again_few < first_few, "once stored, the versions are only read"

    # Every event changed at once: still as many queries.
    m.ForumPage.objects.filter(slug__startswith="forum-").update(event_status=EventStatus.CANCELLED)
    m.TrainingSession.objects.filter(page=capsule).update(place="Millau")
    with CaptureQueriesContext(connection) as queries:
        feed_events(client)
    changed = len(queries)
    m.ForumPage.objects.filter(slug="forum-0").update(event_status=EventStatus.POSTPONED)
    with CaptureQueriesContext(connection) as queries:
        feed_events(client)
    assert len(queries) == changed


def test_feed_calendar_reads_the_versions_in_one_query(events):
    targets = [events["forum"], events["escaped"], fresh_session(events)]
    feed_calendar(targets)
    with CaptureQueriesContext(connection) as queries:
        feed_calendar(targets)
    versions = [query for query in queries if "calendarversion" in query["sql"].lower()]
    assert len(versions) == 1
