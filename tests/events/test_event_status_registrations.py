"""What registrants of a cancelled, postponed, restored or moved-online event get:
no reminder and nobody promoted while it is cancelled or postponed; one e-mail when it
is back on or moved online; calendar files whose SEQUENCE grows with each announced
change (read back with icalendar)."""

import pytest
from django.core import mail
from django.utils import formats, timezone, translation
from icalendar import Calendar
from wagtail.models import Locale, Site

from wagtail_reseau import models as m
from wagtail_reseau.events.registrations import capacity
from wagtail_reseau.events.registrations.models import Registration
from wagtail_reseau.events.registrations.models import RegistrationStatus as Status
from wagtail_reseau.events.registrations.reminders import send_reminders
from wagtail_reseau.events.registrations.targets import EventTarget
from wagtail_reseau.events.status import EventStatus

from tests.conftest import in_days, publish
from tests.events.calendar_data import module_data

pytestmark = pytest.mark.django_db

SECRET = "https://visio.example.org/secret-room"


def build():
    Locale.objects.get_or_create(language_code="fr")
    Locale.objects.get_or_create(language_code="en")
    home = Site.objects.get(is_default_site=True).root_page.specific
    forums = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    forum = publish(
        forums,
        m.ForumPage(
            title="Forum des voisins",
            slug="voisins",
            start=in_days(1),
            venue_name="Salle",
            capacity=1,
            online_url=SECRET,
        ),
    )
    for name, language in (("first", "en"), ("second", "en"), ("troisieme", "fr")):
        capacity.register(
            EventTarget(forum),
            Registration(name=name, email=f"{name}@example.org", language=language),
            double_opt_in=False,
        )
    return {"forum": forum}


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


def registration(email):
    return Registration.objects.get(email=email)


def test_the_fixture(events):
    assert registration("first@example.org").status == Status.CONFIRMED
    assert registration("second@example.org").status == Status.WAITING


