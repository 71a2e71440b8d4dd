"""Calendar files of forums and sessions (``events/calendars.py``) and their
addresses (one file per event, the feed), read back with ``icalendar``."""

import datetime

import pytest
from icalendar import Calendar

from wagtail_reseau.events.calendars import calendar_for, event_uid, ics_bytes

from tests.events.calendar_data import build_events, module_data

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def events(django_db_setup, django_db_blocker):
    with module_data(django_db_blocker, build_events) as data:
        yield data


def event_of(data):
    calendar = Calendar.from_ical(data)
    found = calendar.walk("VEVENT")
    assert len(found) == 1
    return calendar, found[0]


def test_forum_calendar_file(events, settings):
    forum = events["health"]
    first = ics_bytes(forum)
    calendar, event = event_of(first)
    assert str(event["uid"]) == f"forum-{forum.pk}@localhost"
    # Stable: a second file (another DTSTAMP) has the same UID.
    assert str(event_of(ics_bytes(forum))[1]["uid"]) == str(event["uid"])
    assert event["dtstart"].params["TZID"] == settings.TIME_ZONE
    assert event.decoded("dtstart") == forum.start
    assert event.decoded("dtend") == forum.end
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == [settings.TIME_ZONE]
    alarms = event.walk("VALARM")
    assert len(alarms) == 1 and alarms[0].decoded("trigger") == -datetime.timedelta(hours=24)
    assert str(event["location"]) == "Salle des fêtes, 1 place du Capitole, Toulouse"
    assert str(event["url"]).endswith("/forums/sante/")
    assert str(event["organizer"]) == "mailto:contact@federation.example.org"
    assert event["organizer"].params["CN"] == "Fédération régionale Occitanie"
    assert str(event["status"]) == "CONFIRMED"
    assert "Un forum ouvert aux habitants." in str(event["description"])
    # The joining link is for registrants only.
    assert b"secret-room" not in first
    assert b"visio.example.org" not in first


def test_reminder_setting(events, settings):
    forum = events["participation"]
    settings.WAGTAIL_RESEAU_CALENDAR_REMINDER_HOURS = 2
    assert event_of(ics_bytes(forum))[1].walk("VALARM")[0].decoded("trigger") == -datetime.timedelta(hours=2)
    settings.WAGTAIL_RESEAU_CALENDAR_REMINDER_HOURS = 0
    assert event_of(ics_bytes(forum))[1].walk("VALARM") == []


def test_organiser_falls_back_to_the_site_address(events, settings):
    settings.DEFAULT_FROM_EMAIL = "agenda@reseau.example.org"
    _calendar, event = event_of(ics_bytes(events["participation"]))
    assert str(event["organizer"]) == "mailto:agenda@reseau.example.org"
    settings.WAGTAIL_RESEAU_CALENDAR_ORGANISER_EMAIL = "forums@reseau.example.org"
    _calendar, event = event_of(ics_bytes(events["participation"]))
    assert str(event["organizer"]) == "mailto:forums@reseau.example.org"


def test_session_calendar_file(events):
    session = events["session"]
    _calendar, event = event_of(calendar_for(session).to_ical())
    assert str(event["uid"]) == event_uid(session) == f"session-{session.pk}@localhost"
    assert str(event["summary"]) == "Animer une réunion"
    assert str(event["location"]) == "Albi"
    assert str(event["organizer"]) == "mailto:contact@federation.example.org"
    assert "Claire Dubreuil" in str(event["description"])
    assert event.walk("VALARM")
    assert event.decoded("dtend") == session.end


# -- The addresses: one file per event, the feed ------------------------------------


