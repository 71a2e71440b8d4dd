"""50 people register for the last places at the same instant: never more confirmed
registrations than places, on SQLite (a file database, its write lock) and on
PostgreSQL (the event row's lock; this test runs there when DATABASE_URL selects it,
as in CI's PostgreSQL run)."""

import os
import sqlite3
import threading

import pytest
from django.db import connection, connections
from wagtail.models import Site

from wagtail_reseau import models as m
from wagtail_reseau.events.registrations import capacity
from wagtail_reseau.events.registrations.models import Registration
from wagtail_reseau.events.registrations.models import RegistrationStatus as Status
from wagtail_reseau.events.registrations.targets import EventTarget

from tests.conftest import in_days, publish

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PEOPLE = 50
PLACES = 7


@pytest.fixture(params=["django-defaults", "example-site"])
def database(request, tmp_path):
    """SQLite: the default connection pointed at a file copy of the test database
    (threads open their own connections to it), with Django's default options and
    with the example site's. PostgreSQL: the test database itself."""
    if connection.vendor == "postgresql":
        if request.param != "django-defaults":
            pytest.skip("one PostgreSQL run is enough")
        yield "postgresql"
        return
    if connection.vendor != "sqlite":
        pytest.skip(f"not written for {connection.vendor}")
    from example_site.settings.base import SQLITE_OPTIONS

    connection.ensure_connection()
    path = tmp_path / "db.sqlite3"
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    saved = connection.connection, connection.settings_dict["NAME"], connection.settings_dict["OPTIONS"]
    connection.connection = None
    connection.settings_dict["NAME"] = str(path)
    # Django's defaults, with a busy timeout long enough for 50 writers on a loaded machine.
    connection.settings_dict["OPTIONS"] = SQLITE_OPTIONS if request.param == "example-site" else {"timeout": 30}
    try:
        yield str(path)
    finally:
        connection.close()
        connection.connection, connection.settings_dict["NAME"], connection.settings_dict["OPTIONS"] = saved


def forum(slug, waiting_list):
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = m.ForumIndexPage.objects.first() or publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    return publish(
        index,
        m.ForumPage(
            title=slug, slug=slug, start=in_days(20), venue_name="Salle", capacity=PLACES, waiting_list=waiting_list
        ),
    )


def free_connections():
    """PostgreSQL: the connections the server can still open (the test needs one a
    thread); on a shared development server, fewer than PEOPLE may be left."""
    if connection.vendor != "postgresql":
        return PEOPLE
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('max_connections')::int"
            " - current_setting('superuser_reserved_connections')::int - count(*) FROM pg_stat_activity"
        )
        return cursor.fetchone()[0] - 5


def register_at_once(page):
    """PEOPLE threads, released together, each registering a different address."""
    people = min(PEOPLE, free_connections())
    if people < PEOPLE:
        if os.environ.get("CI"):
            pytest.fail(f"only {people} PostgreSQL connections free for {PEOPLE} threads")
        pytest.skip(f"only {people} PostgreSQL connections free for {PEOPLE} threads (a shared server)")
    start = threading.Barrier(PEOPLE)
    outcomes, errors = [], []

    def run(number):
        try:
            target = EventTarget(m.ForumPage.objects.get(pk=page.pk))
            registration = Registration(name=f"Personne {number}", email=f"p{number}@example.org", language="fr")
            start.wait(30)
            try:
                capacity.register(target, registration, double_opt_in=False)
                outcomes.append(registration.status)
            except capacity.RegistrationRefused as refusal:
                outcomes.append(refusal.code)
        except Exception as error:  # reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(number,)) for number in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    return outcomes


def test_fifty_at_once_never_overbook(database):
    with_list = forum("avec-liste", waiting_list=True)
    without_list = forum("sans-liste", waiting_list=False)

    outcomes = register_at_once(with_list)
    assert outcomes.count(Status.CONFIRMED) == PLACES
    assert outcomes.count(Status.WAITING) == PEOPLE - PLACES
    event = Registration.objects.filter(event__forum=with_list).first().event
    assert Registration.objects.filter(event=event, status=Status.CONFIRMED).count() == PLACES
    assert capacity.places_left(event) == 0

    outcomes = register_at_once(without_list)
    assert outcomes.count(Status.CONFIRMED) == PLACES
    assert outcomes.count("full") == PEOPLE - PLACES
    assert Registration.objects.filter(event__forum=without_list, status=Status.CONFIRMED).count() == PLACES

    # Cancellations, at once too: each freed place goes to exactly one person waiting.
    confirmed = list(Registration.objects.filter(event=event, status=Status.CONFIRMED)[:3])
    errors = []

    def cancel(registration):
        try:
            capacity.cancel(registration)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=cancel, args=(r,)) for r in confirmed]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert Registration.objects.filter(event=event, status=Status.CONFIRMED).count() == PLACES
    assert Registration.objects.filter(event=event, status=Status.WAITING).count() == PEOPLE - PLACES - 3
