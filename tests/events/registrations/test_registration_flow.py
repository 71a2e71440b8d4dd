"""A visitor registers on a forum's page, confirms their address, sees their
private page, cancels; the waiting list moves up; bad input never breaks."""

from django.core import mail
from django.test import override_settings

from wagtail_reseau.events.forums import ForumPage
from wagtail_reseau.events.registrations import capacity
from wagtail_reseau.events.registrations.models import OutgoingEmail, Registration, RegistrationEvent
from wagtail_reseau.events.registrations.models import RegistrationStatus as Status

from tests.events.registrations.helpers import link_in, register

NO_OPT_IN = override_settings(WAGTAIL_RESEAU_REGISTRATION_DOUBLE_OPT_IN=False)


def test_the_forum_page_has_the_form_and_the_places_left_never_the_online_link(client, data):
    html = client.get(data["small"].url).content.decode()
    # Sent back with errors, the page opens at the registration panel (its error summary).
    assert f'action="/registrations/{data["small"].pk}/#registration"' in html
    assert "2 places restantes" in html or "2 places left" in html
    assert "secret-room" not in html
    assert "Interprétation en langue des signes" in html or "Sign language interpretation" in html
    assert "Votre repas ?" in html
    assert 'name="accessibility_needs" value="step_free"' in html, "each service offered is a checkbox"


def test_double_opt_in_counts_the_registration_once_the_address_is_confirmed(
    client, data, django_capture_on_commit_callbacks
):
    response = register(client, data["small"], django_capture_on_commit_callbacks, **{"website": ""})
    assert response.status_code == 302
    assert response["Location"].endswith("?registration=pending#registration")
    registration = Registration.objects.get(email="awa@example.org")
    assert registration.status == Status.PENDING
    assert registration.consent_text and registration.consent_version == 0
    assert len(mail.outbox) == 1
    assert capacity.places_left(registration.event) == 2

    # Opening the link (a mail scanner, a link preview does) changes nothing: a page with a button.
    confirm_link = link_in(mail.outbox[0], "confirm")
    with django_capture_on_commit_callbacks(execute=True):
        page = client.get(confirm_link)
        assert client.head(confirm_link).status_code == 200
    assert page.status_code == 200
    html = page.content.decode()
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html
    assert 'type="submit"' in html
    assert "Confirmer mon inscription" in html or "Confirm my registration" in html
    registration.refresh_from_db()
    assert registration.status == Status.PENDING, "GET never confirms"
    assert len(mail.outbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm_link)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert capacity.places_left(registration.event) == 1
    assert len(mail.outbox) == 2

    # Pressed twice (a double click, the page reloaded): nothing more happens.
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(confirm_link)
    assert again.status_code == 302 and again["Location"] == response["Location"]
    assert capacity.places_left(registration.event) == 1
    assert len(mail.outbox) == 2, "no second e-mail"
    followup = client.get(confirm_link).content.decode()
    assert "no longer needs" in followup or "plus besoin" in followup
    confirmation = mail.outbox[1]
    assert "confirm" in confirmation.subject.lower()
    assert "secret-room" in confirmation.body, "the joining link is in the e-mail"

    private = client.get(response["Location"])
    assert private.status_code == 200
    assert "secret-room" in private.content.decode(), "and on the private page"
    assert 'name="robots" content="noindex"' in private.content.decode()


@NO_OPT_IN
def test_a_full_event_has_a_waiting_list_and_a_cancellation_promotes_the_first_waiting(
    client, data, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    for number in range(3):
        register(client, data["small"], capture, email=f"p{number}@example.org", address=f"10.0.1.{number}")
    statuses = list(Registration.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITING]
    first = Registration.objects.order_by("pk").first()
    private_link = link_in(mail.outbox[0], "r")
    mail.outbox.clear()

    with capture(execute=True):
        opened = client.get(private_link + "cancel/")
    assert opened.status_code == 302 and opened["Location"].endswith("#cancel"), "GET shows the cancel button"
    first.refresh_from_db()
    assert first.status == Status.CONFIRMED and not mail.outbox, "GET never cancels"

    with capture(execute=True):
        response = client.post(private_link + "cancel/")
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == Status.CANCELLED
    waiting = Registration.objects.get(email="p2@example.org")
    assert waiting.status == Status.CONFIRMED
    assert sorted(message.to[0] for message in mail.outbox) == ["p0@example.org", "p2@example.org"]
    promoted = next(message for message in mail.outbox if message.to == ["p2@example.org"])
    assert "place" in promoted.subject.lower()


@NO_OPT_IN
def test_without_a_waiting_list_a_full_event_refuses_and_keeps_what_was_typed(
    client, data, django_capture_on_commit_callbacks
):
    register(client, data["no_waiting"], django_capture_on_commit_callbacks, email="first@example.org")
    response = register(
        client, data["no_waiting"], django_capture_on_commit_callbacks, email="second@example.org", address="10.0.0.9"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "liste d’attente" in html or "no waiting list" in html
    assert 'value="second@example.org"' in html, "nothing typed is lost"
    assert Registration.objects.filter(event__key=f"forum-{data['no_waiting'].pk}").count() == 1


def test_bad_input_keeps_what_was_typed_and_says_what_is_wrong(client, data, django_capture_on_commit_callbacks):
    response = register(
        client, data["small"], django_capture_on_commit_callbacks, email="not an address", organisation_name="Mon asso"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'value="Awa Diallo"' in html and 'value="Mon asso"' in html
    assert 'aria-describedby="id_email-help id_email-errors"' in html
    assert not Registration.objects.exists()


def test_one_registration_per_address_and_event(client, data, django_capture_on_commit_callbacks):
    register(client, data["small"], django_capture_on_commit_callbacks)
    response = register(client, data["small"], django_capture_on_commit_callbacks, email="AWA@example.org ")
    assert response.status_code == 200
    assert "already registered" in response.content.decode() or "déjà inscrite" in response.content.decode()
    assert Registration.objects.count() == 1


def test_honeypot_and_rate_limit(client, data, django_capture_on_commit_callbacks):
    response = register(client, data["small"], django_capture_on_commit_callbacks, website="http://spam")
    assert response.status_code == 200 and not Registration.objects.exists()
    with override_settings(WAGTAIL_RESEAU_FORM_RATE_LIMIT=2):
        for number in range(2):
            register(client, data["small"], django_capture_on_commit_callbacks, email=f"r{number}@example.org")
        response = register(client, data["small"], django_capture_on_commit_callbacks, email="r9@example.org")
    assert response.status_code == 429


def test_csrf_is_required(data):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(f"/registrations/{data['small'].pk}/", {"name": "x"})
    assert response.status_code == 403


def test_registration_opens_at_its_date_and_not_on_pages_without_registration(client, data):
    html = client.get(data["later"].url).content.decode()
    assert "registration-form" not in html
    assert "pas encore ouvertes" in html or "not open yet" in html
    response = client.post(f"/registrations/{data['open_door'].pk}/", {"name": "x"})
    assert response.status_code == 200
    assert not Registration.objects.exists()
    assert client.post("/registrations/999999/", {}).status_code == 404


@NO_OPT_IN
def test_a_session_of_a_capsule_is_chosen_in_the_form(client, data, django_capture_on_commit_callbacks):
    session = data["session"]
    html = client.get(data["capsule"].url).content.decode()
    assert f'value="{session.pk}"' in html
    form = html.split('class="reseau-registration-form"')[1].split("</form>")[0]
    assert "Toulouse" in form and "Albi" not in form, "a past session is not offered"
    register(client, data["capsule"], django_capture_on_commit_callbacks, session=str(session.pk))
    assert Registration.objects.get().event.key == f"session-{session.pk}"
    register(
        client, data["capsule"], django_capture_on_commit_callbacks, session=str(session.pk), email="b@example.org"
    )
    assert Registration.objects.get(email="b@example.org").status == Status.WAITING


@NO_OPT_IN
def test_raising_the_capacity_moves_the_waiting_list_up(client, data, django_capture_on_commit_callbacks):
    page = ForumPage.objects.get(pk=data["small"].pk)
    for number in range(3):
        register(client, page, django_capture_on_commit_callbacks, email=f"c{number}@example.org")
    mail.outbox.clear()
    page.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert Registration.objects.get(email="c2@example.org").status == Status.CONFIRMED
    assert [message.to for message in mail.outbox] == [["c2@example.org"]]


@NO_OPT_IN
def test_a_new_date_or_place_is_e_mailed_to_registrants(client, data, django_capture_on_commit_callbacks):
    page = ForumPage.objects.get(pk=data["small"].pk)
    register(client, page, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    page.venue_name = "Maison des associations"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert len(mail.outbox) == 1
    assert "Maison des associations" in mail.outbox[0].body and "Salle des fêtes" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert len(mail.outbox) == 1, "no change, no e-mail"


@NO_OPT_IN
def test_a_failed_e_mail_is_kept_and_retried_and_the_registration_stands(
    client, data, django_capture_on_commit_callbacks
):
    with override_settings(EMAIL_BACKEND="tests.events.registrations.failing_backend.FailingBackend"):
        response = register(client, data["small"], django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert Registration.objects.get().status == Status.CONFIRMED
    pending = OutgoingEmail.objects.get()
    assert pending.sent_at is None and pending.attempts == 1 and "refused" in pending.last_error
    from django.core.management import call_command

    call_command("reseau_send_pending_emails", stdout=__import__("io").StringIO())
    pending.refresh_from_db()
    assert pending.sent_at is not None
    assert len(mail.outbox) == 1


def test_a_forged_or_expired_link_is_a_404_page(client, data):
    assert client.get("/registrations/r/nonsense/").status_code == 404
    assert client.get("/registrations/confirm/nonsense/").status_code == 404
    assert client.post("/registrations/confirm/nonsense/").status_code == 404
    assert client.get("/registrations/r/nonsense/cancel/").status_code == 404
    assert client.post("/registrations/r/nonsense/cancel/").status_code == 404
    assert client.get("/registrations/r/nonsense/data.json").status_code == 404


def test_the_event_row_is_one_per_forum(data):
    from wagtail_reseau.events.registrations.targets import EventTarget

    capacity.event_for(EventTarget(data["small"]))
    capacity.event_for(EventTarget(data["small"]))
    assert RegistrationEvent.objects.filter(key=f"forum-{data['small'].pk}").count() == 1
