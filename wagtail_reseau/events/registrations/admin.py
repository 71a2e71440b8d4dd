"""Staff views beside the listings (wagtail_hooks.py): one event's registrants,
with attendance marking and a message to all of them, and the erasure of one
person. Every view needs the ``view_personal_data`` permission."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin import messages

from ...core.privacy.permissions import can_view_personal_data
from . import capacity, emails
from .models import Registration, RegistrationEvent
from .models import RegistrationStatus as Status


def require_personal_data(request):
    if not can_view_personal_data(request.user, Registration):
        raise PermissionDenied


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 6}))
    include_waiting = forms.BooleanField(label=_("Also to people on the waiting list"), required=False)


ATTENDANCE_DRAFT_MESSAGES = {
    "draft": _(
        "The forum has unpublished changes: its number of attendees is saved in that draft "
        "and shows once the draft is published."
    ),
    "draft_to_publish": _(
        "You may not publish the forum: its number of attendees is saved in a draft "
        "and shows once an editor publishes it."
    ),
    "not_allowed": _(
        "You may not edit the forum: its number of attendees is not updated. "
        "Someone who may edit it can save the attendance again to update it."
    ),
}


def attendee_count(event):
    return event.registrations.filter(attended=True).count()


def update_forum_attendance(event, user=None):
    """Fills the forum's "number of attendees" from the attendance marked, through a
    revision (in the page's history, never a silent change of the live row that an
    editor's next publish would undo): published at once when the page has no
    unpublished changes; otherwise put on a new revision of the editor's draft, which
    carries it when it is published; a person who may not publish the page saves it
    in a draft for an editor to publish; a person who may not even edit the page
    writes nothing to it (no revision in their name). Returns "published", "draft",
    "draft_to_publish", "not_allowed" or None (nothing to change)."""
    if not event.forum_id:
        return None
    from ..forums import ForumPage

    page = ForumPage.objects.filter(pk=event.forum_id).first()
    if page is None:
        return None
    count = attendee_count(event)
    permissions = page.permissions_for_user(user) if user is not None else None
    may_publish = permissions is None or permissions.can_publish()
    if page.live and not page.has_unpublished_changes and may_publish:
        if page.attendee_count == count:
            return None
        page.attendee_count = count
        page.save_revision(user=user, clean=False, log_action=True).publish(
            user=user, skip_permission_checks=user is None
        )
        return "published"
    draft = page.get_latest_revision_as_object()
    if draft.attendee_count == count:
        return None
    if permissions is not None and not permissions.can_edit():
        return "not_allowed"
    draft.attendee_count = count
    draft.save_revision(user=user, clean=False, log_action=True)
    return "draft" if may_publish else "draft_to_publish"


def event_view(request, pk):
    """Registrants of one event: attendance checkboxes, the message form."""
    require_personal_data(request)
    event = get_object_or_404(RegistrationEvent, pk=pk)
    registrations = event.registrations.filter(erased_at__isnull=True).exclude(status=Status.CANCELLED)
    message_form = MessageForm()
    if request.method == "POST" and request.POST.get("action") == "attendance":
        present = {int(pk) for pk in request.POST.getlist("attended") if pk.isdigit()}
        with transaction.atomic():
            for registration in registrations.filter(status=Status.CONFIRMED):
                attended = registration.pk in present
                if registration.attended != attended:
                    registration.attended = attended
                    registration.save(update_fields=["attended"])
            saved_on = update_forum_attendance(event, user=request.user)
        messages.success(request, _("Attendance saved."))
        if saved_on in ATTENDANCE_DRAFT_MESSAGES:
            messages.warning(request, ATTENDANCE_DRAFT_MESSAGES[saved_on])
        return redirect("reseau_registrations_admin:event", pk=event.pk)
    if request.method == "POST" and request.POST.get("action") == "message":
        message_form = MessageForm(request.POST)
        if message_form.is_valid():
            statuses = [Status.CONFIRMED] + ([Status.WAITING] if message_form.cleaned_data["include_waiting"] else [])
            count = 0
            with transaction.atomic():
                for registration in registrations.filter(status__in=statuses):
                    emails.queue(
                        registration,
                        "message",
                        {
                            "subject": message_form.cleaned_data["subject"],
                            "message": message_form.cleaned_data["message"],
                        },
                    )
                    count += 1
            messages.success(
                request,
                ngettext("Message sent to %(count)d person.", "Message sent to %(count)d people.", count)
                % {"count": count},
            )
            return redirect("reseau_registrations_admin:event", pk=event.pk)
    counts = event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=Status.WAITING)),
        pending=Count("pk", filter=Q(status=Status.PENDING)),
        attended=Count("pk", filter=Q(attended=True)),
    )
    return TemplateResponse(
        request,
        "wagtail_reseau/registrations/admin/event.html",
        {
            "event": event,
            "registrations": registrations.select_related("organisation", "audience"),
            "counts": counts,
            "places_left": capacity.places_left(event),
            "message_form": message_form,
            "listing_url": reverse("reseau_registrations_list:index") + f"?event={event.pk}",
        },
    )


def erase_view(request, pk):
    """Erases one person's data on request (the row stays, anonymous, for counts)."""
    require_personal_data(request)
    registration = get_object_or_404(Registration, pk=pk)
    if request.method == "POST":
        if registration.status in (Status.CONFIRMED, Status.WAITING, Status.PENDING):
            capacity.cancel(registration)  # frees the place; the first person waiting gets it
            registration.refresh_from_db()
        registration.erase()
        messages.success(request, _("The person's data has been erased."))
        return redirect("reseau_registrations_admin:event", pk=registration.event_id)
    return TemplateResponse(request, "wagtail_reseau/registrations/admin/erase.html", {"registration": registration})
