"""One click from an approved answer (or a suggested pair) to a proposed
agreement with both contacts; never twice; POST only; permission checked."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.urls import reverse

from wagtail_reseau.mentoring.agreements.models import (
    Agreement,
    AgreementStatus,
    MentoringSubmission,
    SubmissionKind,
    SubmissionStatus,
)


def approved_answer(data, page=None):
    return MentoringSubmission.objects.create(
        kind=SubmissionKind.ANSWER,
        index=data["index"],
        page=page or data["offer"],
        organisation_name="Maison de quartier du Mirail",
        message="Monter un budget participatif avec les habitants.",
        contact_name="Inès Martin",
        contact_email="ines@example.org",
        language_code="fr",
        status=SubmissionStatus.APPROVED,
    )


def staff_without_agreements(django_user_model):
    group = Group.objects.create(name="Modération parrainage")
    group.permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        Permission.objects.get(codename="change_mentoringsubmission"),
        Permission.objects.get(codename="view_mentoringsubmission"),
    )
    user = django_user_model.objects.create_user("sans-droit", "s@example.org", "pw", is_staff=True)
    user.groups.add(group)
    return user


def refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to its home and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def test_create_an_agreement_from_an_approved_answer(small_exchange, client, django_user_model):
    entry = approved_answer(small_exchange)
    action = reverse("reseau_mentoring_admin:agreement_from_answer", args=[entry.pk])
    edit = reverse("wagtailsnippets_reseau_mentoring_mentoringsubmission:edit", args=[entry.pk])

    # Without the permission to add agreements: no button, and the action is refused.
    client.force_login(staff_without_agreements(django_user_model))
    page = client.get(edit)
    assert page.status_code == 200 and action not in page.content.decode()
    assert refused(client.post(action))
    assert not Agreement.objects.exists()

    client.force_login(small_exchange["admin"])
    page = client.get(edit).content.decode()
    assert f'formaction="{action}"' in page and "Create an agreement" in page
    # The button posts the answer as last saved: the editor is told to save first.
    assert "Save your changes first" in page and 'aria-describedby="reseau-agreement-save-first"' in page
    assert client.get(action).status_code == 405  # GET never creates anything

    response = client.post(action, follow=True)
    agreement = Agreement.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailsnippets_reseau_mentoring_agreement:edit", args=[agreement.pk]
    )
    assert "Agreement proposed" in response.content.decode()
    assert agreement.status == AgreementStatus.PROPOSED
    assert agreement.offer_id == small_exchange["offer"].pk and agreement.request_id is None
    assert agreement.submission_id == entry.pk
    assert (agreement.mentor_name, agreement.mentor_email) == ("Paul Mentor", "paul@federation.example.org")
    assert (agreement.mentee_name, agreement.mentee_email) == ("Inès Martin", "ines@example.org")
    assert str(agreement) == "Fédération Occitanie → Maison de quartier du Mirail"

    # Twice: the same agreement, opened with a message.
    response = client.post(action, follow=True)
    assert Agreement.objects.count() == 1
    assert response.redirect_chain[-1][0].endswith(f"/{agreement.pk}/")
    assert "already made from this answer" in response.content.decode()
    assert (
        reverse("wagtailsnippets_reseau_mentoring_agreement:edit", args=[agreement.pk])
        in client.get(edit).content.decode()
    )


def test_an_answer_to_a_request_makes_the_answering_side_the_mentor(small_exchange, admin_client):
    entry = approved_answer(small_exchange, page=small_exchange["request"])
    admin_client.force_login(small_exchange["admin"])
    assert (
        admin_client.post(reverse("reseau_mentoring_admin:agreement_from_answer", args=[entry.pk])).status_code == 302
    )
    agreement = Agreement.objects.get()
    assert agreement.request_id == small_exchange["request"].pk and agreement.offer_id is None
    assert agreement.mentor_email == "ines@example.org" and agreement.mentee_email == "rita@izards.example.org"
    assert str(agreement) == "Maison de quartier du Mirail → Centre social des Izards"


def test_a_pending_answer_makes_no_agreement(small_exchange, client):
    entry = approved_answer(small_exchange)
    MentoringSubmission.objects.filter(pk=entry.pk).update(status=SubmissionStatus.PENDING)
    client.force_login(small_exchange["admin"])
    assert client.post(reverse("reseau_mentoring_admin:agreement_from_answer", args=[entry.pk])).status_code == 404
    assert not Agreement.objects.exists()


def test_create_an_agreement_from_a_suggested_pair(small_exchange, client, django_user_model):
    url = reverse("reseau_mentoring_admin:make_agreement")
    pair = {"offer": small_exchange["offer"].pk, "request": small_exchange["request"].pk}
    client.force_login(staff_without_agreements(django_user_model))
    assert refused(client.post(url, pair))
    client.force_login(small_exchange["admin"])
    suggestions = client.get(reverse("reseau_mentoring_admin:suggestions")).content.decode()
    assert url in suggestions and "csrfmiddlewaretoken" in suggestions
    assert client.get(url, pair).status_code == 405
    response = client.post(url, pair, follow=True)
    agreement = Agreement.objects.get()
    assert "Agreement proposed" in response.content.decode()
    assert agreement.status == AgreementStatus.PROPOSED
    assert (
        agreement.mentor_email == "paul@federation.example.org" and agreement.mentee_email == "rita@izards.example.org"
    )
    response = client.post(url, pair, follow=True)
    assert Agreement.objects.count() == 1 and "already have an agreement" in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailsnippets_reseau_mentoring_agreement:edit", args=[agreement.pk]
    )


def test_never_two_agreements_for_one_answer_even_at_once(small_exchange, client):
    """Two clicks at once both pass the check "no agreement yet": the database
    refuses the second agreement, and the view then opens the first one."""
    entry = approved_answer(small_exchange)
    first = Agreement.objects.create(submission=entry, offer=small_exchange["offer"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.create(submission=entry, offer=small_exchange["offer"])
    # Agreements made by hand, from no answer, stay as many as wanted.
    Agreement.objects.create(offer=small_exchange["offer"])
    Agreement.objects.create(offer=small_exchange["offer"])
    client.force_login(small_exchange["admin"])
    response = client.post(reverse("reseau_mentoring_admin:agreement_from_answer", args=[entry.pk]))
    assert response.status_code == 302 and response.url.endswith(f"/{first.pk}/")
    assert Agreement.objects.filter(submission=entry).count() == 1
