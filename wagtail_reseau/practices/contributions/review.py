"""The files of a proposal waiting for moderation, in the admin, for the people
who review it: they stay in private storage (no public address), and only
reviewers may list and download them, so that nobody approves a file unseen
(approval publishes them)."""

import os

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Proposal, ProposalFile

PERSONAL = "reseau_contributions.view_personal_data"


def can_review(user, proposal):
    """Whether ``user`` may see the proposal's files: the personal data
    permission of the sub-app, or the right to edit or publish its draft page,
    or to act on the draft's current workflow task."""
    if not (user.is_active and user.is_authenticated):
        return False
    if user.is_superuser or user.has_perm(PERSONAL):
        return True
    page = proposal.page.specific if proposal.page_id else None
    if page is None:
        return False
    permissions = page.permissions_for_user(user)
    if permissions.can_edit() or permissions.can_publish():
        return True
    task = page.current_workflow_task
    return bool(task is not None and task.get_actions(page, user))


def files_url(proposal):
    return reverse("reseau_contributions_proposal_files", args=[proposal.pk])


def pending_files(proposal):
    return list(proposal.files.filter(document__isnull=True).exclude(file="").order_by("pk"))


def proposal_files(request, proposal_id):
    """The list of a proposal's files still in private storage."""
    proposal = get_object_or_404(Proposal.objects.select_related("page"), pk=proposal_id)
    if not can_review(request.user, proposal):
        raise PermissionDenied
    title = _("Files of the proposal “%(title)s”") % {"title": proposal}
    response = TemplateResponse(
        request,
        "wagtail_reseau/contributions/admin/proposal_files.html",
        {
            "proposal": proposal,
            "files": pending_files(proposal),
            "published": list(proposal.files.filter(document__isnull=False).select_related("document")),
            "page_title": title,
            "header_title": title,
            "header_icon": "doc-full",
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response


def proposal_file(request, proposal_id, file_id):
    """One file, downloaded (never shown inline: it comes from the public)."""
    stored = get_object_or_404(
        ProposalFile.objects.select_related("proposal__page"), pk=file_id, proposal_id=proposal_id
    )
    if not can_review(request.user, stored.proposal):
        raise PermissionDenied
    if not stored.file:
        raise Http404
    try:
        handle = stored.file.open("rb")
    except OSError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=os.path.basename(stored.original_name) or "file",
        content_type="application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def header_buttons(page, user, view_name=None, next_url=None):
    """``register_page_header_buttons``: *Proposed files (2)* on the draft page
    of a proposal, for its reviewers."""
    from wagtail.admin.widgets import Button

    if page.live or page.pk is None:
        return []
    proposal = Proposal.objects.filter(page_id=page.pk).select_related("page").first()
    if proposal is None:
        return []
    count = len(pending_files(proposal))
    if not count or not can_review(user, proposal):
        return []
    label = _("Proposed files (%(count)s)") % {"count": count}
    return [Button(label, files_url(proposal), icon_name="doc-full", priority=80)]
