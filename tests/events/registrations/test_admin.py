"""Staff admin: only the view_personal_data permission opens registrations;
export, attendance (filling the forum's attendee count), message, erasure."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import override_settings

from wagtail_reseau.events.forums import ForumPage
from wagtail_reseau.events.registrations.models import Registration
from wagtail_reseau.events.registrations.models import RegistrationStatus as Status

from tests.events.registrations.helpers import register


def staff(with_permission):
    user = get_user_model().objects.create_user(f"staff{with_permission}", password="x")
    editors = Group.objects.get(name="Editors")
    user.groups.add(editors)
    if with_permission:
        user.user_permissions.add(
            Permission.objects.get(codename="view_personal_data", content_type__app_label="reseau_registrations")
        )
    return user


@pytest.fixture
def registrations(client, data, django_capture_on_commit_callbacks):
    with override_settings(WAGTAIL_RESEAU_REGISTRATION_DOUBLE_OPT_IN=False):
        for number in range(3):
            register(
                client,
                data["small"],
                django_capture_on_commit_callbacks,
                email=f"a{number}@example.org",
                name=f"Personne {number}",
            )
    mail.outbox.clear()
    return list(Registration.objects.order_by("pk"))


def test_an_editor_without_the_permission_sees_nothing(client, data, registrations):
    client.force_login(staff(False))
    event = registrations[0].event
    # Wagtail answers a refused admin view with a redirect to the dashboard (or 403).
    for url in (
        "/admin/registrations/list/",
        f"/admin/registrations/manage/event/{event.pk}/",
        "/admin/registrations/list/?export=csv",
        f"/admin/registrations/manage/erase/{registrations[0].pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")
    assert "Personne 0" not in client.get("/admin/").content.decode()


def test_staff_with_the_permission_list_search_and_export(client, data, registrations):
    client.force_login(staff(True))
    html = client.get("/admin/registrations/list/?q=Personne 1").content.decode()
    assert "Personne 1" in html and "Personne 2" not in html
    csv = client.get("/admin/registrations/list/?export=csv")
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert "a0@example.org" in body and "a2@example.org" in body
    xlsx = client.get("/admin/registrations/list/?export=xlsx")
    assert xlsx.status_code == 200
    from openpyxl import load_workbook

    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    rows = list(load_workbook(io.BytesIO(content)).active.values)
    assert any("a1@example.org" in row for row in rows)


def test_attendance_fills_the_forums_attendee_count(client, data, registrations):
    user = staff(True)
    user.is_superuser = True  # may publish the forum
    user.save()
    client.force_login(user)
    event = registrations[0].event
    url = f"/admin/registrations/manage/event/{event.pk}/"
    assert "Personne 2" in client.get(url).content.decode()
    confirmed = [r.pk for r in registrations if r.status == Status.CONFIRMED]
    response = client.post(url, {"action": "attendance", "attended": [str(confirmed[0])]})
    assert response.status_code == 302
    page = ForumPage.objects.get(pk=data["small"].pk)
    assert page.attendee_count == 1
    assert Registration.objects.get(pk=confirmed[0]).attended is True
    # Through a published revision, in the page's history: the next publish keeps it.
    assert page.live_revision_id == page.latest_revision_id and not page.has_unpublished_changes
    assert page.latest_revision.content["attendee_count"] == 1
    assert page.latest_revision.user is not None
    revisions = page.revisions.count()
    client.post(url, {"action": "attendance", "attended": [str(confirmed[0])]})
    assert page.revisions.count() == revisions, "nothing changed, no new revision"
    page.save_revision().publish()  # an editor publishes again
    assert ForumPage.objects.get(pk=page.pk).attendee_count == 1


def test_attendance_by_someone_who_may_not_publish_goes_into_a_draft(client, data, registrations):
    client.force_login(staff(True))  # an editor with the personal data permission, not a publisher
    event = registrations[0].event
    confirmed = [r.pk for r in registrations if r.status == Status.CONFIRMED]
    response = client.post(
        f"/admin/registrations/manage/event/{event.pk}/", {"action": "attendance", "attended": confirmed}, follow=True
    )
    assert response.status_code == 200
    assert "may not publish" in response.content.decode() or "pas publier" in response.content.decode()
    page = ForumPage.objects.get(pk=data["small"].pk)
    assert page.attendee_count is None and page.get_latest_revision_as_object().attendee_count == len(confirmed)


def test_attendance_by_someone_who_may_not_edit_the_forum_writes_nothing_to_it(client, data, registrations):
    # The personal data permission and access to the admin, but no right on the forum.
    user = get_user_model().objects.create_user("attendance-only", password="x")
    user.user_permissions.add(
        Permission.objects.get(codename="view_personal_data", content_type__app_label="reseau_registrations"),
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
    )
    page = ForumPage.objects.get(pk=data["small"].pk)
    assert not page.permissions_for_user(user).can_edit()
    revisions = page.revisions.count()
    client.force_login(user)
    event = registrations[0].event
    confirmed = [r.pk for r in registrations if r.status == Status.CONFIRMED]
    response = client.post(
        f"/admin/registrations/manage/event/{event.pk}/", {"action": "attendance", "attended": confirmed}, follow=True
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "may not edit the forum" in html or "pas modifier le forum" in html
    assert set(Registration.objects.filter(attended=True).values_list("pk", flat=True)) == set(confirmed)
    page = ForumPage.objects.get(pk=page.pk)
    assert page.revisions.count() == revisions, "no revision in the name of someone who may not edit"
    assert page.attendee_count is None and page.get_latest_revision_as_object().attendee_count is None


def test_attendance_on_a_forum_with_a_draft_goes_into_the_draft(client, data, registrations):
    user = staff(True)
    user.is_superuser = True
    user.save()
    client.force_login(user)
    event = registrations[0].event
    page = ForumPage.objects.get(pk=data["small"].pk)
    page.summary = "Résumé en cours de rédaction"
    page.save_revision()  # the editor's draft, not published
    confirmed = [r.pk for r in registrations if r.status == Status.CONFIRMED]
    response = client.post(
        f"/admin/registrations/manage/event/{event.pk}/", {"action": "attendance", "attended": confirmed}, follow=True
    )
    assert "unpublished changes" in response.content.decode() or "non publiées" in response.content.decode()
    page = ForumPage.objects.get(pk=page.pk)
    assert page.attendee_count is None, "the live page is not changed behind the draft"
    assert page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    assert draft.summary == "Résumé en cours de rédaction", "the editor's draft is kept"
    assert draft.attendee_count == len(confirmed)
    page.get_latest_revision().publish()
    assert ForumPage.objects.get(pk=page.pk).attendee_count == len(confirmed)


def test_a_message_to_all_registrants(client, data, registrations, django_capture_on_commit_callbacks):
    client.force_login(staff(True))
    event = registrations[0].event
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/registrations/manage/event/{event.pk}/",
            {"action": "message", "subject": "Changement de salle", "message": "Rendez-vous salle B."},
        )
    assert sorted(message.to[0] for message in mail.outbox) == ["a0@example.org", "a1@example.org"]
    assert all("salle B" in message.body for message in mail.outbox)


def test_erasing_one_person_on_request(client, data, registrations, django_capture_on_commit_callbacks):
    client.force_login(staff(True))
    person = registrations[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/registrations/manage/erase/{person.pk}/")
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "" and person.email == "" and person.erased_at is not None
    assert Registration.objects.get(pk=registrations[2].pk).status == Status.CONFIRMED, "the waiting one moved up"
    assert not person.emails.exists()
