"""The public forms' views, served as routes of the practice pages
(``RoutablePageMixin``): ``propose/`` of a practice list, ``reuse/`` of a practice."""

import re

from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ...core.privacy.notifications import notify_moderators
from .forms import ProposalForm, ReuseForm
from .models import Proposal, ProposalStatus, Reuse, ReuseStatus
from .notifications import send_resume_link
from .proposals import proposal_from_token, resume_token, save_proposal, submit

PROPOSAL_TEMPLATE = "wagtail_reseau/contributions/proposal_form.html"
REUSE_TEMPLATE = "wagtail_reseau/contributions/reuse_form.html"


SUBMISSION_KEY = re.compile(r"[0-9A-Za-z_-]{1,64}")


def _render(request, page, template, context, status=200):
    full = page.get_context(request)
    full.update(context)
    full["page"] = page
    response = TemplateResponse(request, template, full, status=status)
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    return response


def proposal_url(index, name, *args):
    return index.url + index.reverse_subpage(name, args=args)


def propose(request, index, token=None):
    """The proposal form; with ``token``, a saved proposal resumed."""
    proposal = None
    if token is not None:
        proposal = proposal_from_token(token)
        if proposal is None or proposal.index_id != index.pk:
            return _render(request, index, "wagtail_reseau/contributions/link_expired.html", {}, status=404)
        if proposal.status != ProposalStatus.DRAFT:
            return HttpResponseRedirect(proposal_url(index, "proposal_sent"))
    if request.method == "POST":
        action = "save" if "save" in request.POST else "submit"
        form = ProposalForm(
            request.POST, request.FILES, request=request, locale=index.locale, draft=action == "save"
        )
        if proposal is None:
            key = (request.POST.get("submission_key") or "")[:64]
            if key and SUBMISSION_KEY.fullmatch(key):  # a key the form made (never a NUL byte for PostgreSQL)
                proposal = Proposal.objects.filter(submission_key=key, index=index).first()
            if proposal is not None and proposal.status != ProposalStatus.DRAFT:
                # Posted twice (a reload, a double click): it was sent already.
                return HttpResponseRedirect(proposal_url(index, "proposal_sent"))
        if form.is_valid():
            try:
                with transaction.atomic():
                    proposal = save_proposal(form, index, proposal)
            except IntegrityError:  # the same form posted twice at the same moment
                return HttpResponseRedirect(proposal_url(index, "proposal_sent"))
            if action == "save":
                url = request.build_absolute_uri(proposal_url(index, "proposal_resume", resume_token(proposal)))
                send_resume_link(proposal, url)
                return _render(
                    request, index, "wagtail_reseau/contributions/proposal_saved.html", {"proposal": proposal}
                )
            submit(proposal)
            return HttpResponseRedirect(proposal_url(index, "proposal_sent"))
        status = 429 if form.rate_limited else 400
    else:
        initial = dict(proposal.data) if proposal is not None else {}
        form = ProposalForm(initial=initial, request=request, locale=index.locale)
        status = 200
    files = list(proposal.files.all()) if proposal is not None else []
    return _render(
        request,
        index,
        PROPOSAL_TEMPLATE,
        {"form": form, "proposal": proposal, "saved_files": files, "form_title": _("Propose a practice")},
        status=status,
    )


def proposal_sent(request, index):
    return _render(request, index, "wagtail_reseau/contributions/proposal_sent.html", {})


def reuse(request, practice):
    """ "We did it too": a reuse entry, pending until a moderator approves it."""
    if request.method == "POST":
        form = ReuseForm(request.POST, request=request, locale=practice.locale)
        if form.is_valid():
            entry = form.save(commit=False)
            entry.practice = practice
            entry.status = ReuseStatus.PENDING
            form.apply_consent(entry)
            with transaction.atomic():
                entry.save()
                edit = reverse("wagtailsnippets_reseau_contributions_reuse:edit", args=[entry.pk])
                # Once saved for good: nothing is mailed for an entry rolled back.
                transaction.on_commit(lambda: notify_moderators("reuse", entry, edit))
            return _render(request, practice, "wagtail_reseau/contributions/reuse_sent.html", {})
        status = 429 if form.rate_limited else 400
    else:
        form = ReuseForm(request=request, locale=practice.locale)
        status = 200
    return _render(request, practice, REUSE_TEMPLATE, {"form": form}, status=status)


def approved_reuses(practice):
    """The practice's approved reuse entries, in every language, newest first."""
    return list(
        Reuse.objects.approved()
        .filter(practice__translation_key=practice.translation_key)
        .select_related("organisation", "territory")
    )
