"""Proposing a practice: a draft under the list, in its workflow, never live until
approved; the proposer told of the outcome; files checked by their content."""

import os

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page, PageViewRestriction, WorkflowPage, WorkflowState

from wagtail_reseau import models as m
from wagtail_reseau.catalogue.models import CatalogueEntry
from wagtail_reseau.practices.contributions.models import Proposal, ProposalStatus

from .conftest import PDF, docx_bytes, proposal_data

pytestmark = pytest.mark.django_db


def form_url(index):
    return index.url + index.reverse_subpage("proposal_form")


def post(client, index, data, commit, **extra):
    with commit(execute=True):
        return client.post(form_url(index), data, **extra)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def the_draft(index):
    return m.GoodPracticePage.objects.child_of(index).get()


def test_the_form_is_in_the_visitors_language_with_every_section(client, practices):
    response = client.get(form_url(practices["index"]))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("title", "what", "who", "why", "how", "domains", "territories", "audiences", "files", "licence"):
        assert f'name="{name}"' in html
    assert 'name="consent"' in html and 'name="website"' in html  # consent and honeypot
    assert html.count("data-term-chooser ") + html.count("data-term-chooser>") >= 2  # domains, territories
    assert "Bénévoles" in html  # the short list of audiences, in the list's language


def test_a_proposal_lands_as_a_draft_in_the_lists_workflow(client, practices, commit):
    index = practices["index"]
    response = post(client, index, proposal_data(practices["vocab"]), commit)
    assert response.status_code == 302
    page = the_draft(index)
    assert not page.live and page.first_published_at is None and page.has_unpublished_changes
    assert page.locale_id == index.locale_id
    assert list(page.domains.all()) == [practices["vocab"]["prevention"]]
    assert list(page.territories.all()) == [practices["vocab"]["haute_garonne"]]
    assert "<p>Un café convivial.</p>" in page.what
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by is None
    assert client.get(page.url or "/bonnes-pratiques/le-cafe-des-parents/").status_code == 404
    assert not CatalogueEntry.objects.filter(page_id=page.pk).exists()
    proposal = Proposal.objects.get()
    assert proposal.status == ProposalStatus.SUBMITTED and proposal.page_id == page.pk
    assert proposal.consent_purpose == "proposal" and proposal.consent_text
    acknowledgements = [message for message in mail.outbox if message.to == ["amina@example.org"]]
    assert len(acknowledgements) == 1 and "café des parents" in acknowledgements[0].subject


def test_posted_twice_it_makes_one_page(client, practices, commit):
    index = practices["index"]
    data = proposal_data()
    assert post(client, index, data, commit).status_code == 302
    assert post(client, index, data, commit).status_code == 302
    assert m.GoodPracticePage.objects.child_of(index).count() == 1
    assert Proposal.objects.count() == 1


def test_without_a_workflow_it_stays_a_draft_and_the_moderators_are_emailed(client, practices, commit):
    WorkflowPage.objects.all().delete()  # Wagtail's default workflow on the root too
    index = practices["index"]
    assert post(client, index, proposal_data(), commit).status_code == 302
    page = the_draft(index)
    assert not page.live and page.get_workflow() is None
    assert not WorkflowState.objects.exists()
    to_moderators = [message for message in mail.outbox if message.to == ["moderation@example.org"]]
    assert len(to_moderators) == 1 and f"/admin/pages/{page.pk}/edit/" in to_moderators[0].body


def test_under_a_private_list_it_stays_private_once_approved(client, practices, commit, moderators):
    index = practices["index"]
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(moderators["user"])
    assert post(client, index, proposal_data(), commit).status_code == 302
    page = the_draft(index)
    assert not page.live
    with commit(execute=True):
        WorkflowState.objects.get(object_id=str(page.pk)).current_task_state.approve(user=moderators["user"])
    page.refresh_from_db()
    assert page.live
    assert not CatalogueEntry.objects.filter(page_id=page.pk).exists()  # private: not in the catalogue
    client.logout()
    assert client.get(page.url).status_code == 302  # to the login page


def test_approval_publishes_and_tells_the_proposer_with_the_link(client, practices, commit, moderators):
    index = practices["index"]
    pdf = SimpleUploadedFile("bilan.pdf", PDF, content_type="application/pdf")
    assert post(client, index, proposal_data(files=[pdf]), commit).status_code == 302
    page = the_draft(index)
    proposal = Proposal.objects.get()
    stored = proposal.files.get()
    assert os.path.exists(stored.file.path) and not stored.file.path.startswith(str(m.__file__))
    from django.conf import settings

    assert not os.path.abspath(stored.file.path).startswith(os.path.abspath(settings.MEDIA_ROOT) + os.sep)
    mail.outbox.clear()
    with commit(execute=True):
        WorkflowState.objects.get(object_id=str(page.pk)).current_task_state.approve(user=moderators["user"])
    page = m.GoodPracticePage.objects.get(pk=page.pk)
    assert page.live
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PUBLISHED
    outcome = [message for message in mail.outbox if message.to == ["amina@example.org"]]
    assert len(outcome) == 1 and page.full_url in outcome[0].body
    # The file became a Wagtail document in the published page's resources.
    documents = [block.value["document"] for block in page.resources if block.block_type == "document"]
    assert [document.title for document in documents] == ["bilan.pdf"]
    assert CatalogueEntry.objects.filter(page_id=page.pk).exists()


