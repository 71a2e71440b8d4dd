"""Admin views: suggested pairs (and making an agreement of one), and the
federation's report of agreements (with its CSV export)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..models import MentoringDirection, MentoringPage
from .matching import suggest_pairs
from .models import Agreement, AgreementStatus, MentoringSubmission, SubmissionKind, SubmissionStatus
from .report import agreements_csv_response, report_tables

ADD = "reseau_mentoring.add_agreement"
VIEW = "reseau_mentoring.view_agreement"
CHANGE = "reseau_mentoring.change_agreement"


def _require(request, *perms):
    if not any(request.user.has_perm(perm) for perm in perms):
        raise PermissionDenied


def suggestions_view(request):
    _require(request, ADD)
    include_zero = request.GET.get("all") == "1"
    context = {"suggestions": suggest_pairs(limit=100, include_zero=include_zero), "include_zero": include_zero}
    return TemplateResponse(request, "wagtail_reseau/mentoring/admin/suggestions.html", context)


@require_POST
def make_agreement_view(request):
    """Makes a proposed agreement of an offer and a request (contacts copied from the pages)."""
    _require(request, ADD)
    offer_id, request_id = request.POST.get("offer", ""), request.POST.get("request", "")
    if not (offer_id.isascii() and offer_id.isdigit() and request_id.isascii() and request_id.isdigit()):
        raise Http404
    offer = get_object_or_404(MentoringPage, pk=int(offer_id), direction=MentoringDirection.OFFER)
    wanted = get_object_or_404(MentoringPage, pk=int(request_id), direction=MentoringDirection.REQUEST)
    agreement, created = Agreement.objects.get_or_create(
        offer=offer,
        request=wanted,
        defaults={
            "status": AgreementStatus.PROPOSED,
            "objectives": wanted.summary,
            "mentor_name": offer.contact_name,
            "mentor_email": offer.contact_email,
            "mentee_name": wanted.contact_name,
            "mentee_email": wanted.contact_email,
        },
    )
    if created:
        messages.success(
            request, _("Agreement proposed: %(agreement)s. Set its objectives and dates.") % {"agreement": agreement}
        )
    else:
        messages.warning(request, _("These two already have an agreement."))
    return redirect("wagtailsnippets_reseau_mentoring_agreement:edit", agreement.pk)


@require_POST
def agreement_from_answer_view(request, pk):
    """Makes a proposed agreement of an approved answer: the offer answered and the
    organisation that answered (or the request answered and the organisation that
    offered its support), with both contacts; once per answer."""
    _require(request, ADD)
    answers = MentoringSubmission.objects.filter(
        kind=SubmissionKind.ANSWER, status=SubmissionStatus.APPROVED, page__isnull=False
    )
    try:
        with transaction.atomic():
            # Locks the answer (PostgreSQL) so that two clicks at once wait for each
            # other; the unique constraint on ``submission`` stops a second one anyway.
            submission = get_object_or_404(answers.select_for_update(), pk=pk)
            existing = submission.agreements.order_by("pk").first()
            if existing is None:
                agreement = _agreement_from_answer(submission)
    except IntegrityError:  # made by a click at the same time
        existing = Agreement.objects.filter(submission_id=pk).order_by("pk").first()
        if existing is None:
            raise
    if existing is not None:
        messages.warning(
            request, _("An agreement was already made from this answer: %(agreement)s.") % {"agreement": existing}
        )
        return redirect("wagtailsnippets_reseau_mentoring_agreement:edit", existing.pk)
    messages.success(
        request, _("Agreement proposed: %(agreement)s. Set its objectives and dates.") % {"agreement": agreement}
    )
    return redirect("wagtailsnippets_reseau_mentoring_agreement:edit", agreement.pk)


def _agreement_from_answer(submission):
    agreement = Agreement(submission=submission, status=AgreementStatus.PROPOSED, objectives=submission.message)
    page = submission.page
    if page.direction == MentoringDirection.OFFER:
        agreement.offer = page
        agreement.mentor_name, agreement.mentor_email = page.contact_name, page.contact_email
        agreement.mentee_name, agreement.mentee_email = submission.contact_name, submission.contact_email
    else:
        agreement.request = page
        agreement.mentee_name, agreement.mentee_email = page.contact_name, page.contact_email
        agreement.mentor_name, agreement.mentor_email = submission.contact_name, submission.contact_email
    agreement.save()
    return agreement


def report_view(request):
    _require(request, VIEW, CHANGE, ADD)
    if request.GET.get("format") == "csv":
        return agreements_csv_response()
    return TemplateResponse(request, "wagtail_reseau/mentoring/admin/report.html", report_tables())
