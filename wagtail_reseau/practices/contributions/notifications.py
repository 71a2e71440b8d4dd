"""E-mails to proposers and moderators, and the hooks on Wagtail's workflow and
publishing signals: Wagtail only tells users with an account; a proposer has
none, so the outcome (published with its link, or returned with the
moderator's comment) is sent from here."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from ...conf import reseau_settings
from ...core.privacy.notifications import moderator_addresses as core_moderator_addresses
from ...core.privacy.notifications import send_to_each_moderator
from .documents import attach_files
from .models import Proposal, ProposalStatus, Reuse, ReuseStatus

logger = logging.getLogger(__name__)


def admin_url(path):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return base.rstrip("/") + path


def _send(template, context, recipients, language_code=None):
    recipients = [address for address in recipients if address]
    if not recipients:
        return 0
    with translation.override(language_code or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    try:
        return send_mail(subject, body, None, recipients)
    except Exception:  # a mail server that fails must not fail the visitor's request
        logger.warning("E-mail %s could not be sent.", template, exc_info=True)
        return 0


def moderator_addresses():
    return core_moderator_addresses(reseau_settings.PROPOSAL_MODERATORS_GROUP)


def send_acknowledgement(proposal):
    return _send(
        "wagtail_reseau/contributions/email/proposal_received",
        {"proposal": proposal},
        [proposal.contact_email],
        proposal.language_code,
    )


def send_resume_link(proposal, url):
    return _send(
        "wagtail_reseau/contributions/email/proposal_saved",
        {"proposal": proposal, "url": url},
        [proposal.contact_email],
        proposal.language_code,
    )


def send_to_moderators(proposal):
    """Without a workflow, the moderators' group hears of a new proposal: one
    message to each moderator, in their own admin language (else the site's),
    with the links to the draft and to the files sent with it."""
    from .review import files_url, pending_files

    url = admin_url(f"/admin/pages/{proposal.page_id}/edit/") if proposal.page_id else ""
    files = pending_files(proposal)
    context = {"proposal": proposal, "url": url, "files": files, "files_url": admin_url(files_url(proposal))}

    def render():
        template = "wagtail_reseau/contributions/email/proposal_to_moderators"
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        return subject, render_to_string(f"{template}.txt", context)

    return send_to_each_moderator(reseau_settings.PROPOSAL_MODERATORS_GROUP, render, "proposal")


def send_outcome(proposal, url=""):
    template = "published" if proposal.status == ProposalStatus.PUBLISHED else "returned"
    return _send(
        f"wagtail_reseau/contributions/email/proposal_{template}",
        {"proposal": proposal, "url": url},
        [proposal.contact_email],
        proposal.language_code,
    )


# -- signal handlers --------------------------------------------------------------


def _pending_proposal(page_id):
    return (
        Proposal.objects.filter(page_id=page_id, status__in=[ProposalStatus.SUBMITTED, ProposalStatus.RETURNED])
        .select_related("page")
        .first()
    )


def handle_page_published(sender, instance, **kwargs):
    proposal = _pending_proposal(instance.pk)
    if proposal is None:
        return
    proposal.status = ProposalStatus.PUBLISHED
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_at"])
    try:
        with transaction.atomic():  # a failure undoes its own writes only (PostgreSQL)
            attach_files(proposal, instance)
    except Exception:
        logger.warning("The files of proposal %s could not be attached.", proposal.pk, exc_info=True)
    url = instance.get_full_url() or ""
    transaction.on_commit(lambda: send_outcome(proposal, url))


def _returned(page_id, comment):
    proposal = (
        Proposal.objects.filter(page_id=page_id, status=ProposalStatus.SUBMITTED).first() if page_id else None
    )
    if proposal is None:
        return
    proposal.status = ProposalStatus.RETURNED
    proposal.decided_at = timezone.now()
    proposal.moderator_comment = comment or ""
    proposal.save(update_fields=["status", "decided_at", "moderator_comment"])
    transaction.on_commit(lambda: send_outcome(proposal))


def handle_task_rejected(sender, instance, **kwargs):
    """A moderator asked for changes: the task state holds their comment."""
    state = instance.workflow_state
    _returned(_page_id(state), instance.get_comment() if hasattr(instance, "get_comment") else instance.comment)


def handle_workflow_rejected(sender, instance, **kwargs):
    """The same, when a workflow is rejected without a task signal (a custom task)."""
    task_state = instance.current_task_state
    comment = task_state.get_comment() if task_state is not None else ""
    _returned(_page_id(instance), comment)


def handle_workflow_approved(sender, instance, **kwargs):
    """Approval publishes the page (``page_published`` does the rest); a custom
    final task that does not publish leaves the proposal in moderation."""
    page_id = _page_id(instance)
    if page_id is None:
        return
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is not None:
        handle_page_published(Page, page)


def _page_id(workflow_state):
    try:
        return int(workflow_state.object_id)
    except (TypeError, ValueError):
        return None


def handle_reuse_saved(sender, instance, **kwargs):
    """An approved (or no longer approved) entry changes the practice's count: the
    practice and its translations are reindexed (catalogue.indexing), after commit."""
    previous = getattr(instance, "_reseau_previous_status", None)
    if ReuseStatus.APPROVED not in {instance.status, previous}:
        return
    reindex_practice(instance.practice_id)


def handle_reuse_deleted(sender, instance, **kwargs):
    if instance.status == ReuseStatus.APPROVED:
        reindex_practice(instance.practice_id)


def remember_status(sender, instance, **kwargs):
    instance._reseau_previous_status = instance.__dict__.get("status")


def reindex_practice(practice_id):
    from wagtail.models import Page

    from ...catalogue.indexing import index_page_ids
    from ..catalogue import forget_reuse_counts

    forget_reuse_counts()
    transaction.on_commit(forget_reuse_counts)

    key = Page.objects.filter(pk=practice_id).values_list("translation_key", flat=True).first()
    if key is None:
        return
    ids = list(Page.objects.filter(translation_key=key).values_list("pk", flat=True))
    transaction.on_commit(lambda: index_page_ids(ids))


def connect():
    from django.db.models.signals import post_delete, post_init, post_save
    from wagtail.signals import page_published, task_rejected, workflow_approved, workflow_rejected

    page_published.connect(handle_page_published, dispatch_uid="reseau_contributions_published")
    task_rejected.connect(handle_task_rejected, dispatch_uid="reseau_contributions_task_rejected")
    workflow_rejected.connect(handle_workflow_rejected, dispatch_uid="reseau_contributions_workflow_rejected")
    workflow_approved.connect(handle_workflow_approved, dispatch_uid="reseau_contributions_workflow_approved")
    post_init.connect(remember_status, sender=Reuse, dispatch_uid="reseau_contributions_reuse_init")
    post_save.connect(handle_reuse_saved, sender=Reuse, dispatch_uid="reseau_contributions_reuse_saved")
    post_delete.connect(handle_reuse_deleted, sender=Reuse, dispatch_uid="reseau_contributions_reuse_deleted")
