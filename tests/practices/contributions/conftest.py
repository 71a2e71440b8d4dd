"""A practice list with a moderation workflow, its moderators, and files."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from wagtail_reseau import models as m

from tests.conftest import publish

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def private_dir(tmp_path, settings):
    settings.WAGTAIL_RESEAU_PROPOSAL_PRIVATE_DIR = str(tmp_path / "private")
    return tmp_path / "private"


@pytest.fixture
def moderators(db):
    group, _created = Group.objects.get_or_create(name="Moderators")
    user = get_user_model().objects.create_user("moderatrice", "moderation@example.org", "password")
    user.groups.add(group)
    user.is_staff = True
    user.save()
    return {"group": group, "user": user}


@pytest.fixture
def practices(home, vocab, moderators, private_dir, django_capture_on_commit_callbacks):
    """A French practice list in a workflow of its own (one group approval task)."""
    with django_capture_on_commit_callbacks(execute=True):
        index = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
        catalogue = publish(home, m.CataloguePage(title="Catalogue", slug="catalogue"))
    workflow = Workflow.objects.create(name="Relecture des pratiques")
    task = GroupApprovalTask.objects.create(name="Relecture")
    task.groups.set([moderators["group"]])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=index)
    return {"index": index, "catalogue": catalogue, "workflow": workflow, "vocab": vocab}


def proposal_data(vocab=None, **changes):
    data = {
        "title": "Le café des parents",
        "summary": "Un temps d'échange entre parents, chaque semaine.",
        "what": "Un café convivial.\n\nAnimé par une bénévole.",
        "who": "Les familles du quartier.",
        "why": "Rompre l'isolement.",
        "how": "Chaque mardi matin.",
        "results": "Trente familles en un an.",
        "links": "https://example.org/cafe-parents",
        "contact_name": "Amina Diallo",
        "contact_email": "amina@example.org",
        "organisation_name": "Centre social des Izards",
        "licence": "CC-BY-SA-4.0",
        "consent": "on",
        "submission_key": "key-1",
    }
    if vocab:
        data["domains"] = [vocab["prevention"].pk]
        data["territories-search"] = "Haute-Garonne"  # typed, without JavaScript: the chooser resolves it
    data.update(changes)
    return data
