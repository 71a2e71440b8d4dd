"""The public views: the form's POST (HTML and JSON), the address confirmation,
and the registrant's private page (cancel, their data, the calendar file)."""

import json

from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe
from wagtail.models import Page

from ...conf import reseau_settings
from . import capacity, links
from .forms import RegistrationForm
from .models import RegistrationStatus as Status
from .pages import REQUEST_FORM, describe, page_targets

REFUSALS = {
    "duplicate": gettext_lazy(
        "This e-mail address is already registered for this event. Use the private link in the e-mails you received."
    ),
    "full": gettext_lazy("Sorry, the last places have just been taken and this event has no waiting list."),
}
OUTCOMES = ("pending", "confirmed", "waiting")


def _event_page(page_id):
    """The live, public forum or capsule page, else 404."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    page = page.specific
    if not hasattr(page, "registration_questions"):
        raise Http404
    return page


def _form(request, page, data=None):
    open_targets = [item["target"] for item in describe(page_targets(page)) if item["open"]]
    form = RegistrationForm(data, targets=open_targets, page=page, request=request)
    return form, open_targets


def _submit(request, page, data):
    """Validates and registers. Returns (form, registration or None, refusal code or None)."""
    form, open_targets = _form(request, page, data)
    if not open_targets:
        events = describe(page_targets(page))
        full = any(item["status"] == "open" and item["full"] for item in events)
        form.add_error(None, REFUSALS["full"] if full else _("Registration is not open for this event."))
        return form, None, "full" if full else "closed"
    if not form.is_valid():
        return form, None, None
    target = form.target()
    registration = form.build_registration(language=page.locale.language_code)
    try:
        capacity.register(target, registration, double_opt_in=reseau_settings.REGISTRATION_DOUBLE_OPT_IN)
    except capacity.RegistrationRefused as refusal:
        form.add_error("email" if refusal.code == "duplicate" else None, REFUSALS[refusal.code])
        return form, None, refusal.code
    return form, registration, None


@require_http_methods(["GET", "POST"])
def register(request, page_id):
    page = _event_page(page_id)
    if request.method == "GET":
        return HttpResponseRedirect(page.url + "#registration")
    with translation.override(page.locale.language_code):
        form, registration, refusal = _submit(request, page, request.POST)
        if registration is not None:
            return HttpResponseRedirect(f"{page.url}?registration={registration.status}#registration")
        # The page again, with the form as sent (nothing typed is lost) and its errors.
        setattr(request, REQUEST_FORM, form)
        response = page.serve(request)
        if form.rate_limited:
            response.status_code = 429
        return response


def _field_schema(form, name):
    field = form.fields[name]
    schema = {
        "name": name,
        "label": str(field.label),
        "required": field.required,
        "type": getattr(field.widget, "input_type", None) or field.widget.__class__.__name__.lower(),
        "help_text": str(field.help_text or ""),
    }
    if hasattr(field, "choices"):
        schema["choices"] = [{"value": str(v), "label": str(label)} for v, label in field.choices]
    return schema


def _events_json(page):
    return [
        {
            "key": item["target"].key,
            "title": item["target"].title,
            "start": item["target"].start.isoformat(),
            "status": item["status"],
            "open": item["open"],
            "capacity": item["target"].capacity,
            "places_left": item["places_left"],
            "waiting_list": item["waiting_list"],
        }
        for item in describe(page_targets(page))
    ]


@require_http_methods(["GET", "POST"])
def register_json(request, page_id):
    """GET: the form's fields and the events' places. POST (form-encoded, or a JSON
    object with the same names; CSRF token in X-CSRFToken): 201 with the status, or
    400 with the errors by field (429 when rate limited)."""
    page = _event_page(page_id)
    with translation.override(page.locale.language_code):
        if request.method == "GET":
            form, _targets = _form(request, page)
            return JsonResponse(
                {
                    "events": _events_json(page),
                    "fields": [_field_schema(form, name) for name in form.fields if name != "website"],
                    "consent": {"text": form.consent_statement.text, "version": form.consent_statement.version},
                }
            )
        data = request.POST
        if request.content_type == "application/json":
            try:
                data = json.loads(request.body or b"{}")
            except (ValueError, UnicodeDecodeError):
                return JsonResponse({"errors": {"__all__": [_("The request is not valid JSON.")]}}, status=400)
            if not isinstance(data, dict):
                return JsonResponse({"errors": {"__all__": [_("Send a JSON object.")]}}, status=400)
            data = {k: (v if isinstance(v, list) else str(v if v is not None else "")) for k, v in data.items()}
            data = _as_querydict(data)
        form, registration, refusal = _submit(request, page, data)
        if registration is None:
            status = 429 if form.rate_limited else (409 if refusal in ("duplicate", "full") else 400)
            return JsonResponse({"errors": form.errors_as_dict()}, status=status)
        return JsonResponse(
            {"status": registration.status, "message": str(outcome_message(registration.status))}, status=201
        )


def _as_querydict(data):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, value in data.items():
        if isinstance(value, list):
            query.setlist(key, [str(v) for v in value])
        elif value in ("True", "true"):
            query[key] = "on"
        else:
            query[key] = value
    return query


def outcome_message(status):
    return {
        "pending": _("Almost done: we have sent you an e-mail. Confirm your address with its link to register."),
        "confirmed": _("You are registered. A confirmation has been sent to you by e-mail."),
        "waiting": _("The event is full: you are on the waiting list. We will write to you if a place frees up."),
    }.get(status, "")


def _registration_or_404(token, reader=links.read_private):
    registration = reader(token)
    if registration is None:
        raise Http404(_("This link is not valid or has expired."))
    return registration


def _private_path(registration, token):
    """The private page on this host (a redirect keeps the visitor where they are)."""
    from django.urls import reverse

    with translation.override(registration.language):
        return reverse("reseau_registrations:private", args=[token])


def _event_cancelled(registration):
    from .targets import target_for_event

    target = target_for_event(registration.event)
    return target is not None and target.status() == "cancelled"


def _link_invalid(request):
    return render(request, "wagtail_reseau/registrations/link_invalid.html", status=404)


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET shows a page with a button; only its POST confirms. Mail scanners and
    link previews open the e-mailed link: opening it never changes anything."""
    registration = links.read_confirm(token)
    if registration is None:
        return _link_invalid(request)
    if request.method == "POST":
        registration = capacity.confirm(registration)  # harmless when already done
        return HttpResponseRedirect(_private_path(registration, links.private_token(registration)))
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": registration.event,
            "token": token,
            "pending": registration.status == Status.PENDING,
            "event_cancelled": _event_cancelled(registration),
            "private_url": _private_path(registration, links.private_token(registration)),
            "reseau_standalone": False,
        }
        return render(request, "wagtail_reseau/registrations/confirm.html", context)


