"""The visitor hears the decision on their answer or request, in the language
they used, once per decision (bulk action and admin edit alike)."""

from django.core import mail
from django.core.mail.backends import locmem
from django.urls import reverse

from wagtail_reseau.mentoring.agreements.models import MentoringSubmission, SubmissionKind, SubmissionStatus
from wagtail_reseau.mentoring.agreements.outcome import send_decision


def submission(data, language="fr", kind=SubmissionKind.ANSWER, **fields):
    values = {
        "kind": kind,
        "index": data["index"],
        "page": data["offer"] if kind == SubmissionKind.ANSWER else None,
        "organisation_name": "Maison de quartier du Mirail",
        "message": "Nous voulons monter un budget participatif.",
        "contact_name": "Inès Martin" if language == "fr" else "Jane Smith",
        "contact_email": "ines@example.org" if language == "fr" else "jane@example.org",
        "language_code": language,
    }
    values.update(fields)
    return MentoringSubmission.objects.create(**values)


def bulk(client, action, record):
    url = reverse("wagtail_bulk_action", args=("reseau_mentoring", "mentoringsubmission", action))
    return client.post(f"{url}?id={record.pk}")


def test_approved_answer_in_french_by_the_bulk_action_once(small_exchange, client, django_capture_on_commit_callbacks):
    entry = submission(small_exchange, "fr")
    client.force_login(small_exchange["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        assert bulk(client, "approve_mentoring", entry).status_code == 302
    told = [message for message in mail.outbox if message.to == ["ines@example.org"]]
    assert len(told) == 1
    message = told[0]
    assert message.extra_headers["Content-Language"] == "fr"
    assert "Bonjour Inès Martin," in message.body  # the visitor's language, not the admin's (English)
    assert "Offre budget participatif" in message.subject
    entry.refresh_from_db()
    assert entry.notified_status == SubmissionStatus.APPROVED
    # A second approval, a save: nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        bulk(client, "approve_mentoring", entry)
        entry.save()
        MentoringSubmission.objects.get(pk=entry.pk).save()
    assert len([message for message in mail.outbox if message.to == ["ines@example.org"]]) == 1


def test_rejected_request_in_english_from_the_edit_view_with_the_comment(
    small_exchange, client, django_capture_on_commit_callbacks
):
    entry = submission(small_exchange, "en", kind=SubmissionKind.REQUEST, title="Start a youth club")
    client.force_login(small_exchange["admin"])
    url = reverse("wagtailsnippets_reseau_mentoring_mentoringsubmission:edit", args=[entry.pk])
    form = client.get(url)
    assert form.status_code == 200 and "moderator_comment" in form.content.decode()
    data = {
        "status": "rejected",
        "moderator_comment": "Please tell us more about the young people you welcome.",
        "kind": "request",
        "page": "",
        "organisation": "",
        "organisation_name": "Maison de quartier du Mirail",
        "title": "Start a youth club",
        "message": "We need help.",
        "territory": "",
        "mentoring_format": "both",
        "availability": "",
        "contact_name": "Jane Smith",
        "contact_email": "jane@example.org",
        "contact_phone": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    told = [message for message in mail.outbox if message.to == ["jane@example.org"]]
    assert len(told) == 1
    message = told[0]
    assert message.extra_headers["Content-Language"] == "en"
    assert message.body.startswith("Hello Jane Smith,")
    assert "Start a youth club" in message.subject and "not accepted" in message.subject
    assert "Please tell us more about the young people you welcome." in message.body
    entry.refresh_from_db()
    assert entry.moderated_at is not None and entry.status == SubmissionStatus.REJECTED
    # Saved again with the same decision: no second mail.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)
    assert len([message for message in mail.outbox if message.to == ["jane@example.org"]]) == 1


def test_approved_request_in_french_says_what_comes_next(small_exchange, django_capture_on_commit_callbacks):
    from wagtail_reseau.core.privacy.moderation import set_status

    entry = submission(
        small_exchange,
        "fr",
        kind=SubmissionKind.REQUEST,
        title="Ouvrir un accueil jeunes",
        organisation=small_exchange["mentee"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        set_status(entry, SubmissionStatus.APPROVED)
    entry.refresh_from_db()
    assert entry.request_page is not None and not entry.request_page.live
    told = [message for message in mail.outbox if message.to == ["ines@example.org"]]
    assert len(told) == 1 and "Ouvrir un accueil jeunes" in told[0].subject
    assert told[0].extra_headers["Content-Language"] == "fr"
    assert "Bonjour Inès Martin," in told[0].body

    # An editor publishes the request's page: its author gets the link, once.
    page = entry.request_page
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    told = [message for message in mail.outbox if message.to == ["ines@example.org"]]
    assert len(told) == 2
    page.refresh_from_db()
    assert "Ouvrir un accueil jeunes" in told[1].subject and page.get_full_url() in told[1].body
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        MentoringSubmission.objects.get(pk=entry.pk).save()
    assert len([message for message in mail.outbox if message.to == ["ines@example.org"]]) == 2


class ConcurrentCallBackend(locmem.EmailBackend):
    """While the first call sends, a second call for the same decision runs (two
    saves committed at once)."""

    pk = None

    def send_messages(self, messages):
        pk, ConcurrentCallBackend.pk = ConcurrentCallBackend.pk, None
        if pk is not None:
            send_decision(pk)
        return super().send_messages(messages)


class FailingBackend(locmem.EmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("no mail server")


def test_two_calls_at_once_send_one_mail(small_exchange, settings):
    entry = submission(small_exchange, "fr")
    MentoringSubmission.objects.filter(pk=entry.pk).update(status=SubmissionStatus.APPROVED)
    settings.EMAIL_BACKEND = f"{__name__}.ConcurrentCallBackend"
    ConcurrentCallBackend.pk = entry.pk
    assert send_decision(entry.pk) == 1
    assert ConcurrentCallBackend.pk is None, "the second call ran"
    assert len([message for message in mail.outbox if message.to == ["ines@example.org"]]) == 1
    assert send_decision(entry.pk) == 0


def test_a_mail_server_that_fails_leaves_the_decision_to_tell(small_exchange, settings):
    entry = submission(small_exchange, "fr")
    MentoringSubmission.objects.filter(pk=entry.pk).update(status=SubmissionStatus.APPROVED)
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    assert send_decision(entry.pk) == 0
    entry.refresh_from_db()
    assert entry.notified_status == ""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_decision(entry.pk) == 1
    entry.refresh_from_db()
    assert entry.notified_status == SubmissionStatus.APPROVED
