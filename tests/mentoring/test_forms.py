"""Visitors answer an offer and post a request: held for moderation, consent
kept, contacts hidden from staff without view_personal_data."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail_reseau.mentoring.agreements.models import MentoringSubmission, SubmissionKind, SubmissionStatus


def answer_data(exchange, **changes):
    data = {
        "organisation": "",
        "organisation_name": "Maison de quartier du Mirail",
        "message": "Nous voulons monter un budget participatif.",
        "domains": [exchange["vocab"]["participation"].pk],
        "mentoring_format": "remote",
        "availability": "Deux demi-journées par mois",
        "contact_name": "Inès Martin",
        "contact_email": "ines@example.org",
        "contact_phone": "",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return data


def test_answer_an_offer_is_held_for_moderation(exchange, client):
    offer = exchange["near"]
    url = offer.url + offer.reverse_subpage("mentoring_answer")
    assert client.get(offer.url).content.decode().count(url) == 1
    response = client.get(url)
    assert response.status_code == 200
    response = client.post(url, answer_data(exchange))
    assert response.status_code == 200, response.content.decode()[:2000]
    submission = MentoringSubmission.objects.get()
    assert submission.kind == SubmissionKind.ANSWER
    assert submission.page_id == offer.pk
    assert submission.status == SubmissionStatus.PENDING
    assert submission.consent_purpose == "mentoring" and submission.consented_at is not None
    assert list(submission.domains.all()) == [exchange["vocab"]["participation"]]
    # Nothing of it is public.
    assert "ines@example.org" not in client.get(offer.url).content.decode()


def test_bad_answer_keeps_what_was_typed(exchange, client):
    offer = exchange["near"]
    url = offer.url + offer.reverse_subpage("mentoring_answer")
    response = client.post(url, answer_data(exchange, contact_email="pas-une-adresse", consent="", domains=["zzz"]))
    assert response.status_code == 400
    content = response.content.decode()
    assert 'role="alert"' in content
    assert "Nous voulons monter un budget participatif." in content
    assert not MentoringSubmission.objects.exists()
    # The honeypot: refused, nothing saved.
    response = client.post(url, answer_data(exchange, website="http://spam.example"))
    assert response.status_code == 400
    assert not MentoringSubmission.objects.exists()


def test_closed_offer_cannot_be_answered(exchange, client):
    offer = exchange["far"]
    offer.status = "closed"
    offer.save_revision().publish()
    response = client.get(offer.url + offer.reverse_subpage("mentoring_answer"))
    assert response.status_code == 410


def test_post_a_request(exchange, client):
    index = exchange["index"]
    url = index.url + index.reverse_subpage("mentoring_request")
    assert url in client.get(index.url).content.decode()
    response = client.post(url, answer_data(exchange))
    assert response.status_code == 400  # a request needs a subject
    response = client.post(url, answer_data(exchange, title="Lancer un budget participatif"))
    assert response.status_code == 200
    submission = MentoringSubmission.objects.get()
    assert submission.kind == SubmissionKind.REQUEST and submission.page is None
    assert submission.index_id == index.pk


def test_moderation_listing_and_contacts(exchange, client, admin_client, django_user_model):
    index = exchange["index"]
    client.post(index.url + index.reverse_subpage("mentoring_request"), answer_data(exchange, title="Lancer un budget"))
    submission = MentoringSubmission.objects.get()
    listing = admin_client.get(reverse("wagtailsnippets_reseau_mentoring_mentoringsubmission:list"))
    assert listing.status_code == 200 and "Lancer un budget" in listing.content.decode()
    # Approve from the listing (bulk action).
    url = (
        reverse(
            "wagtail_bulk_action",
            args=("reseau_mentoring", "mentoringsubmission", "approve_mentoring"),
        )
        + f"?id={submission.pk}"
    )
    assert admin_client.post(url).status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED and submission.moderated_at is not None

    # A moderator without view_personal_data sees the entry, not the contact.
    group = Group.objects.create(name="Parrainage")
    group.permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        Permission.objects.get(codename="change_mentoringsubmission"),
        Permission.objects.get(codename="view_mentoringsubmission"),
    )
    user = django_user_model.objects.create_user("moderatrice", "m@example.org", "pw", is_staff=True)
    user.groups.add(group)
    client.force_login(user)
    edit = client.get(reverse("wagtailsnippets_reseau_mentoring_mentoringsubmission:edit", args=[submission.pk]))
    assert edit.status_code == 200
    assert "Lancer un budget" in edit.content.decode()
    assert "ines@example.org" not in edit.content.decode()
    group.permissions.add(
        Permission.objects.get(codename="view_personal_data", content_type__model="mentoringsubmission")
    )
    user = django_user_model.objects.get(pk=user.pk)
    client.force_login(user)
    edit = client.get(reverse("wagtailsnippets_reseau_mentoring_mentoringsubmission:edit", args=[submission.pk]))
    assert "ines@example.org" in edit.content.decode()


def test_approved_request_becomes_a_draft_page(exchange, client):
    from wagtail_reseau.models import MentoringPage

    index = exchange["index"]
    url = index.url + index.reverse_subpage("mentoring_request")
    data = answer_data(exchange, title="Ouvrir un accueil jeunes", organisation=exchange["social_centre"].pk)
    assert client.post(url, data).status_code == 200
    submission = MentoringSubmission.objects.get()
    submission.moderate(SubmissionStatus.APPROVED)
    page = MentoringPage.objects.get(pk=submission.request_page_id)
    assert page.live is False and page.direction == "request"
    assert page.get_parent().pk == index.pk
    assert list(page.domains.all()) == [exchange["vocab"]["participation"]]
    assert page.contact_email == ""  # the contact is never copied to a page
    assert client.get(page.url or "/parrainage/ouvrir-un-accueil-jeunes/").status_code == 404
    submission.moderate(SubmissionStatus.APPROVED)  # twice: still one page
    assert MentoringPage.objects.filter(title="Ouvrir un accueil jeunes").count() == 1