def _private_context(registration, token):
    from .targets import target_for_event

    target = target_for_event(registration.event)
    return {
        "registration": registration,
        "event": registration.event,
        "target": target,
        "event_page": target.page if target else None,
        "token": token,
        "show_online_url": bool(target and target.online_url and registration.status == Status.CONFIRMED),
        "certificate_url": certificate_url(registration, token),
        "can_cancel": registration.status != Status.CANCELLED and registration.event.starts_at > timezone.now(),
        "reseau_standalone": False,
    }


def certificate_url(registration, token):
    """The calendars module's certificate view for this registration, if it has one."""
    from django.urls import NoReverseMatch, reverse

    if not registration.attended:
        return None
    try:
        return reverse("reseau_registrations:certificate", args=[token])
    except NoReverseMatch:
        return None


@require_safe
def private(request, token):
    registration = links.read_private(token)
    if registration is None:
        return _link_invalid(request)
    with translation.override(registration.language):
        return render(request, "wagtail_reseau/registrations/private.html", _private_context(registration, token))


@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request, token):
    """GET (a link opened by a mail scanner, a preview, a bookmark) shows the
    private page with its cancel button; only the POST cancels."""
    registration = links.read_private(token)
    if registration is None:
        return _link_invalid(request)
    private_url = _private_path(registration, token)
    if request.method != "POST":
        return HttpResponseRedirect(private_url + "#cancel")
    if registration.event.starts_at <= timezone.now():  # too late: the event has begun
        return HttpResponseRedirect(private_url)
    capacity.cancel(registration)  # harmless when already cancelled
    return HttpResponseRedirect(private_url + "?cancelled=1")


@require_safe
def personal_data(request, token):
    """Everything kept about the registrant, as a JSON download."""
    registration = _registration_or_404(token)
    data = {
        "event": registration.event.title,
        "event_starts_at": registration.event.starts_at.isoformat(),
        "status": registration.status,
        "name": registration.name,
        "email": registration.email,
        "organisation": registration.organisation_label,
        "audience": registration.audience.name if registration.audience_id else None,
        "accessibility_needs": registration.accessibility_needs,
        "accessibility_details": registration.accessibility_details,
        "answers": registration.answers,
        "language": registration.language,
        "attended": registration.attended,
        "created_at": registration.created_at.isoformat(),
        "confirmed_at": registration.confirmed_at.isoformat() if registration.confirmed_at else None,
        "consent": {
            "text": registration.consent_text,
            "version": registration.consent_version,
            "given_at": registration.consented_at.isoformat() if registration.consented_at else None,
        },
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="registration-{registration.pk}.json"'
    return response


@require_safe
def calendar_file(request, token):
    from .emails import calendar_attachment

    registration = _registration_or_404(token)
    attachment = calendar_attachment(registration)
    if attachment is None:
        raise Http404
    response = HttpResponse(attachment[1], content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="event.ics"'
    return response
