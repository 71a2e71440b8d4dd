"""Attendance certificates (PDF by WeasyPrint) and the printable sign-in sheet."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory
from pypdf import PdfReader

from wagtail_reseau.events.registrations import certificate_views, certificates, links
from wagtail_reseau.events.registrations.capacity import event_for
from wagtail_reseau.events.registrations.models import Registration, RegistrationStatus
from wagtail_reseau.events.registrations.targets import EventTarget

from tests.events.calendar_data import build_events, module_data

pytestmark = pytest.mark.django_db


def build():
    data = build_events()
    session_event = event_for(EventTarget(data["session"]))
    forum_event = event_for(EventTarget(data["health"]))

    def register(event, name, attended, status=RegistrationStatus.CONFIRMED, language="fr", **fields):
        return Registration.objects.create(
            event=event, name=name, email=f"{name.split()[0].lower()}@example.org", status=status,
            attended=attended, language=language, **fields,
        )

    data["session_event"] = session_event
    data["forum_event"] = forum_event
    data["zoe"] = register(session_event, "Zoé Lefèvre", True, organisation_name="Centre social des Izards")
    data["adam"] = register(session_event, "Adam Martin", True, language="en")
    data["absent"] = register(session_event, "Bruno Absent", False)
    data["unmarked"] = register(session_event, "Chloé Inconnue", None)
    data["waiting"] = register(session_event, "Dina Attente", None, status=RegistrationStatus.WAITING)
    data["cancelled"] = register(session_event, "Éric Annulé", True, status=RegistrationStatus.CANCELLED)
    data["speaker_forum"] = register(forum_event, "Farid Forum", True)
    return data


@pytest.fixture(scope="module")
def data(django_db_setup, django_db_blocker):
    with module_data(django_db_blocker, build) as built:
        yield built


def pdf_text(pdf):
    assert pdf.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_certificate_of_an_attendee(data):
    text = pdf_text(certificates.certificate_pdf(data["adam"]))
    assert "Adam Martin" in text
    assert "Attendance certificate" in text
    assert "Animer une réunion" in text
    assert "Claire Dubreuil" in text  # the trainer
    assert "6 hours" in text  # the capsule's duration
    assert "Albi" in text
    assert data["home"].title in text or "localhost" in text  # the site's name
    french = pdf_text(certificates.certificate_pdf(data["zoe"]))
    assert "Zoé Lefèvre" in french and "Centre social des Izards" in french


def test_forum_certificate_names_its_speakers_and_hours(data):
    text = pdf_text(certificates.certificate_pdf(data["speaker_forum"]))
    assert "Farid Forum" in text and "Forum sante" in text
    assert "8" in text  # 9:00 to 17:00


@pytest.mark.parametrize("who", ["absent", "unmarked", "waiting", "cancelled"])
def test_no_certificate_without_attendance(data, who):
    with pytest.raises(certificates.NotAnAttendee):
        certificates.certificate_pdf(data[who])


def test_bulk_certificates(data):
    archive = zipfile.ZipFile(io.BytesIO(certificates.certificates_zip(data["session_event"])))
    names = archive.namelist()
    assert len(names) == 2
    texts = [pdf_text(archive.read(name)) for name in names]
    assert any("Zoé Lefèvre" in text for text in texts) and any("Adam Martin" in text for text in texts)
    combined = PdfReader(io.BytesIO(certificates.certificates_pdf(data["session_event"])))
    assert len(combined.pages) == 2


# -- Views ---------------------------------------------------------------------------


@pytest.fixture
def staff(data):
    user = get_user_model().objects.create_user("secretariat", password="x", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_personal_data", content_type__app_label="reseau_registrations"),
    )
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def editor(data):
    user = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def request_as(user, querystring=""):
    request = RequestFactory().get("/admin/x/" + querystring)
    request.user = user
    return request


def test_staff_views_need_the_personal_data_permission(data, editor):
    event = data["session_event"]
    for view, pk in (
        (certificate_views.sign_in_sheet, event.pk),
        (certificate_views.staff_certificates, event.pk),
        (certificate_views.staff_certificate, data["adam"].pk),
    ):
        with pytest.raises(PermissionDenied):
            view(request_as(editor), pk)


def test_sign_in_sheet(data, staff):
    response = certificate_views.sign_in_sheet(request_as(staff), data["session_event"].pk)
    assert response.status_code == 200
    html = response.content.decode()
    # Confirmed registrants only, sorted by name whatever the accents.
    names = ["Adam Martin", "Bruno Absent", "Chloé Inconnue", "Zoé Lefèvre"]
    positions = [html.index(name) for name in names]
    assert positions == sorted(positions)
    assert "Dina Attente" not in html and "Éric Annulé" not in html
    assert "@media print" in html
    assert "Centre social des Izards" in html
    assert html.count('<td class="signature">') == 4 + 5  # and five blank lines


def test_staff_downloads(data, staff):
    response = certificate_views.staff_certificates(request_as(staff), data["session_event"].pk)
    assert response["Content-Type"] == "application/zip"
    assert len(zipfile.ZipFile(io.BytesIO(response.content)).namelist()) == 2
    response = certificate_views.staff_certificates(request_as(staff, "?format=pdf"), data["session_event"].pk)
    assert response["Content-Type"] == "application/pdf"
    response = certificate_views.staff_certificate(request_as(staff), data["zoe"].pk)
    assert "Zoé Lefèvre" in pdf_text(response.content)
    with pytest.raises(Http404):
        certificate_views.staff_certificate(request_as(staff), data["absent"].pk)


def test_private_certificate_once_attendance_is_marked(data):
    anonymous = RequestFactory().get("/")
    response = certificate_views.private_certificate(anonymous, links.private_token(data["zoe"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Cache-Control"] == "private, no-store"
    with pytest.raises(Http404):
        certificate_views.private_certificate(anonymous, links.private_token(data["unmarked"]))
    with pytest.raises(Http404):
        certificate_views.private_certificate(anonymous, "not-a-token")
