"""E-mails in the registrant's language, reminders sent once, the JSON endpoint,
the registrant's data download and the retention purge."""

import datetime
import io
import json

from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from wagtail_reseau.events.registrations.models import Registration, RegistrationEvent
from wagtail_reseau.events.registrations.models import RegistrationStatus as Status

from tests.events.registrations.helpers import link_in, register

NO_OPT_IN = override_settings(WAGTAIL_RESEAU_REGISTRATION_DOUBLE_OPT_IN=False)


@NO_OPT_IN
def test_e_mails_speak_the_registrants_language(client, data, django_capture_on_commit_callbacks):
    register(client, data["small"], django_capture_on_commit_callbacks)
    french = mail.outbox[-1]
    assert french.subject.startswith("Inscription confirmée") or "Registration confirmed" in french.subject
    registration = Registration.objects.get()
    registration.language = "en"
    registration.save()
    from wagtail_reseau.events.registrations import emails

    with django_capture_on_commit_callbacks(execute=True):
        emails.queue(registration, "reminder")
    english = mail.outbox[-1]
    assert english.subject.startswith("Reminder:")
    assert "/en/registrations/r/" in english.body, "the private link in English"


@NO_OPT_IN
def test_the_confirmation_carries_the_calendar_file(client, data, django_capture_on_commit_callbacks):
    register(client, data["small"], django_capture_on_commit_callbacks)
    attachments = mail.outbox[-1].attachments
    try:
        from wagtail_reseau.events.calendars import ics_bytes  # noqa: F401
    except ImportError:
        assert attachments == []
        return
    assert attachments and attachments[0][0].endswith(".ics")
    import icalendar

    calendar = icalendar.Calendar.from_ical(attachments[0][1])
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == [data["small"].title]


@NO_OPT_IN
def test_the_reminder_command_sends_one_e_mail_however_often_it_runs(client, data, django_capture_on_commit_callbacks):
    register(client, data["small"], django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("reseau_send_reminders", "--days", "30", stdout=io.StringIO())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("reseau_send_reminders", "--days", "30", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["awa@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        call_command("reseau_send_reminders", "--days", "1", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_the_json_endpoint_describes_and_takes_the_form(client, data, django_capture_on_commit_callbacks):
    url = f"/registrations/{data['small'].pk}/json/"
    described = client.get(url).json()
    assert described["events"][0]["places_left"] == 2
    names = [field["name"] for field in described["fields"]]
    assert {"name", "email", "organisation", "accessibility_needs", "consent"} <= set(names)
    assert "secret-room" not in json.dumps(described)

    response = client.post(url, json.dumps({"name": "Awa", "email": "bad"}), content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()["errors"]) >= {"email", "consent"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            json.dumps({"name": "Awa", "email": "awa@example.org", "consent": True}),
            content_type="application/json",
        )
    assert response.status_code == 201
    assert response.json()["status"] == Status.PENDING
    assert client.post(url, "[1, 2", content_type="application/json").status_code == 400
    assert client.post(url, "[1, 2]", content_type="application/json").status_code == 400


@NO_OPT_IN
def test_the_registrant_downloads_their_data(client, data, django_capture_on_commit_callbacks):
    register(client, data["small"], django_capture_on_commit_callbacks, accessibility_needs=["step_free"])
    private = link_in(mail.outbox[-1], "r")
    downloaded = client.get(private + "data.json")
    assert downloaded.status_code == 200
    content = json.loads(downloaded.content)
    assert content["email"] == "awa@example.org"
    assert content["accessibility_needs"] == ["step_free"]
    assert content["consent"]["text"]


@NO_OPT_IN
def test_the_purge_erases_registrations_a_year_after_the_event(client, data, django_capture_on_commit_callbacks):
    register(client, data["small"], django_capture_on_commit_callbacks)
    registration = Registration.objects.get()
    call_command("reseau_purge_personal_data", stdout=io.StringIO())
    registration.refresh_from_db()
    assert registration.name == "Awa Diallo", "the event has not even taken place"

    RegistrationEvent.objects.filter(pk=registration.event_id).update(
        starts_at=timezone.now() - datetime.timedelta(days=400), ends_at=timezone.now() - datetime.timedelta(days=400)
    )
    call_command("reseau_purge_personal_data", stdout=io.StringIO())
    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.answers) == ("", "", {})
    assert registration.status == Status.CONFIRMED, "the anonymous count stays"
    assert not registration.emails.exists()


@NO_OPT_IN
def test_no_cancellation_once_the_event_has_begun(client, data, django_capture_on_commit_callbacks):
    register(client, data["small"], django_capture_on_commit_callbacks)
    private = link_in(mail.outbox[-1], "r")
    registration = Registration.objects.get()
    RegistrationEvent.objects.filter(pk=registration.event_id).update(
        starts_at=timezone.now() - datetime.timedelta(hours=1)
    )
    assert "cancel/" not in client.get(private).content.decode(), "no cancel button"
    client.post(private + "cancel/")
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