def uids(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return {str(event["uid"]).split("@")[0] for event in Calendar.from_ical(response.content).walk("VEVENT")}


def test_one_file_per_event(client, events):
    response = client.get(f"/calendars/forum-{events['health'].pk}.ics")
    assert uids(response) == {f"forum-{events['health'].pk}"}
    assert response["Content-Disposition"] == 'attachment; filename="sante.ics"'
    assert uids(client.get(f"/calendars/session-{events['session'].pk}.ics")) == {f"session-{events['session'].pk}"}
    for page in ("draft", "private", "unpublished"):
        assert client.get(f"/calendars/forum-{events[page].pk}.ics").status_code == 404
    assert client.get("/calendars/forum-999999.ics").status_code == 404
    assert client.get("/calendars/session-999999.ics").status_code == 404
    # An id beyond what a database stores is no event either (SQLite raised OverflowError).
    for number in ("9223372036854775808", "99999999999999999999", "0"):
        assert client.get(f"/calendars/forum-{number}.ics").status_code == 404
        assert client.get(f"/calendars/session-{number}.ics").status_code == 404
    assert client.post(f"/calendars/forum-{events['health'].pk}.ics").status_code == 405


def test_feed_lists_upcoming_live_public_events(client, events):
    calendar = Calendar.from_ical(client.get("/calendars/feed.ics").content)
    assert {str(event["uid"]).split("@")[0] for event in calendar.walk("VEVENT")} == {
        f"forum-{events['health'].pk}",
        f"forum-{events['participation'].pk}",
        f"session-{events['session'].pk}",
    }
    assert len(calendar.walk("VTIMEZONE")) == 1
    assert str(calendar["x-wr-calname"]).endswith(("prochains forums et formations", "upcoming forums and trainings"))
    assert b"secret-room" not in client.get("/calendars/feed.ics").content


def test_feed_filtered_with_the_catalogue_parameters(client, events):
    health, participation, session = events["health"], events["participation"], events["session"]
    # A domain includes its descendants (the capsule is on "Santé", the forum on "Prévention").
    assert uids(client.get("/calendars/feed.ics?domain=sante")) == {f"forum-{health.pk}", f"session-{session.pk}"}
    assert uids(client.get("/calendars/feed.ics?domain=prevention")) == {f"forum-{health.pk}"}
    assert uids(client.get("/calendars/feed.ics?territory=occitanie")) == {
        f"forum-{health.pk}",
        f"forum-{participation.pk}",
    }
    assert uids(client.get("/calendars/feed.ics?domain=sante&territory=haute-garonne")) == {f"forum-{health.pk}"}
    assert uids(client.get("/calendars/feed.ics?domain=sante&domain=participation&type=forum")) == {
        f"forum-{health.pk}",
        f"forum-{participation.pk}",
    }
    assert uids(client.get("/calendars/feed.ics?type=training")) == {f"session-{session.pk}"}


@pytest.mark.parametrize(
    "querystring",
    [
        "domain=nowhere",
        "domain=%3Cscript%3E",
        "type=practice",
        "colour=blue",
        "q=sant%C3%A9",
        "sort=title",
        "page=2",
        "domain=" + "a" * 500,
        "territory=%00",
        "tag=x",
        "%FF=%FE",
        "&".join(f"p{i}=1" for i in range(150)),
    ],
)
def test_feed_bad_query_string_is_a_400_with_a_message(client, events, querystring):
    response = client.get("/calendars/feed.ics?" + querystring)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().startswith(("This calendar address", "Cette adresse"))


def test_feed_message_in_the_visitors_language(client, events):
    response = client.get("/en/calendars/feed.ics?domain=nowhere")
    assert response.status_code == 400
    assert response["Content-Language"] == "en"
    assert "Unknown value for this filter." in response.content.decode()


def test_event_pages_link_their_calendar_files(client, events):
    html = client.get(events["health"].url).content.decode()
    assert f'href="/calendars/forum-{events["health"].pk}.ics"' in html
    html = client.get(events["capsule"].url).content.decode()
    assert f'href="/calendars/session-{events["session"].pk}.ics"' in html
    assert f'href="/calendars/session-{events["past_session"].pk}.ics"' not in html
    assert f"/calendars/forum-{events['past'].pk}.ics" not in client.get(events["past"].url).content.decode()
