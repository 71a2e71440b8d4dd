"""Calendar files of forums and sessions (``events/calendars.py``), read back with
``icalendar``."""

import datetime

import pytest
from icalendar import Calendar

from wagtail_reseau import models as m
from wagtail_reseau.events.calendars import calendar_for, event_uid, ics_bytes

from tests.conftest import in_days, publish


@pytest.fixture
def forum(home, federation, vocab):
    index = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    return publish(
        index,
        m.ForumPage(
            title="Forum santé",
            slug="forum-sante",
            summary="Un forum ouvert aux habitants.",
            start=in_days(10, hour=9),
            end=in_days(10, hour=17),
            attendance_mode="hybrid",
            venue_name="Salle des fêtes",
            venue_address="1 place du Capitole, Toulouse",
            online_url="https://visio.example.org/secret-room",
            organiser=federation,
        ),
    )


@pytest.fixture
def session(home, vocab):
    index = publish(home, m.TrainingIndexPage(title="Formations", slug="formations"))
    capsule = m.TrainingCapsulePage(title="Animer une réunion", slug="animer", duration_hours=6)
    capsule.trainers.add(m.TrainingTrainer(person=vocab["expert"]))
    capsule.sessions.add(m.TrainingSession(start=in_days(20, hour=9), end=in_days(20, hour=16), place="Toulouse"))
    capsule = publish(index, capsule)
    return capsule.sessions.get()


def event_of(data):
    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return calendar, events[0]


@pytest.mark.django_db
def test_forum_calendar_file(forum, settings):
    first = ics_bytes(forum)
    calendar, event = event_of(first)
    assert str(event["uid"]) == f"forum-{forum.pk}@localhost"
    # Stable: a second file (later, another DTSTAMP) has the same UID.
    _calendar, again = event_of(ics_bytes(forum))
    assert str(again["uid"]) == str(event["uid"])
    assert event["dtstart"].params["TZID"] == settings.TIME_ZONE
    assert event.decoded("dtstart") == forum.start
    assert event.decoded("dtend") == forum.end
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == [settings.TIME_ZONE]
    alarms = event.walk("VALARM")
    assert len(alarms) == 1 and alarms[0].decoded("trigger") == -datetime.timedelta(hours=24)
    assert str(event["location"]) == "Salle des fêtes, 1 place du Capitole, Toulouse"
    assert str(event["url"]).endswith("/forums/forum-sante/")
    assert str(event["organizer"]) == "mailto:" + settings.DEFAULT_FROM_EMAIL
    assert event["organizer"].params["CN"] == "Fédération régionale Occitanie"
    assert str(event["status"]) == "CONFIRMED"
    # The joining link is for registrants only.
    assert b"secret-room" not in first
    assert "Un forum ouvert aux habitants." in str(event["description"])


@pytest.mark.django_db
def test_reminder_setting(forum, settings):
    settings.WAGTAIL_RESEAU_CALENDAR_REMINDER_HOURS = 2
    assert event_of(ics_bytes(forum))[1].walk("VALARM")[0].decoded("trigger") == -datetime.timedelta(hours=2)
    settings.WAGTAIL_RESEAU_CALENDAR_REMINDER_HOURS = 0
    assert event_of(ics_bytes(forum))[1].walk("VALARM") == []


@pytest.mark.django_db
def test_session_calendar_file(session, social_centre):
    session.page.provider = social_centre
    session.page.save()
    calendar, event = event_of(calendar_for(session).to_ical())
    assert str(event["uid"]) == event_uid(session) == f"session-{session.pk}@localhost"
    assert str(event["summary"]) == "Animer une réunion"
    assert str(event["location"]) == "Toulouse"
    assert str(event["organizer"]) == "mailto:accueil@izards.example.org"
    assert "Claire Dubreuil" in str(event["description"])
    assert event.walk("VALARM")
