"""Reminders at the milestones of agreements: on (or after) a milestone's date,
both sides of an active agreement get an e-mail, once (``Milestone.reminded_at``).
Once the agreement is under way, the e-mail carries the side's private link to
its closing report."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import AgreementStatus, Milestone

REMINDED_STATUSES = (AgreementStatus.ACCEPTED, AgreementStatus.UNDER_WAY)


def report_url(agreement, side):
    """The absolute address of a side's closing report form, or "" without a page."""
    from .views import report_token

    page = agreement.request or agreement.offer
    if page is None:
        return ""
    index = page.get_parent().specific
    if not hasattr(index, "reverse_subpage") or not index.full_url:
        return ""
    return index.full_url + index.reverse_subpage("mentoring_report", args=[report_token(agreement, side)])


def due_milestones(today=None):
    today = today or timezone.localdate()
    return (
        Milestone.objects.filter(
            due_on__lte=today,
            reminded_at__isnull=True,
            agreement__status__in=REMINDED_STATUSES,
            agreement__erased_at__isnull=True,
        )
        .select_related("agreement__offer", "agreement__request")
        .order_by("due_on", "pk")
    )


def send_reminders(today=None, dry_run=False):
    """Sends the due reminders; returns the number of milestones reminded."""
    count = 0
    for milestone in due_milestones(today):
        agreement = milestone.agreement
        if not dry_run:
            for side in ("mentor", "mentee"):
                address = getattr(agreement, f"{side}_email")
                if not address:
                    continue
                context = {
                    "agreement": agreement,
                    "milestone": milestone,
                    "name": getattr(agreement, f"{side}_name"),
                    "report_url": report_url(agreement, side) if agreement.status == AgreementStatus.UNDER_WAY else "",
                }
                with translation.override(settings.LANGUAGE_CODE):
                    subject = render_to_string("wagtail_reseau/mentoring/email/reminder_subject.txt", context)
                    body = render_to_string("wagtail_reseau/mentoring/email/reminder.txt", context)
                send_mail(" ".join(subject.split()), body, None, [address])
            milestone.reminded_at = timezone.now()
            milestone.save(update_fields=["reminded_at"])
        count += 1
    return count
