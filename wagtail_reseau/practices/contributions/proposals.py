"""A proposal's life: saved (to resume through a private link), then sent: a
draft ``GoodPracticePage`` under the practice list, never live, submitted to the
list's workflow (or, without one, announced to the moderators' group)."""

import base64
import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from ...conf import reseau_settings
from ...core.privacy.links import make_private_token, read_private_token
from .models import Proposal, ProposalFile, ProposalStatus

LINK_PURPOSE = "proposal"


def resume_token(proposal):
    """The signed token of the "resume" link, in the letters Wagtail's page URLs
    accept (``[\\w-]``: a signature's colons are not)."""
    expires = timezone.now() + datetime.timedelta(days=reseau_settings.PROPOSAL_LINK_DAYS)
    signed = make_private_token(proposal, LINK_PURPOSE, expires)
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def proposal_from_token(token):
    """The proposal a private link names, or None (forged, expired, erased)."""
    try:
        signed = base64.urlsafe_b64decode(str(token) + "=" * (-len(str(token)) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    return read_private_token(signed, LINK_PURPOSE)


def save_proposal(form, index, proposal=None):
    """Stores the form's answers (and files, in private storage) on ``proposal``
    or a new one; does not send it."""
    cleaned = form.cleaned_data
    if proposal is None:
        key = cleaned.get("submission_key") or None
        if key and Proposal.objects.filter(submission_key=key).exists():
            key = None  # another list's form: a key is unique across lists
        proposal = Proposal(index=index, submission_key=key)
    proposal.language_code = index.locale.language_code
    proposal.title = cleaned.get("title") or ""
    proposal.data = form.answers()
    proposal.contact_name = cleaned.get("contact_name") or ""
    proposal.contact_email = cleaned.get("contact_email") or ""
    organisation = cleaned.get("organisation")
    proposal.organisation_name = organisation.title if organisation else cleaned.get("organisation_name") or ""
    form.apply_consent(proposal)
    proposal.save()
    for uploaded in cleaned.get("files") or []:
        stored = ProposalFile(proposal=proposal, original_name=uploaded.name[:255], size=uploaded.size)
        stored.file.save(uploaded.name, uploaded, save=True)
    return proposal


def rich_text(text):
    """Plain text typed in a form as rich text: paragraphs, line breaks, escaped."""
    paragraphs = [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]
    return "".join("<p>" + "<br/>".join(escape(line) for line in part.split("\n")) + "</p>" for part in paragraphs)


def build_page(proposal):
    """The draft practice page of a proposal (not saved)."""
    from ...directory.models import OrganisationPage
    from ..models import GoodPracticePage, Licence

    data = proposal.data
    index = proposal.index.specific
    licence = data.get("licence") if data.get("licence") in Licence.values else reseau_settings.DEFAULT_PRACTICE_LICENCE
    title = (data.get("title") or proposal.title or "").strip()[:255] or str(proposal)
    page = GoodPracticePage(
        title=title,
        slug=find_available_slug(index, slugify(title, allow_unicode=True)[:80] or "practice"),
        locale=index.locale,
        live=False,
        summary=(data.get("summary") or "")[:500],
        what=rich_text(data.get("what")),
        who=rich_text(data.get("who")),
        why=rich_text(data.get("why")),
        how=rich_text(data.get("how")),
        results=rich_text(data.get("results")),
        licence=licence,
        other_partners="" if data.get("organisation") else (data.get("organisation_name") or ""),
    )
    if data.get("organisation"):
        page.lead_organisation = OrganisationPage.objects.filter(pk=data["organisation"]).first()
    page.resources = [
        ("link", {"url": url, "title": url, "description": ""}) for url in (data.get("links") or "").splitlines() if url
    ]
    for name in ("domains", "territories", "audiences"):
        field = GoodPracticePage._meta.get_field(name)
        getattr(page, name).set(list(field.related_model.objects.filter(pk__in=data.get(name) or [])))
    return page


def submit(proposal):
    """Sends ``proposal``: its draft page under the list, submitted to the list's
    workflow. Sending twice makes one page. Returns the proposal."""
    from .notifications import send_acknowledgement, send_to_moderators

    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.page_id or proposal.status != ProposalStatus.DRAFT:
            return proposal
        page = build_page(proposal)
        proposal.index.specific.add_child(instance=page)
        page.save_revision(user=None, log_action=True)
        proposal.page = page
        proposal.status = ProposalStatus.SUBMITTED
        proposal.submitted_at = timezone.now()
        proposal.save(update_fields=["page", "status", "submitted_at"])
        workflow = page.get_workflow()
        if workflow is not None:
            # Wagtail notifies the moderators of the workflow's first task itself.
            workflow.start(page, None)
        else:
            transaction.on_commit(lambda: send_to_moderators(proposal))
        transaction.on_commit(lambda: send_acknowledgement(proposal))
    return proposal
