"""The visitor hears the moderators' decision on their answer or request, in the
language they used, once per decision: approved (the organisation will be
contacted; a request's page link once it is published) or rejected (with the
moderator's comment). Hooked on the model's saves, so the bulk actions and the
admin's edit view are both covered."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import MentoringSubmission, SubmissionKind, SubmissionStatus

logger = logging.getLogger(__name__)
DECIDED = (SubmissionStatus.APPROVED, SubmissionStatus.REJECTED)
TEMPLATE = "wagtail_reseau/mentoring/email/decision"
#: ``notified_status`` once the author of an approved request has its page's link.
PUBLISHED = "published"


def remember_status(sender, instance, **kwargs):
    instance._reseau_previous_status = instance.__dict__.get("status")


def _status_changed(instance):
    return instance.status in DECIDED and instance.status != getattr(instance, "_reseau_previous_status", None)


def stamp_decision(sender, instance, update_fields=None, **kwargs):
    """A status changed in the admin's edit view gets its moderation time too."""
    if instance.pk and _status_changed(instance) and update_fields is None:
        instance.moderated_at = timezone.now()


def handle_saved(sender, instance, created=False, **kwargs):
    if not _status_changed(instance):
        return
    instance._reseau_previous_status = instance.status
    if instance.status == SubmissionStatus.APPROVED and instance.kind == SubmissionKind.REQUEST:
        instance.make_request_page()
    pk = instance.pk
    transaction.on_commit(lambda: send_decision(pk))


def handle_page_published(sender, instance, **kwargs):
    """The draft page of an approved request is published: its author gets the link."""
    waiting = MentoringSubmission.objects.filter(request_page_id=instance.pk, status=SubmissionStatus.APPROVED).exclude(
        notified_status=PUBLISHED
    )
    for pk in waiting.values_list("pk", flat=True):
        transaction.on_commit(lambda pk=pk: send_decision(pk))


def decision_context(submission):
    url = ""
    page = submission.request_page
    if page is not None and page.live:
        url = page.get_full_url() or ""
    return {
        "submission": submission,
        "approved": submission.status == SubmissionStatus.APPROVED,
        "answered": submission.page,
        "request_url": url,
    }


def send_decision(pk):
    """E-mails the decision unless the visitor was told of it already (re-read
    at commit time: the latest comment, no second mail for a second save)."""
    submission = MentoringSubmission.objects.filter(pk=pk).select_related("page", "request_page").first()
    if submission is None or submission.status not in DECIDED or not submission.contact_email or submission.is_erased:
        return 0
    context = decision_context(submission)
    told = PUBLISHED if context["request_url"] else submission.status
    if submission.notified_status in (told, PUBLISHED):
        return 0
    # Claims the decision before sending (as the reminders command does): of two
    # calls at once, only the one whose update changed the row sends.
    claimed = (
        MentoringSubmission.objects.filter(pk=pk, notified_status=submission.notified_status)
        .exclude(notified_status__in=(told, PUBLISHED))
        .update(notified_status=told)
    )
    if not claimed:
        return 0
    language = submission.language_code or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = " ".join(render_to_string(f"{TEMPLATE}_subject.txt", context).split())
        body = render_to_string(f"{TEMPLATE}.txt", context)
    message = EmailMessage(subject, body, None, [submission.contact_email], headers={"Content-Language": language})
    try:
        return message.send()
    except Exception:  # a mail server that fails must not fail the moderator's request
        logger.warning("The decision on mentoring submission %s could not be sent.", pk, exc_info=True)
        # Not told after all: a later save or publication may try again.
        MentoringSubmission.objects.filter(pk=pk, notified_status=told).update(
            notified_status=submission.notified_status
        )
        return 0


def connect():
    from django.db.models.signals import post_init, post_save, pre_save
    from wagtail.signals import page_published

    post_init.connect(remember_status, sender=MentoringSubmission, dispatch_uid="reseau_mentoring_submission_init")
    pre_save.connect(stamp_decision, sender=MentoringSubmission, dispatch_uid="reseau_mentoring_submission_stamp")
    post_save.connect(handle_saved, sender=MentoringSubmission, dispatch_uid="reseau_mentoring_submission_saved")
    page_published.connect(handle_page_published, dispatch_uid="reseau_mentoring_request_published")
