"""Certificates and the sign-in sheet, as views.

- ``private_certificate``: the registrant's own certificate, from their private
  link, once their attendance is marked (a path for ``urls.py``);
- staff views (``admin_urlpatterns``, under the Wagtail admin, each needing the
  ``view_personal_data`` permission): one person's certificate, every attendee's
  certificates as a ZIP or one PDF, and a printable sign-in sheet of an event."""

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, path, reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ...core.collation import collation_key
from ...core.privacy.permissions import can_view_personal_data
from . import certificates, links
from .models import Registration, RegistrationEvent, RegistrationStatus


def _pdf_response(data, filename):
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _unavailable(request, error):
    return HttpResponse(
        _("Certificates cannot be produced on this site for now.") + "\n",
        status=503,
        content_type="text/plain; charset=utf-8",
    )


@require_safe
def private_certificate(request, token):
    """The registrant's certificate (404 before attendance is marked)."""
    registration = links.read_private(token)
    if registration is None or not certificates.is_eligible(registration):
        raise Http404(_("No certificate for this link."))
    try:
        data = certificates.certificate_pdf(registration)
    except ImproperlyConfigured as error:
        return _unavailable(request, error)
    with translation.override(registration.language or None):
        filename = certificates.certificate_filename(registration)
    return _pdf_response(data, filename)


def _require_personal_data(request):
    if not can_view_personal_data(request.user, Registration):
        raise PermissionDenied


@require_safe
def staff_certificate(request, pk):
    _require_personal_data(request)
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk)
    if not certificates.is_eligible(registration):
        raise Http404(_("This person's attendance is not marked."))
    try:
        data = certificates.certificate_pdf(registration)
    except ImproperlyConfigured as error:
        return _unavailable(request, error)
    return _pdf_response(data, certificates.certificate_filename(registration))


@require_safe
def staff_certificates(request, pk):
    """Every attendee's certificate: a ZIP of PDFs, or ``?format=pdf`` one PDF to print."""
    _require_personal_data(request)
    event = get_object_or_404(RegistrationEvent, pk=pk)
    if not certificates.attendees(event):
        raise Http404(_("No attendance is marked for this event yet."))
    stem = f"{_('certificates')}-{slugify(event.title)[:60] or event.pk}"
    try:
        if request.GET.get("format") == "pdf":
            return _pdf_response(certificates.certificates_pdf(event), f"{stem}.pdf")
        data = certificates.certificates_zip(event)
    except ImproperlyConfigured as error:
        return _unavailable(request, error)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{stem}.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def sign_in_sheet(request, pk):
    """A printable list of the confirmed registrants, with a column to sign."""
    _require_personal_data(request)
    event = get_object_or_404(RegistrationEvent, pk=pk)
    registrations = sorted(
        event.registrations.filter(status=RegistrationStatus.CONFIRMED, erased_at__isnull=True).select_related(
            "organisation"
        ),
        key=lambda registration: collation_key(registration.name),
    )
    blank_rows = max(0, min(int(request.GET["blank"]), 100)) if request.GET.get("blank", "").isdigit() else 5
    response = render(
        request,
        "wagtail_reseau/events/sign_in_sheet.html",
        {
            "event": event,
            "registrations": registrations,
            "blank_rows": range(blank_rows),
            "certificates_available": bool(certificates.attendees(event)),
            "back_url": _reverse("reseau_registrations_admin:event", event.pk),
            "certificates_url": _reverse(f"{ADMIN_NAMESPACE}:certificates", event.pk),
        },
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _reverse(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


#: Staff addresses, for the registrations app's ``register_admin_urls`` hook:
#: ``path("registrations/documents/", include((admin_urlpatterns, ADMIN_NAMESPACE)))``.
ADMIN_NAMESPACE = "reseau_registration_documents"
admin_urlpatterns = [
    path("event/<int:pk>/sign-in-sheet/", sign_in_sheet, name="sign_in_sheet"),
    path("event/<int:pk>/certificates/", staff_certificates, name="certificates"),
    path("registration/<int:pk>/certificate/", staff_certificate, name="certificate"),
]
