"""The files sent with a proposal, through the public form: private while the
proposal waits (reviewers only), documents of the proposals' own collection
once published, deleted when the proposal is rejected (its draft deleted) or
erased by the retention purge."""

import datetime
import os
import struct
import zlib

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.documents import get_document_model
from wagtail.models import Collection, WorkflowState

from wagtail_reseau import models as m
from wagtail_reseau.core.privacy.retention import purge_personal_data
from wagtail_reseau.practices.contributions.documents import DEFAULT_COLLECTION_NAME, proposal_collection
from wagtail_reseau.practices.contributions.files import private_storage
from wagtail_reseau.practices.contributions.models import Proposal, ProposalFile, ProposalStatus

from .conftest import PDF, proposal_data

pytestmark = pytest.mark.django_db


def png_bytes():
    """A real 1x1 PNG (one white pixel)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


PNG = png_bytes()


def uploads():
    return [
        SimpleUploadedFile("affiche.png", PNG, content_type="image/png"),
        SimpleUploadedFile("bilan.pdf", PDF, content_type="application/pdf"),
    ]


@pytest.fixture
def sent(client, practices, django_capture_on_commit_callbacks):
    """A proposal sent through the public form with a PNG and a PDF."""
    index = practices["index"]
    url = index.url + index.reverse_subpage("proposal_form")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, proposal_data(files=uploads()))
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    stored = list(proposal.files.order_by("original_name"))
    assert [item.original_name for item in stored] == ["affiche.png", "bilan.pdf"]
    return {"proposal": proposal, "stored": stored, "paths": [item.file.path for item in stored]}


def approve(page, user, capture):
    with capture(execute=True):
        WorkflowState.objects.get(object_id=str(page.pk)).current_task_state.approve(user=user)


def test_pending_files_stay_private_and_only_reviewers_read_them(client, practices, sent, moderators, admin_user):
    proposal = sent["proposal"]
    assert all(os.path.exists(path) for path in sent["paths"])
    assert not get_document_model().objects.exists()  # not in Wagtail's library: no editor sees them
    with pytest.raises(ValueError):
        private_storage.url(sent["stored"][0].file.name)  # a storage without any address
    files_url = reverse("reseau_contributions_proposal_files", args=[proposal.pk])
    download = reverse("reseau_contributions_proposal_file", args=[proposal.pk, sent["stored"][0].pk])

    assert client.get(download).status_code == 302  # to the admin's login
    outsider = get_user_model().objects.create_user("outsider", "outsider@example.org", "pw")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    for url in (files_url, download):
        refused = client.get(url)  # Wagtail's admin answers a refusal with its dashboard and a message
        assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")

    client.force_login(moderators["user"])  # a reviewer of the list's workflow
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[proposal.page_id]))
    assert edit.status_code == 200 and files_url in edit.content.decode()
    listing = client.get(files_url)
    assert listing.status_code == 200
    assert "affiche.png" in listing.content.decode() and "bilan.pdf" in listing.content.decode()
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/octet-stream"

    client.force_login(admin_user)  # the proposal's record links to them too
    inspect = client.get(reverse("wagtailsnippets_reseau_contributions_proposal:inspect", args=[proposal.pk]))
    assert inspect.status_code == 200 and files_url in inspect.content.decode()


def test_approved_files_become_documents_of_the_proposals_collection(practices, sent, moderators, commit):
    proposal = sent["proposal"]
    with translation.override("en"):  # a moderator whose admin speaks English
        approve(proposal.page, moderators["user"], commit)
    page = m.GoodPracticePage.objects.get(pk=proposal.page_id)
    assert page.live
    documents = [block.value["document"] for block in page.resources if block.block_type == "document"]
    assert sorted(document.title for document in documents) == ["affiche.png", "bilan.pdf"]
    root = Collection.get_first_root_node()
    collection = documents[0].collection
    with translation.override("fr"):  # the site's language ("Propositions des membres")
        assert django_settings.LANGUAGE_CODE == "fr" and collection.name == str(DEFAULT_COLLECTION_NAME)
    assert collection.get_parent() == root
    assert {document.collection_id for document in documents} == {collection.pk}
    assert all(document.file_size for document in documents)
    # The private copies are gone; each file row keeps its document only.
    assert not any(os.path.exists(path) for path in sent["paths"])
    assert all(stored.file.name == "" and stored.document_id for stored in proposal.files.all())
    assert proposal_collection() == collection  # found again, not made twice


def test_the_collection_can_be_named_or_chosen_by_id(db, settings):
    settings.WAGTAIL_RESEAU_PROPOSAL_COLLECTION = "Contributions du public"
    named = proposal_collection()
    assert named.name == "Contributions du public" and proposal_collection() == named
    chosen = Collection.get_first_root_node().add_child(name="Médiathèque")
    settings.WAGTAIL_RESEAU_PROPOSAL_COLLECTION = chosen.pk
    assert proposal_collection() == chosen


def test_a_rejected_proposal_takes_its_files_along(practices, sent, moderators, commit):
    proposal = sent["proposal"]
    with commit(execute=True):
        WorkflowState.objects.get(object_id=str(proposal.page_id)).current_task_state.reject(
            user=moderators["user"], comment="Hors sujet."
        )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.RETURNED
    assert all(os.path.exists(path) for path in sent["paths"])  # the draft may still be fixed and published
    with commit(execute=True):
        m.GoodPracticePage.objects.get(pk=proposal.page_id).delete()  # rejected for good
    assert not ProposalFile.objects.exists()
    assert not any(os.path.exists(path) for path in sent["paths"])
    assert Proposal.objects.filter(pk=proposal.pk).exists()  # the record stays, until its retention ends


def test_the_retention_purge_deletes_the_files(practices, sent, commit):
    proposal = sent["proposal"]
    Proposal.objects.filter(pk=proposal.pk).update(created_at=timezone.now() - datetime.timedelta(days=25 * 31))
    with commit(execute=True):
        purge_personal_data()
    proposal.refresh_from_db()
    assert proposal.erased_at and proposal.contact_email == ""
    assert not ProposalFile.objects.exists()
    assert not any(os.path.exists(path) for path in sent["paths"])


def test_erasing_one_proposal_deletes_its_files(practices, sent, commit):
    proposal = sent["proposal"]
    with commit(execute=True):
        proposal.erase()
    assert not ProposalFile.objects.exists()
    assert not any(os.path.exists(path) for path in sent["paths"])


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks
