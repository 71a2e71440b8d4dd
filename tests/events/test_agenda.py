"""The agenda page: upcoming forums and sessions by month, filtered with the
catalogue's parameters, with each event's calendar file and the matching feed."""

import pytest
from django.utils import timezone

from wagtail_reseau import models as m

from tests.conftest import publish
from tests.events.calendar_data import build_events, module_data

pytestmark = pytest.mark.django_db


def build():
    data = build_events()
    data["agenda"] = publish(data["home"], m.AgendaPage(title="Agenda", slug="agenda", intro="<p>Ce qui vient.</p>"))
    return data


@pytest.fixture(scope="module")
def events(django_db_setup, django_db_blocker):
    with module_data(django_db_blocker, build) as data:
        yield data


def get(client, events, querystring=""):
    response = client.get(events["agenda"].url + querystring)
    assert response.status_code == 200
    return response, response.content.decode()


def test_lists_upcoming_live_public_events_by_month(client, events):
    response, html = get(client, events)
    months = response.context["agenda_months"]
    listed = [item["event"] for _month, items in months for item in items]
    assert listed == [events["health"], events["session"], events["participation"]]
    first_days = {timezone.localtime(event.start).date().replace(day=1) for event in listed}
    assert [month for month, _items in months] == sorted(first_days)
    for absent in ("Forum passe", "Forum depublie", "Forum prive", "Forum brouillon"):
        assert absent not in html
    assert f'href="/calendars/forum-{events["health"].pk}.ics"' in html
    assert f'href="/calendars/session-{events["session"].pk}.ics"' in html
    assert 'href="webcal://testserver/calendars/feed.ics"' in html
    assert 'value="http://testserver/calendars/feed.ics"' in html
    assert "secret-room" not in html
    assert "Ce qui vient." in html
    assert "3 événements à venir" in html or "3 upcoming events" in html


def test_filtered_like_the_feed(client, events):
    response, html = get(client, events, "?domain=sante&type=forum")
    listed = [item["event"] for _month, items in response.context["agenda_months"] for item in items]
    assert listed == [events["health"]]
    assert 'href="webcal://testserver/calendars/feed.ics?domain=sante&amp;type=forum"' in html
    assert '<option value="sante" selected>' in html
    assert '<option value="prevention">– Prévention</option>' in html


def test_the_all_choice_of_the_form_is_no_filter(client, events):
    response, html = get(client, events, "?domain=sante&territory=&audience=&type=")
    assert response.context["agenda_problems"] == []
    assert 'role="alert"' not in html
    assert 'href="webcal://testserver/calendars/feed.ics?domain=sante"' in html
    assert response.context["agenda_count"] == 2
    assert client.get("/calendars/feed.ics?domain=&type=").status_code == 200


@pytest.mark.parametrize("querystring", ["?domain=nowhere", "?q=x&sort=title&page=9", "?domain=%00%FF", "?type=<b>"])
def test_bad_parameters_are_reported_not_fatal(client, events, querystring):
    response, html = get(client, events, querystring)
    assert response.context["agenda_problems"]
    assert 'role="alert"' in html
    # What could not be used is left out: every upcoming event is still listed.
    assert response.context["agenda_count"] == 3


def test_empty_agenda(client, events):
    _response, html = get(client, events, "?domain=participation&territory=haute-garonne")
    assert "reseau-empty" in html


def test_without_filters(client, events):
    page = events["agenda"]
    page.show_filters = False
    page.save_revision().publish()
    _response, html = get(client, events)
    assert "<select" not in html
    page.show_filters = True
    page.save_revision().publish()
