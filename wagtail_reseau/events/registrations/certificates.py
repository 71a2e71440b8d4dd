"""Attendance certificates as PDF, drawn by WeasyPrint from an overridable HTML
template (``wagtail_reseau/events/certificate.html``), in the registrant's language.

``certificate_pdf(registration)``: the PDF of one person whose attendance is
marked; ``certificates_zip(event)``: a ZIP of every attendee's PDF, for staff;
``certificates_pdf(event)``: the same as one PDF, a page per attendee (to print).
WeasyPrint is the ``certificates`` extra (``pip install wagtail-reseau[certificates]``)
and needs the Pango system library."""

import io
import zipfile

from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import RegistrationStatus

TEMPLATE = "wagtail_reseau/events/certificate.html"


class NotAnAttendee(Exception):
    """A certificate was asked for someone whose attendance is not marked."""


def _weasyprint():
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: the package is there, Pango is not
        raise ImproperlyConfigured(
            "Attendance certificates need WeasyPrint and the Pango library: "
            "pip install 'wagtail-reseau[certificates]' (see docs/calendars.md). " + str(error)
        ) from error
    return weasyprint


def is_eligible(registration):
    """A certificate exists for a confirmed registrant marked present, not erased."""
    return bool(
        registration.attended
        and registration.erased_at is None
        and registration.status == RegistrationStatus.CONFIRMED
    )


def attendees(event):
    """The registrations of ``event`` (a ``RegistrationEvent``) that have a certificate."""
    return [
        registration
        for registration in event.registrations.filter(
            attended=True, erased_at__isnull=True, status=RegistrationStatus.CONFIRMED
        ).select_related("organisation", "event")
        if is_eligible(registration)
    ]


def _site_name(page):
    """The site's name in the active language, as the pages show it."""
    from ...templatetags.reseau_i18n import reseau_site_name

    site = page.get_site() if page is not None else None
    if site is None:
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
    return reseau_site_name({"current_site": site}) if site else ""


def _duration_hours(target):
    """Hours of training: the capsule's stated duration; a forum's, from its times."""
    if target is None:
        return None
    if target.is_session:
        return target.page.duration_hours
    if target.obj.end:
        seconds = (target.obj.end - target.obj.start).total_seconds()
        return round(seconds / 3600, 1) if seconds > 0 else None
    return None


def _trainers(target):
    """Names of the trainers (a session) or of the experts and speakers (a forum)."""
    if target is None:
        return []
    if target.is_session:
        return [trainer.person.name for trainer in target.page.trainers.select_related("person")]
    return [contributor.person.name for contributor in target.obj.contributors.select_related("person")]


def certificate_context(registration):
    """What the template receives (in the active language)."""
    from .targets import target_for_event

    event = registration.event
    target = target_for_event(event)
    page = target.page if target is not None else None
    hours = _duration_hours(target)
    return {
        "registration": registration,
        "attendee_name": registration.name,
        "organisation": registration.organisation_label,
        "event": event,
        "event_title": page.title if page is not None else event.title,
        # "session", "forum" or "workshop": the template words each its own way.
        "event_kind": (
            "session" if target is not None and target.is_session else getattr(page, "kind", "forum") or "forum"
        ),
        "starts_at": timezone.localtime(event.starts_at),
        "ends_at": timezone.localtime(event.ends_at) if event.ends_at else None,
        "place": event.place,
        "duration_hours": hours,
        "trainers": _trainers(target),
        "trainers_are_speakers": target is not None and not target.is_session,
        "federation_name": _site_name(page),
        "issued_on": timezone.localdate(),
        "reference": f"{event.key}-{registration.pk}",
        "page": page,
    }


def certificate_html(registration):
    with translation.override(registration.language or None):
        return render_to_string(TEMPLATE, certificate_context(registration))


def certificate_pdf(registration):
    """The PDF (bytes) of one attendee's certificate. Raises ``NotAnAttendee`` if
    their attendance is not marked (or they cancelled, or were erased)."""
    if not is_eligible(registration):
        raise NotAnAttendee(registration.pk)
    weasyprint = _weasyprint()
    return weasyprint.HTML(string=certificate_html(registration)).write_pdf()


def certificate_filename(registration):
    name = slugify(registration.name) or str(registration.pk)
    return f"{_('certificate')}-{slugify(registration.event.title)[:60]}-{name}.pdf"


def certificates_zip(event):
    """A ZIP (bytes) of the certificates of every attendee of ``event``."""
    buffer = io.BytesIO()
    used = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for registration in attendees(event):
            filename = certificate_filename(registration)
            if filename in used:
                filename = filename.replace(".pdf", f"-{registration.pk}.pdf")
            used.add(filename)
            archive.writestr(filename, certificate_pdf(registration))
    return buffer.getvalue()


def certificates_pdf(event):
    """One PDF (bytes) with a page per attendee of ``event``, or None if none."""
    weasyprint = _weasyprint()
    documents = []
    for registration in attendees(event):
        documents.append(weasyprint.HTML(string=certificate_html(registration)).render())
    if not documents:
        return None
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf()