@pytest.mark.parametrize("status", [EventStatus.CANCELLED, EventStatus.POSTPONED])
def test_no_reminder_for_a_cancelled_or_postponed_event(events, status, django_capture_on_commit_callbacks):
    set_status(events["forum"], status, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders(days=3) == 0
    assert mail.outbox == []
    assert registration("first@example.org").reminder_sent_at is None


def test_a_scheduled_event_is_reminded(events, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders(days=3) == 1
    assert [message.to for message in mail.outbox] == [["first@example.org"]]


@pytest.mark.parametrize("status", [EventStatus.CANCELLED, EventStatus.POSTPONED])
def test_nobody_is_promoted_to_a_cancelled_or_postponed_event(events, status, django_capture_on_commit_callbacks):
    forum = set_status(events["forum"], status, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _cancelled, promoted = capacity.cancel(registration("first@example.org"))
        assert capacity.refresh_event(EventTarget(forum)) == []
    assert promoted == []
    assert registration("second@example.org").status == Status.WAITING
    assert [message.subject for message in mail.outbox] == ["Registration cancelled: Forum des voisins"]
    if status == EventStatus.POSTPONED:
        # A postponed event takes registrations, but the freed place stays for those waiting.
        late = capacity.register(
            EventTarget(forum), Registration(name="late", email="late@example.org", language="en"), False
        )
        assert late.status == Status.WAITING
        # Scheduled again: the place freed meanwhile goes to the first person waiting.
        set_status(forum, EventStatus.SCHEDULED, django_capture_on_commit_callbacks)
        assert registration("second@example.org").status == Status.CONFIRMED


def calendar_event(message):
    (attachment,) = message.attachments
    (event,) = Calendar.from_ical(attachment[1]).walk("VEVENT")
    return event


def test_an_event_cancelled_then_back_on_is_announced_once(events, django_capture_on_commit_callbacks):
    forum = set_status(events["forum"], EventStatus.CANCELLED, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    set_status(forum, EventStatus.SCHEDULED, django_capture_on_commit_callbacks)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "first@example.org",
        "second@example.org",
        "troisieme@example.org",
    ]
    english = next(message for message in mail.outbox if message.to == ["first@example.org"])
    assert english.subject == "Event back on: Forum des voisins"
    assert "which was cancelled, takes place after all" in english.body
    assert str(calendar_event(english)["status"]) == "CONFIRMED"
    french = next(message for message in mail.outbox if message.to == ["troisieme@example.org"])
    assert french.body.startswith("Bonjour troisieme,"), "in the registrant's language"
    mail.outbox.clear()
    set_status(forum, EventStatus.SCHEDULED, django_capture_on_commit_callbacks)
    assert mail.outbox == [], "told once"


def test_a_postponed_event_back_on_shows_its_new_date(events, django_capture_on_commit_callbacks):
    forum = set_status(events["forum"], EventStatus.POSTPONED, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    forum.start = in_days(30)
    forum = set_status(forum, EventStatus.SCHEDULED, django_capture_on_commit_callbacks)
    english = next(message for message in mail.outbox if message.to == ["first@example.org"])
    assert len([m for m in mail.outbox if m.to == ["first@example.org"]]) == 1, "one e-mail says it all"
    assert english.subject == "Event back on: Forum des voisins"
    with translation.override("en"):
        new_date = formats.date_format(timezone.localtime(forum.start), "DATETIME_FORMAT")
    assert new_date in english.body


def test_moved_online_is_announced_once_without_the_link_in_the_calendar_file(
    events, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    forum = set_status(events["forum"], EventStatus.MOVED_ONLINE, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        assert message.to[0] == "troisieme@example.org" or message.subject == "Event moved online: Forum des voisins"
        assert SECRET not in str(message.attachments[0][1]), "never in the calendar file"
        assert "Forum des voisins" in str(message.attachments[0][1])
        assert SECRET not in message.body, "on the private page only"
        assert "/registrations/r/" in message.body
    mail.outbox.clear()
    set_status(forum, EventStatus.MOVED_ONLINE, django_capture_on_commit_callbacks)
    assert mail.outbox == [], "told once"


def test_after_moving_online_the_e_mails_say_online_not_the_old_venue(events, django_capture_on_commit_callbacks):
    from wagtail_reseau.events.registrations import emails

    set_status(events["forum"], EventStatus.MOVED_ONLINE, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    for email in ("first@example.org", "troisieme@example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            emails.queue(registration(email), "confirmed")
    english, french = mail.outbox
    assert "Where: Online" in english.body and "Salle" not in english.body
    assert "En ligne" in french.body and "Salle" not in french.body


def test_cancelled_then_moved_online(events, django_capture_on_commit_callbacks):
    forum = set_status(events["forum"], EventStatus.CANCELLED, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    set_status(forum, EventStatus.MOVED_ONLINE, django_capture_on_commit_callbacks)
    english = next(message for message in mail.outbox if message.to == ["first@example.org"])
    assert "takes place after all, online" in english.body


def test_the_calendar_files_sequence_grows_with_each_announced_change(events, django_capture_on_commit_callbacks):
    forum = events["forum"]
    mail.outbox.clear()
    forum = set_status(forum, EventStatus.CANCELLED, django_capture_on_commit_callbacks)
    cancelled = next(message for message in mail.outbox if message.to == ["first@example.org"])
    vevent = calendar_event(cancelled)
    assert str(vevent["status"]) == "CANCELLED" and int(vevent["sequence"]) == 1
    assert "marks it as cancelled in your calendar" in cancelled.body
    mail.outbox.clear()
    forum = set_status(forum, EventStatus.SCHEDULED, django_capture_on_commit_callbacks)
    back_on = next(message for message in mail.outbox if message.to == ["first@example.org"])
    assert int(calendar_event(back_on)["sequence"]) == 2
    assert str(calendar_event(back_on)["status"]) == "CONFIRMED"
    assert calendar_event(back_on)["uid"] == vevent["uid"], "the same event, replaced"
    mail.outbox.clear()
    forum.start = in_days(3)
    with django_capture_on_commit_callbacks(execute=True):
        forum.save_revision().publish()  # a new date: the "changed" e-mail
    changed = next(message for message in mail.outbox if message.to == ["first@example.org"])
    assert changed.subject.startswith("Change of date or place")
    assert int(calendar_event(changed)["sequence"]) == 3
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        forum.save_revision().publish()  # nothing announced: the same version
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        send_reminders(days=5)
    (reminder,) = mail.outbox
    assert int(calendar_event(reminder)["sequence"]) == 3
