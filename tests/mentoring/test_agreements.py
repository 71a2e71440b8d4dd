"""Agreements: the lifecycle (out of order refused), closing reports through
private links, milestone reminders (idempotent), the federation report."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from wagtail_reseau.mentoring.agreements.models import Agreement, AgreementStatus, TransitionNotAllowed
from wagtail_reseau.mentoring.agreements.views import report_token


@pytest.fixture
def agreement(exchange):
    return Agreement.objects.create(
        offer=exchange["near"],
        request=exchange["request"],
        objectives="Lancer un budget participatif.",
        mentor_name="Paul",
        mentor_email="paul@example.org",
        mentee_name="Inès",
        mentee_email="ines@example.org",
    )


def test_lifecycle_in_order(agreement):
    agreement.move_to(AgreementStatus.ACCEPTED)
    assert agreement.accepted_on == timezone.localdate()
    agreement.move_to(AgreementStatus.UNDER_WAY)
    assert agreement.started_on is not None
    agreement.move_to(AgreementStatus.COMPLETED)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.COMPLETED and agreement.ended_on is not None


def test_transitions_out_of_order_refused(agreement):
    with translation.override("en"), pytest.raises(TransitionNotAllowed) as error:  # the message in English
        agreement.move_to(AgreementStatus.COMPLETED)
    message = str(error.value)
    assert "cannot become" in message and "Next possible steps" in message
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.PROPOSED
    with pytest.raises(TransitionNotAllowed):
        agreement.move_to(AgreementStatus.UNDER_WAY)
    agreement.move_to(AgreementStatus.ABANDONED)
    with pytest.raises(TransitionNotAllowed):  # over: nothing more
        agreement.move_to(AgreementStatus.ACCEPTED)


def test_admin_form_refuses_out_of_order(agreement, admin_client):
    url = reverse("wagtailsnippets_reseau_mentoring_agreement:edit", args=[agreement.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    data = {
        "offer": agreement.offer_id,
        "request": agreement.request_id,
        "submission": "",
        "status": "completed",
        "objectives": agreement.objectives,
        "proposed_on": agreement.proposed_on.isoformat(),
        "accepted_on": "",
        "started_on": "",
        "planned_end": "",
        "ended_on": "",
        "milestones-TOTAL_FORMS": "0",
        "milestones-INITIAL_FORMS": "0",
        "milestones-MIN_NUM_FORMS": "0",
        "milestones-MAX_NUM_FORMS": "1000",
        "mentor_name": "Paul",
        "mentor_email": "paul@example.org",
        "mentee_name": "Inès",
        "mentee_email": "ines@example.org",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "cannot become" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.PROPOSED
    data["status"] = "accepted"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ACCEPTED and agreement.accepted_on == timezone.localdate()


def test_closing_reports_through_private_links(agreement, exchange, client):
    index = exchange["index"]
    mentor_url = index.url + index.reverse_subpage("mentoring_report", args=[report_token(agreement, "mentor")])
    first = client.get(mentor_url)
    assert first.status_code == 409, first.content.decode()[-3000:]  # not under way yet
    agreement.move_to(AgreementStatus.ACCEPTED)
    agreement.move_to(AgreementStatus.UNDER_WAY)
    assert client.get(mentor_url).status_code == 200
    assert client.post(mentor_url, {"report": ""}).status_code == 400
    assert client.post(mentor_url, {"report": "Six rencontres, un budget voté."}).status_code == 200
    mentee_url = index.url + index.reverse_subpage("mentoring_report", args=[report_token(agreement, "mentee")])
    client.post(mentee_url, {"report": "Très utile."})
    agreement.refresh_from_db()
    assert agreement.mentor_report == "Six rencontres, un budget voté."
    assert agreement.mentee_report == "Très utile."
    forged = index.url + index.reverse_subpage("mentoring_report", args=["abc" + report_token(agreement, "mentor")[3:]])
    assert client.get(forged).status_code == 404


def test_reminders_are_sent_once(agreement, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    today = timezone.localdate()
    agreement.milestones.create(label="Point d'étape", due_on=today - datetime.timedelta(days=1))
    agreement.milestones.create(label="Bilan", due_on=today + datetime.timedelta(days=30))
    call_command("reseau_send_mentoring_reminders")
    assert len(mail.outbox) == 0  # still only proposed
    agreement.move_to(AgreementStatus.ACCEPTED)
    agreement.move_to(AgreementStatus.UNDER_WAY)
    call_command("reseau_send_mentoring_reminders")
    assert sorted(message.to[0] for message in mail.outbox) == ["ines@example.org", "paul@example.org"]
    assert "Point d'étape" in mail.outbox[0].subject
    assert "/report/" in mail.outbox[0].body
    call_command("reseau_send_mentoring_reminders")
    assert len(mail.outbox) == 2


def test_federation_report_and_csv(agreement, exchange, admin_client):
    Agreement.objects.create(offer=exchange["sibling"], request=exchange["request"], status=AgreementStatus.COMPLETED)
    response = admin_client.get(reverse("reseau_mentoring_admin:report"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Participation des habitants" in content and "Haute-Garonne" in content
    response = admin_client.get(reverse("reseau_mentoring_admin:report") + "?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = response.content.decode("utf-8-sig").splitlines()
    assert len(rows) == 3
    assert "ines@example.org" not in response.content.decode()


def test_contacts_erased_after_retention(agreement, settings):
    from wagtail_reseau.core.privacy.retention import purge_personal_data

    settings.WAGTAIL_RESEAU_MENTORING_AGREEMENT_RETENTION_MONTHS = 1
    Agreement.objects.filter(pk=agreement.pk).update(created_at=timezone.now() - datetime.timedelta(days=60))
    purge_personal_data()
    agreement.refresh_from_db()
    assert agreement.erased_at is not None
    assert agreement.mentor_email == "" and agreement.mentee_name == ""
    assert agreement.objectives == "Lancer un budget participatif."  # the agreement stays, for the report
