"""The practices' import in the admin: refused without the right, dry-run preview then confirm."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail_reseau import models as m

pytestmark = pytest.mark.django_db
URL = "wagtail_reseau_import_practices"


def test_editors_without_rights_are_refused(client, practices):
    user = get_user_model().objects.create_user("reader", "reader@example.org", "password")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail's admin turns PermissionDenied into a redirect to its dashboard.
    response = client.get(reverse(URL))
    assert response.status_code in (302, 403) and "Check the file" not in response.content.decode()
    response = client.post(reverse(URL), {"action": "confirm", "token": "x"})
    assert response.status_code in (302, 403)
    assert not m.GoodPracticePage.objects.exists()


def test_upload_preview_then_confirm(admin_client, practices, vocab):
    data = "titre;identifiant;domaines\nJardin partagé;BP-1;sante\nSans domaine;BP-2;Inconnu\n".encode()
    upload = SimpleUploadedFile("p.csv", data, content_type="text/csv")
    response = admin_client.post(reverse(URL), {"action": "preview", "index": practices.pk, "file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "No domain of action is called “Inconnu”" in html
    assert 'name="token"' not in html  # a refused row: nothing to confirm
    assert not m.GoodPracticePage.objects.exists()

    upload = SimpleUploadedFile("p.csv", data.split(b"Sans")[0], content_type="text/csv")
    response = admin_client.post(reverse(URL), {"action": "preview", "index": practices.pk, "file": upload})
    assert response.status_code == 200
    token = response.context["token"]
    assert token and not m.GoodPracticePage.objects.exists()
    response = admin_client.post(reverse(URL), {"action": "confirm", "token": token})
    assert response.status_code == 302
    page = m.GoodPracticePage.objects.get(external_id="BP-1")
    assert not page.live and page.get_parent().pk == practices.pk
    # The token is spent.
    response = admin_client.post(reverse(URL), {"action": "confirm", "token": token})
    assert response.status_code == 302 and m.GoodPracticePage.objects.count() == 1


def test_the_preview_refuses_practices_the_editor_may_not_edit(client, practices):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission

    from tests.conftest import publish

    theirs = publish(practices, m.GoodPracticePage(title="Jardin partagé", slug="jardin", external_id="BP-1"))
    user = get_user_model().objects.create_user("editor", "editor@example.org", "password")
    group = Group.objects.create(name="Import editors")
    from django.contrib.auth.models import Permission

    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=group, page=practices, permission_type="add")
    user.groups.add(group)
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the admin's messages, read in English
    profile.save()
    client.force_login(user)
    upload = SimpleUploadedFile("p.csv", "titre;identifiant\nÉcrasée;BP-1\n".encode(), content_type="text/csv")
    response = client.post(reverse(URL), {"action": "preview", "index": practices.pk, "file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "You may not edit this practice." in html and 'name="token"' not in html
    theirs.refresh_from_db()
    assert theirs.title == "Jardin partagé"


def test_a_corrupt_xlsx_is_explained_never_a_server_error(admin_client, practices):
    from tests.directory.test_import_files import corrupt_xlsx

    upload = SimpleUploadedFile("p.xlsx", corrupt_xlsx(), content_type="application/octet-stream")
    response = admin_client.post(reverse(URL), {"action": "preview", "index": practices.pk, "file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html and "not a valid XLSX spreadsheet" in html


def test_errors_about_the_whole_file_are_one_alert(admin_client, practices):
    from tests.directory.test_import_files import file_errors_alerts

    added, alert = file_errors_alerts(admin_client, reverse(URL), "wagtail_reseau/admin/import_practices.html")
    assert added == 1
    assert "Première erreur." in alert and "Seconde erreur." in alert
