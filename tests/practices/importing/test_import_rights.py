"""What an import may touch: only practices under the chosen index, only those
the editor may edit (and publish), never an editor's unpublished draft when
publishing; a copied practice does not keep the identifier of its original."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.models import GroupPagePermission, Revision

from wagtail_reseau import models as m
from wagtail_reseau.practices.importing import import_practices

from tests.conftest import publish

pytestmark = pytest.mark.django_db

HEADER = "identifiant;titre;résumé\n"


def csv_bytes(*rows):
    return (HEADER + "".join(row + "\n" for row in rows)).encode("utf-8")


def run(data, index, language="en", **kwargs):
    with translation.override(language):
        return import_practices(data, "p.csv", index, **kwargs)


def practice_under(index, external_id, title="Jardin partagé", summary="Un jardin."):
    return publish(
        index,
        m.GoodPracticePage(title=title, slug=f"p-{external_id.lower()}", external_id=external_id, summary=summary),
    )


def editor(index, *permission_types, name="editrice"):
    """A user whose group has only ``permission_types`` on ``index``."""
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "password")
    group = Group.objects.create(name=f"Import {name}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for permission_type in permission_types:
        GroupPagePermission.objects.create(group=group, page=index, permission_type=permission_type)
    user.groups.add(group)
    return get_user_model().objects.get(pk=user.pk)


def test_a_practice_under_another_index_is_refused_not_overwritten(practices, home):
    other = publish(home, m.GoodPracticeIndexPage(title="Autres pratiques", slug="autres"))
    elsewhere = practice_under(other, "BP-1")
    data = csv_bytes("BP-1;Écrasée;Autre résumé.")
    report = run(data, practices, dry_run=False, publish=True)
    assert not report.written and report.rows[0].action == "refuse"
    assert report.rows[0].reasons == [
        "External identifier: A practice with this identifier exists elsewhere in the site."
    ]
    elsewhere.refresh_from_db()
    assert elsewhere.title == "Jardin partagé" and elsewhere.get_parent().pk == other.pk
    assert m.GoodPracticePage.objects.count() == 1


def test_a_practice_the_editor_may_not_edit_is_refused(practices, admin_user):
    theirs = practice_under(practices, "BP-1")  # owned by nobody: "add" lets one edit only one's own pages
    user = editor(practices, "add")
    mine = practice_under(practices, "BP-2", title="Café des parents")
    m.GoodPracticePage.objects.filter(pk=mine.pk).update(owner=user)
    data = csv_bytes("BP-1;Écrasée;", "BP-2;Café des parents du quartier;")
    report = run(data, practices, dry_run=False, user=user)
    assert [row.action for row in report.rows] == ["refuse", "update"]
    assert report.rows[0].reasons == ["You may not edit this practice."]
    assert not report.written
    theirs.refresh_from_db()
    assert theirs.title == "Jardin partagé" and Revision.page_revisions.filter(object_id=str(theirs.pk)).count() == 1

    # Only my own practice: updated as a draft.
    report = run(csv_bytes("BP-2;Café des parents du quartier;"), practices, dry_run=False, user=user)
    assert report.written and report.updated == 1
    # Publishing needs the right to publish it.
    report = run(csv_bytes("BP-2;Café publié;"), practices, dry_run=True, publish=True, user=user)
    assert report.rows[0].action == "refuse" and report.rows[0].reasons == ["You may not publish this practice."]
    # The command line (no user) and a superuser are not limited.
    assert run(csv_bytes("BP-1;Écrasée;"), practices, dry_run=True).rows[0].action == "update"
    assert run(csv_bytes("BP-1;Écrasée;"), practices, dry_run=True, user=admin_user).rows[0].action == "update"


def test_publishing_refuses_a_practice_with_an_unpublished_draft(practices):
    page = practice_under(practices, "BP-1", summary="En ligne.")
    page.summary = "Brouillon de l’éditrice."
    page.save_revision()  # an unfinished draft on top of the live page
    live_revision = m.GoodPracticePage.objects.get(pk=page.pk).live_revision_id
    data = csv_bytes("BP-1;Jardin partagé des Izards;")

    report = run(data, practices, dry_run=False, publish=True)
    assert not report.written and report.rows[0].action == "refuse"
    assert report.rows[0].reasons == ["This practice has unpublished changes: publish or discard them first."]
    page = m.GoodPracticePage.objects.get(pk=page.pk)
    assert page.live_revision_id == live_revision and page.summary == "En ligne."
    assert page.title == "Jardin partagé" and page.has_unpublished_changes

    # As drafts: a new revision on top of the editor's draft, nothing live changes.
    report = run(data, practices, dry_run=False)
    assert report.written and report.updated == 1
    page = m.GoodPracticePage.objects.get(pk=page.pk)
    assert page.live_revision_id == live_revision and page.summary == "En ligne." and page.title == "Jardin partagé"
    draft = page.get_latest_revision_as_object()
    assert draft.title == "Jardin partagé des Izards" and draft.summary == "Brouillon de l’éditrice."


def test_a_copied_practice_does_not_keep_the_external_identifier(practices):
    original = practice_under(practices, "BP-1")
    copy = original.copy(update_attrs={"slug": "copie", "title": "Copie"})
    assert copy.specific.external_id == "" and m.GoodPracticePage.objects.get(pk=original.pk).external_id == "BP-1"
    report = run(csv_bytes("BP-1;Jardin partagé;"), practices, dry_run=True)
    assert report.rows[0].action == "update" and report.rows[0].page_id == original.pk
