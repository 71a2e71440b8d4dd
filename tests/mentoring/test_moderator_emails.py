"""The moderators hear of every new entry waiting for them (mentoring answers and
requests, reuse entries, comments) through the privacy core's one function:
the admin link, never the visitor's contact; nothing for the honeypot; once the
entry is committed; in the site's language; one message to each moderator."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import translation

from wagtail_reseau.comments.models import Comment
from wagtail_reseau.core.privacy.notifications import notify_moderators
from wagtail_reseau.mentoring.agreements.models import MentoringSubmission
from wagtail_reseau.practices.contributions.models import Reuse

MODERATORS = ["moderation@example.org"]


def to_moderators():
    return [message for message in mail.outbox if message.to == MODERATORS]


def mentoring_data(data, **changes):
    values = {
        "organisation": "",
        "organisation_name": "Maison de quartier du Mirail",
        "message": "Nous voulons monter un budget participatif.",
        "domains": [data["participation"].pk],
        "mentoring_format": "remote",
        "availability": "",
        "contact_name": "Inès Martin",
        "contact_email": "ines.secret@example.org",
        "contact_phone": "06 11 22 33 44",
        "consent": "on",
        "website": "",
    }
    values.update(changes)
    return values


def assert_no_contact(message, *secrets):
    for secret in secrets:
        assert secret not in message.subject and secret not in message.body


def test_an_answer_to_an_offer(small_exchange, client, django_capture_on_commit_callbacks):
    offer = small_exchange["offer"]
    url = offer.url + offer.reverse_subpage("mentoring_answer")
    # The honeypot: refused, nobody is told.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, mentoring_data(small_exchange, website="http://spam.example")).status_code == 400
    assert to_moderators() == []
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert client.post(url, mentoring_data(small_exchange)).status_code == 200
    assert to_moderators() == [], "nothing before the entry is committed"
    for callback in callbacks:
        callback()
    entry = MentoringSubmission.objects.get()
    [message] = to_moderators()
    assert reverse("wagtailsnippets_reseau_mentoring_mentoringsubmission:edit", args=[entry.pk]) in message.body
    assert "Maison de quartier du Mirail" in message.subject
    assert_no_contact(message, "ines.secret@example.org", "Inès Martin", "06 11 22 33 44")


def test_a_new_request(small_exchange, client, django_capture_on_commit_callbacks):
    index = small_exchange["index"]
    url = index.url + index.reverse_subpage("mentoring_request")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, mentoring_data(small_exchange, title="Lancer un budget participatif"))
    assert response.status_code == 200
    entry = MentoringSubmission.objects.get()
    [message] = to_moderators()
    assert "Lancer un budget participatif" in message.subject
    assert reverse("wagtailsnippets_reseau_mentoring_mentoringsubmission:edit", args=[entry.pk]) in message.body
    assert_no_contact(message, "ines.secret@example.org", "Inès Martin")


def test_a_reuse_entry(small_exchange, client, django_capture_on_commit_callbacks):
    practice = small_exchange["practice"]
    data = {
        "organisation_name": "Espace de vie sociale du Mirail",
        "territory": [small_exchange["haute_garonne"].pk],
        "started_on": "2025-09-01",
        "adaptation": "Un jardin sur le toit.",
        "result": "Quinze familles jardinent.",
        "contact_name": "Louis Martin",
        "contact_email": "louis.secret@example.org",
        "consent": "on",
    }
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(practice.url + practice.reverse_subpage("reuse_form"), data)
    assert response.status_code == 200, response.content.decode()[:2000]
    assert to_moderators() == [], "nothing before the entry is committed"
    for callback in callbacks:
        callback()
    entry = Reuse.objects.get()
    [message] = to_moderators()
    assert reverse("wagtailsnippets_reseau_contributions_reuse:edit", args=[entry.pk]) in message.body
    assert "Espace de vie sociale du Mirail" in message.subject and "Jardin partagé" in message.subject
    assert_no_contact(message, "louis.secret@example.org", "Louis Martin")


def test_a_comment(small_exchange, client, django_capture_on_commit_callbacks):
    news = small_exchange["news"]
    data = {
        "comment-author_name": "Amina Diallo",
        "comment-email": "amina.secret@example.org",
        "comment-body": "Merci pour ce compte rendu !",
        "comment-consent": "on",
        "reseau_comment": "1",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(news.url, data).status_code == 303
    assert Comment.objects.filter(page=news).count() == 1
    [message] = to_moderators()
    assert "Nouvelle du réseau" in message.subject and "Merci pour ce compte rendu" in message.body
    assert "?status=pending" in message.body
    assert_no_contact(message, "amina.secret@example.org")


def test_in_the_sites_language_whatever_the_visitors(small_exchange):
    entry = MentoringSubmission.objects.create(
        kind="answer",
        index=small_exchange["index"],
        page=small_exchange["offer"],
        organisation_name="Maison de quartier du Mirail",
        message="Budget participatif.",
        contact_email="ines.secret@example.org",
    )
    with translation.override("en"):  # a visitor on the English site
        assert notify_moderators("mentoring", entry, "/admin/x/") == 1
    [message] = to_moderators()
    # The entry's summary (its kind, a lazy label) in French like the rest.
    assert "Réponse à une offre" in message.subject and "Réponse à une offre" in message.body
    assert "Answer to an offer" not in message.subject + message.body


def test_one_message_to_each_moderator(small_exchange):
    other = get_user_model().objects.create_user("second", "second.moderator@example.org", "pw")
    other.groups.add(Group.objects.get(name="Moderators"))
    entry = MentoringSubmission.objects.create(
        kind="answer", index=small_exchange["index"], page=small_exchange["offer"], message="Budget participatif."
    )
    assert notify_moderators("mentoring", entry, "/admin/x/") == 2
    assert sorted(message.to for message in mail.outbox) == [
        ["moderation@example.org"],
        ["second.moderator@example.org"],
    ]
    assert all(not message.cc and not message.bcc for message in mail.outbox)
