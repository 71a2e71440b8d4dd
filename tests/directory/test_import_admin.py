"""The import and quality views in Wagtail's admin: permission, upload, preview, confirm."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail_reseau import models as m

pytestmark = pytest.mark.django_db
URL = "/admin/reseau/directory/import/"


def upload(client, directory, data, name="orgs.csv", **extra):
    return client.post(
        URL,
        {"action": "preview", "index": directory.pk, "file": SimpleUploadedFile(name, data), **extra},
    )


def test_editors_without_rights_on_a_directory_are_refused(client, directory):
    user = get_user_model().objects.create_user("visitor", "v@example.org", "password")
    group = Group.objects.create(name="Admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    # Wagtail's admin turns PermissionDenied into a redirect to its dashboard.
    response = client.get(URL)
    assert response.status_code in (302, 403) and "Import organisations" not in response.content.decode()


def test_upload_preview_then_confirm(admin_client, directory, vocab):
    page = admin_client.get(URL)
    assert page.status_code == 200 and "Import organisations" in page.content.decode()
    data = b"title;siret;organisation_type\nCentre Admin;73282932000074;CS\nMauvais;123;CS\n"
    response = upload(admin_client, directory, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Centre Admin" in html and "Refused" in html and 'name="token"' not in html
    assert not m.OrganisationPage.objects.filter(title="Centre Admin").exists()

    response = upload(admin_client, directory, b"title;organisation_type\nCentre Admin;CS\n", publish="on")
    html = response.content.decode()
    assert 'name="token"' in html and "Import and publish" in html
    token = html.split('name="token" value="')[1].split('"')[0]
    response = admin_client.post(URL, {"action": "confirm", "token": token})
    assert response.status_code == 302
    assert m.OrganisationPage.objects.get(title="Centre Admin").live
    # The same token cannot import twice.
    response = admin_client.post(URL, {"action": "confirm", "token": token}, follow=True)
    assert "expired" in response.content.decode()
    assert m.OrganisationPage.objects.filter(title="Centre Admin").count() == 1


@pytest.mark.parametrize(
    ("data", "name"),
    [(b"", "empty.csv"), (b"PK\x03\x04broken", "broken.xlsx"), (b"%PDF-1.4", "doc.pdf"), (b"a;b\n1;2\n", "x.csv")],
)
def test_bad_files_are_explained_never_a_server_error(admin_client, directory, data, name):
    response = upload(admin_client, directory, data, name)
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_quality_report_lists_weakest_first(admin_client, social_centre, federation):
    response = admin_client.get("/admin/reseau/directory/quality/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Fédération régionale Occitanie") < html.index("Centre social des Izards")
    assert "the SIRET" in html
