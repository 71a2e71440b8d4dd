"""Each moderator reads the e-mails in their own admin language (Wagtail's
preferred language of their account), else in the site's (French): a proposal
sent through the public form, and a reuse entry through the privacy core's
``notify_moderators``. One message to each moderator."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from wagtail.models import WorkflowPage
from wagtail.users.models import UserProfile

from wagtail_reseau import models as m
from wagtail_reseau.core.privacy.notifications import moderators_by_language, notify_moderators
from wagtail_reseau.practices.contributions.models import Reuse

from .conftest import PDF, proposal_data

pytestmark = pytest.mark.django_db


def moderator(username, email, group, language):
    user = get_user_model().objects.create_user(username, email, "pw")
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def three_moderators(moderators):
    """The fixture's moderator (no preference: the site's French), one who chose
    French and one who chose English."""
    moderator("claire", "claire@example.org", moderators["group"], "fr")
    moderator("john", "john@example.org", moderators["group"], "en")
    moderator("hans", "hans@example.org", moderators["group"], "xx")  # no such language: the site's
    return moderators


def by_address(messages):
    assert all(len(message.to) == 1 and not message.cc and not message.bcc for message in messages)
    return {message.to[0]: message for message in messages}


def test_moderators_are_grouped_by_their_language(three_moderators):
    assert moderators_by_language("Moderators") == {
        "en": ["john@example.org"],
        "fr": ["claire@example.org", "hans@example.org", "moderation@example.org"],
    }


def test_a_proposal_reaches_each_moderator_in_their_language(client, practices, three_moderators, commit):
    WorkflowPage.objects.all().delete()  # no workflow: the moderators' group is e-mailed
    index = practices["index"]
    pdf = SimpleUploadedFile("bilan.pdf", PDF, content_type="application/pdf")
    with commit(execute=True), translation.override("en"):  # whatever the visitor's language
        response = client.post(index.url + index.reverse_subpage("proposal_form"), proposal_data(files=[pdf]))
    assert response.status_code == 302
    page = m.GoodPracticePage.objects.child_of(index).get()
    messages = by_address([message for message in mail.outbox if message.to != ["amina@example.org"]])
    assert sorted(messages) == [
        "claire@example.org",
        "hans@example.org",
        "john@example.org",
        "moderation@example.org",
    ]
    for address in ("claire@example.org", "hans@example.org", "moderation@example.org"):
        assert messages[address].subject.startswith("Nouvelle pratique proposée")
    english = messages["john@example.org"]
    assert english.subject == "New practice proposed: “Le café des parents”"
    assert "A visitor proposed the practice" in english.body and "file was sent with it" in english.body
    for message in messages.values():
        assert f"/admin/pages/{page.pk}/edit/" in message.body and "bilan.pdf" in message.body
        assert "/files/" in message.body and "amina@example.org" not in message.body


def test_notify_moderators_speaks_each_moderators_language(practices, three_moderators):
    practice = m.GoodPracticePage(title="Jardin partagé", slug="jardin")
    practices["index"].add_child(instance=practice)
    entry = Reuse.objects.create(practice=practice, organisation_name="Centre", contact_email="r@example.org")
    with translation.override("en"):
        assert notify_moderators("reuse", entry, "/admin/x/") == 4
    messages = by_address(mail.outbox)
    assert messages["john@example.org"].subject.startswith("Reuse of a practice waiting for moderation")
    assert "Approve or reject it in the admin" in messages["john@example.org"].body
    for address in ("claire@example.org", "hans@example.org", "moderation@example.org"):
        assert messages[address].subject.startswith("Réutilisation d’une pratique en attente de modération")
        assert "Reuse of a practice" not in messages[address].body
    assert all("r@example.org" not in message.body for message in messages.values())


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks
