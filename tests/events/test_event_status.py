"""A forum or a training session cancelled, postponed or moved online (events/status.py):
the notice on its page, its card and the agenda, ``STATUS`` in its calendar file (read
back with icalendar), ``eventStatus`` in its JSON-LD (read back with extruct), no more
registration once cancelled, and one e-mail to each registrant in their language."""

import extruct
import pytest
from django.core import mail
from icalendar import Calendar
from wagtail.models import Locale, Site

from wagtail_reseau import models as m
from wagtail_reseau.events.agenda import _item
from wagtail_reseau.events.calendars import ics_bytes
from wagtail_reseau.events.registrations import capacity
from wagtail_reseau.events.registrations.models import Registration
from wagtail_reseau.events.registrations.targets import EventTarget
from wagtail_reseau.events.status import EventStatus

from tests.conftest import in_days, publish
from tests.events.calendar_data import module_data

pytestmark = pytest.mark.django_db


def build():
    Locale.objects.get_or_create(language_code="fr")
    Locale.objects.get_or_create(language_code="en")
    home = Site.objects.get(is_default_site=True).root_page.specific
    forums = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    trainings = publish(home, m.TrainingIndexPage(title="Formations", slug="formations"))
    forum = publish(
        forums,
        m.ForumPage(title="Forum du quartier", slug="quartier", start=in_days(20), venue_name="Salle", capacity=10),
    )
    capsule = m.TrainingCapsulePage(title="Animer un conseil citoyen", slug="animer")
    trainings.add_child(instance=capsule)
    capsule.sessions.add(m.TrainingSession(start=in_days(10), place="Toulouse", capacity=5))
    capsule.save_revision().publish()
    for number, language in enumerate(("fr", "en")):
        capacity.register(
            EventTarget(forum),
            Registration(name=f"Personne {number}", email=f"p{number}@example.org", language=language),
            double_opt_in=False,
        )
    return {
        "forums": forums,
        "forum": forum,
        "capsule": m.TrainingCapsulePage.objects.get(pk=capsule.pk),
        "session": m.TrainingSession.objects.get(page=capsule),
    }


@pytest.fixture(scope="module")
def events(django_db_setup, django_db_blocker):
    with module_data(django_db_blocker, build) as data:
        yield data


def set_status(page, status, capture):
    page = page.specific_class.objects.get(pk=page.pk)
    page.event_status = status
    with capture(execute=True):
        page.save_revision().publish()
    return page


def ics_status(target):
    (event,) = Calendar.from_ical(ics_bytes(target)).walk("VEVENT")
    return str(event["status"])


def json_ld_nodes(client, page):
    html = client.get(page.url).content.decode()
    (document,) = extruct.extract(html, base_url=page.full_url, syntaxes=["json-ld"])["json-ld"]
    return html, {node["@type"]: node for node in document["@graph"]}


def test_a_scheduled_event_says_nothing_more(client, events):
    forum = events["forum"]
    assert forum.event_status == EventStatus.SCHEDULED and forum.status_label == ""
    assert ics_status(forum) == "CONFIRMED"
    html, nodes = json_ld_nodes(client, forum)
    assert nodes["Event"]["eventStatus"] == "https://schema.org/EventScheduled"
    assert "reseau-event-status" not in html