def test_rejection_returns_it_with_the_moderators_comment(client, practices, commit, moderators):
    index = practices["index"]
    post(client, index, proposal_data(), commit)
    page = the_draft(index)
    mail.outbox.clear()
    with commit(execute=True):
        WorkflowState.objects.get(object_id=str(page.pk)).current_task_state.reject(
            user=moderators["user"], comment="Précisez les résultats, s'il vous plaît."
        )
    assert not Page.objects.get(pk=page.pk).live
    proposal = Proposal.objects.get()
    assert proposal.status == ProposalStatus.RETURNED
    assert proposal.moderator_comment == "Précisez les résultats, s'il vous plaît."
    outcome = [message for message in mail.outbox if message.to == ["amina@example.org"]]
    assert len(outcome) == 1 and "Précisez les résultats, s'il vous plaît." in outcome[0].body


def test_a_file_whose_content_is_not_its_extension_is_refused(client, practices, commit):
    index = practices["index"]
    fake = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 an executable", content_type="application/pdf")
    response = post(client, index, proposal_data(files=[fake]), commit)
    assert response.status_code == 400
    html = response.content.decode()
    assert "rapport.pdf" in html and 'role="alert"' in html
    assert "Le café des parents" in html  # nothing typed is lost
    assert not Proposal.objects.exists() and not m.GoodPracticePage.objects.exists()
    fake_docx = SimpleUploadedFile("plan.docx", PDF)
    assert post(client, index, proposal_data(files=[fake_docx]), commit).status_code == 400
    good_docx = SimpleUploadedFile("plan.docx", docx_bytes())
    assert post(client, index, proposal_data(files=[good_docx]), commit).status_code == 302


def test_a_file_over_the_size_limit_is_refused(client, practices, commit, settings):
    settings.WAGTAIL_RESEAU_PROPOSAL_MAX_FILE_SIZE = 100
    big = SimpleUploadedFile("bilan.pdf", PDF + b"0" * 200)
    assert post(client, practices["index"], proposal_data(files=[big]), commit).status_code == 400


def test_save_and_resume_through_a_private_link(client, practices, commit):
    index = practices["index"]
    data = {"title": "Brouillon de pratique", "contact_email": "amina@example.org", "consent": "on", "save": "1",
            "submission_key": "key-2", "licence": "CC-BY-SA-4.0"}
    response = post(client, index, data, commit)
    assert response.status_code == 200
    assert not m.GoodPracticePage.objects.exists()
    proposal = Proposal.objects.get()
    assert proposal.status == ProposalStatus.DRAFT
    link = [line for line in mail.outbox[-1].body.splitlines() if "/propose/resume/" in line][0].strip()
    resumed = client.get(link)
    assert resumed.status_code == 200 and "Brouillon de pratique" in resumed.content.decode()
    finished = proposal_data(title="Pratique terminée", submission_key="key-2")
    with commit(execute=True):
        assert client.post(link, finished).status_code == 302
    assert the_draft(index).title == "Pratique terminée"
    assert Proposal.objects.get().status == ProposalStatus.SUBMITTED
    assert client.get(link).status_code == 302  # sent: the link no longer edits it
    assert client.get(form_url(index) + "resume/forged/").status_code == 404


def test_nonsense_never_gives_a_server_error(client, practices, commit):
    index = practices["index"]
    response = post(client, index, {"domains": ["abc", "999999"], "licence": "<b>", "links": "javascript:x"}, commit)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_the_lists_and_practices_link_to_the_form(client, practices, commit):
    index = practices["index"]
    assert form_url(index) in client.get(index.url).content.decode()


def test_old_proposals_and_reuse_contacts_are_erased(practices):
    import datetime

    from django.utils import timezone

    from wagtail_reseau.core.privacy.retention import purge_personal_data
    from wagtail_reseau.practices.contributions.models import Reuse

    long_ago = timezone.now() - datetime.timedelta(days=3 * 366 + 31)
    old = Proposal.objects.create(
        index=practices["index"], contact_email="old@example.org", contact_name="Ancien", data={"title": "x"}
    )
    recent = Proposal.objects.create(index=practices["index"], contact_email="new@example.org")
    Proposal.objects.filter(pk=old.pk).update(created_at=long_ago)
    practice = m.GoodPracticePage(title="Pratique", slug="pratique")
    practices["index"].add_child(instance=practice)
    reuse = Reuse.objects.create(practice=practice, organisation_name="Centre", contact_email="r@example.org")
    Reuse.objects.filter(pk=reuse.pk).update(created_at=long_ago)
    purge_personal_data()
    old.refresh_from_db()
    assert old.contact_email == "" and old.contact_name == "" and old.data == {} and old.erased_at
    assert Proposal.objects.get(pk=recent.pk).contact_email == "new@example.org"
    reuse.refresh_from_db()
    assert reuse.contact_email == "" and reuse.organisation_name == "Centre"  # the public part stays
