"""The public views, served as routes of the mentoring pages
(``RoutablePageMixin``): ``answer/`` of an offer or a request, ``request/`` of
the mentoring exchange, and ``report/<token>/`` for a side's closing report."""

import base64
import datetime

from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from ...conf import reseau_settings
from ...core.privacy.links import make_private_token, read_private_token
from ...core.privacy.notifications import notify_moderators
from .forms import ClosingReportForm, SubmissionForm
from .models import Agreement, AgreementStatus, SubmissionKind, SubmissionStatus

FORM_TEMPLATE = "wagtail_reseau/mentoring/submission_form.html"
SIDES = ("mentor", "mentee")


def _render(request, page, template, context, status=200):
    full = page.get_context(request)
    full.update(context)
    full["page"] = page
    response = TemplateResponse(request, template, full, status=status)
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    return response


def _submission_view(request, page, index, kind, answered=None):
    if request.method == "POST":
        form = SubmissionForm(request.POST, request=request, locale=page.locale, kind=kind)
        if form.is_valid():
            submission = form.save(commit=False)
            submission.kind = kind
            submission.index = index
            submission.page = answered
            submission.status = SubmissionStatus.PENDING
            submission.language_code = get_language() or ""
            form.apply_consent(submission)
            with transaction.atomic():
                submission.save()
                form.save_m2m()
                edit = reverse("wagtailsnippets_reseau_mentoring_mentoringsubmission:edit", args=[submission.pk])
                # Once saved for good: nothing is mailed for an entry rolled back.
                transaction.on_commit(lambda: notify_moderators("mentoring", submission, edit))
            return _render(request, page, "wagtail_reseau/mentoring/submission_sent.html", {"kind": kind})
        status = 429 if form.rate_limited else 400
    else:
        form = SubmissionForm(request=request, locale=page.locale, kind=kind)
        status = 200
    return _render(request, page, FORM_TEMPLATE, {"form": form, "kind": kind, "answered": answered}, status=status)


def answer(request, mentoring_page):
    """Answer a published, open offer or request."""
    if not mentoring_page.is_open:
        return _render(request, mentoring_page, "wagtail_reseau/mentoring/closed.html", {}, status=410)
    index = mentoring_page.get_parent()
    return _submission_view(request, mentoring_page, index, SubmissionKind.ANSWER, answered=mentoring_page)


def post_request(request, index):
    """Post a new request on the mentoring exchange."""
    return _submission_view(request, index, index, SubmissionKind.REQUEST)


# -- Private links for the closing reports ----------------------------------------


def report_token(agreement, side, days=None):
    """A side's signed token, in the letters Wagtail's page URLs accept
    (``[\\w-]``: a signature's colons are not), valid ``days`` (setting
    ``WAGTAIL_RESEAU_MENTORING_LINK_DAYS``, 365)."""
    days = days or reseau_settings.MENTORING_LINK_DAYS
    signed = make_private_token(agreement, f"mentoring-{side}", timezone.now() + datetime.timedelta(days=days))
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def agreement_from_token(token):
    """(agreement, side) from a report link, or (None, None)."""
    try:
        signed = base64.urlsafe_b64decode(str(token) + "=" * (-len(str(token)) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None, None
    for side in SIDES:
        agreement = read_private_token(signed, f"mentoring-{side}")
        if isinstance(agreement, Agreement):
            return agreement, side
    return None, None


def closing_report(request, index, token):
    """A side writes its closing report (once the agreement is under way or over)."""
    agreement, side = agreement_from_token(token)
    if agreement is None:
        return _render(request, index, "wagtail_reseau/mentoring/link_expired.html", {}, status=404)
    context = {"agreement": agreement, "side": side}
    if agreement.status not in (AgreementStatus.UNDER_WAY, AgreementStatus.COMPLETED, AgreementStatus.ABANDONED):
        return _render(request, index, "wagtail_reseau/mentoring/report_not_yet.html", context, status=409)
    current = getattr(agreement, f"{side}_report")
    if request.method == "POST":
        form = ClosingReportForm(request.POST)
        if form.is_valid():
            setattr(agreement, f"{side}_report", form.cleaned_data["report"])
            setattr(agreement, f"{side}_reported_at", timezone.now())
            agreement.save(update_fields=[f"{side}_report", f"{side}_reported_at"])
            return _render(request, index, "wagtail_reseau/mentoring/report_sent.html", context)
        status = 400
    else:
        form = ClosingReportForm(initial={"report": current})
        status = 200
    context["form"] = form
    return _render(request, index, "wagtail_reseau/mentoring/report_form.html", context, status=status)
