"""What a forum or capsule page shows of registration: each event's state and
places left, and the form (blank, or as the visitor sent it back with errors).
``ForumPage.get_context`` and ``TrainingCapsulePage.get_context`` call
``registration_context`` when this app is installed."""

from django.db.models import Count, Q
from django.urls import reverse

from .forms import RegistrationForm
from .models import RegistrationEvent
from .models import RegistrationStatus as Status
from .targets import NOT_OPEN_MESSAGES, EventTarget

#: The request attribute through which the POST view hands its bound form to the page.
REQUEST_FORM = "reseau_registration_form"
REQUEST_OUTCOME = "reseau_registration_outcome"


def page_targets(page):
    """The events of a page: the forum itself, or a capsule's upcoming sessions."""
    if hasattr(page, "get_upcoming_sessions"):
        return [EventTarget(session) for session in page.get_upcoming_sessions()]
    return [EventTarget(page)]


def places_by_key(targets):
    """{key: places left or None (no limit)}, in one query."""
    events = RegistrationEvent.objects.filter(key__in=[t.key for t in targets]).annotate(
        confirmed=Count("registrations", filter=Q(registrations__status=Status.CONFIRMED))
    )
    confirmed = {event.key: event.confirmed for event in events}
    return {t.key: None if t.capacity is None else max(0, t.capacity - confirmed.get(t.key, 0)) for t in targets}


def describe(targets):
    """One dict per event: target, status, message, places left, full, can register."""
    places = places_by_key(targets)
    described = []
    for target in targets:
        status = target.status()
        left = places[target.key]
        full = left == 0
        described.append(
            {
                "target": target,
                "status": status,
                "message": NOT_OPEN_MESSAGES.get(status, ""),
                "places_left": left,
                "full": full,
                "waiting_list": target.waiting_list,
                "open": status == "open" and not (full and not target.waiting_list),
            }
        )
    return described


def registration_context(page, request):
    targets = page_targets(page)
    events = describe(targets)
    open_targets = [item["target"] for item in events if item["open"]]
    form = getattr(request, REQUEST_FORM, None) if request is not None else None
    if form is None and open_targets:
        form = RegistrationForm(targets=open_targets, page=page, request=request)
    return {
        "events": events,
        # A form sent back (with its errors) is shown even if the event just filled up.
        "form": form if (open_targets or getattr(request, REQUEST_FORM, None) is not None) else None,
        "action": reverse("reseau_registrations:register", args=[page.pk]),
        "outcome": getattr(request, REQUEST_OUTCOME, None) or (request.GET.get("registration") if request else None),
    }