def test_a_cancelled_forum_says_so_everywhere_and_takes_no_registration(
    client, events, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    forum = set_status(events["forum"], EventStatus.CANCELLED, django_capture_on_commit_callbacks)

    html, nodes = json_ld_nodes(client, forum)
    assert "This event is cancelled." in html or "Cet événement est annulé." in html
    assert nodes["Event"]["eventStatus"] == "https://schema.org/EventCancelled"
    assert ics_status(forum) == "CANCELLED"
    assert 'class="reseau-registration-form"' not in html, "no form on a cancelled event"
    listing = client.get(events["forums"].url).content.decode()
    assert "reseau-event-status--cancelled" in listing and (
        "Event cancelled" in listing or "Événement annulé" in listing
    )
    item = _item(forum)
    assert item["event_status"] == "cancelled" and str(item["status_label"]) in ("Event cancelled", "Événement annulé")

    # A registration sent anyway (an old form) is refused.
    response = client.post(
        f"/registrations/{forum.pk}/", {"name": "Late", "email": "late@example.org", "consent": "on"}
    )
    assert response.status_code == 200
    assert not Registration.objects.filter(email="late@example.org").exists()

    # Each registrant was told once, in their language, with the cancelled calendar file.
    assert sorted(message.to[0] for message in mail.outbox) == ["p0@example.org", "p1@example.org"]
    english = next(message for message in mail.outbox if message.to == ["p1@example.org"])
    assert english.subject == "Event cancelled: Forum du quartier"
    (attachment,) = english.attachments
    content = attachment[1]
    assert "STATUS:CANCELLED" in (content.decode() if isinstance(content, bytes) else content)
    mail.outbox.clear()
    set_status(forum, EventStatus.CANCELLED, django_capture_on_commit_callbacks)  # published again
    assert mail.outbox == [], "told once, not at every publish"


def test_a_postponed_forum(client, events, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    forum = set_status(events["forum"], EventStatus.POSTPONED, django_capture_on_commit_callbacks)
    html, nodes = json_ld_nodes(client, forum)
    assert nodes["Event"]["eventStatus"] == "https://schema.org/EventPostponed"
    assert "postponed" in html or "reporté" in html
    assert ics_status(forum) == "TENTATIVE"
    assert len(mail.outbox) == 2
    assert {message.to[0] for message in mail.outbox} == {"p0@example.org", "p1@example.org"}
    assert any(message.subject == "Event postponed: Forum du quartier" for message in mail.outbox)
    assert 'class="reseau-registration-form"' in html, "a postponed event still takes registrations"


def test_moved_online_is_e_mailed(client, events, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    forum = set_status(events["forum"], EventStatus.MOVED_ONLINE, django_capture_on_commit_callbacks)
    _html, nodes = json_ld_nodes(client, forum)
    assert nodes["Event"]["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert ics_status(forum) == "CONFIRMED"
    assert sorted(message.to[0] for message in mail.outbox) == ["p0@example.org", "p1@example.org"]
    assert any(message.subject == "Event moved online: Forum du quartier" for message in mail.outbox)


def test_a_cancelled_training_session(client, events, django_capture_on_commit_callbacks):
    capsule = events["capsule"]
    session = events["session"]
    session.event_status = EventStatus.CANCELLED
    session.save()
    session = m.TrainingSession.objects.get(pk=session.pk)
    assert ics_status(session) == "CANCELLED"
    html, nodes = json_ld_nodes(client, capsule)
    (instance,) = nodes["Course"]["hasCourseInstance"]
    assert instance["eventStatus"] == "https://schema.org/EventCancelled"
    assert "reseau-event-status--cancelled" in html
    assert EventTarget(session).status() == "cancelled"
    assert 'class="reseau-registration-form"' not in html
    assert _item(session)["event_status"] == "cancelled"


def test_an_address_confirmed_after_the_cancellation_takes_no_place(client, events, django_capture_on_commit_callbacks):
    from wagtail_reseau.events.registrations import links
    from wagtail_reseau.events.registrations.models import RegistrationStatus as Status

    forum = set_status(events["forum"], EventStatus.CANCELLED, django_capture_on_commit_callbacks)
    pending = capacity.register(
        EventTarget(forum), Registration(name="Avant", email="avant@example.org", language="en"), double_opt_in=True
    )
    link = links.confirm_url(pending).split("://", 1)[1].split("/", 1)[1]
    page = client.get("/" + link).content.decode()
    assert "This event is cancelled: registration is closed." in page
    assert "Confirm my registration" not in page
    assert client.post("/" + link).status_code == 302
    assert Registration.objects.get(pk=pending.pk).status == Status.PENDING
