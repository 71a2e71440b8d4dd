"""Proposals of practices and the reuse log: records holding personal data
(``PersonalDataRecord``: consent stored, ``view_personal_data`` permission,
erased after their retention period)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ...core.privacy.models import PersonalDataRecord
from ...core.privacy.moderation import CHOICES_WITHOUT_SPAM, ModerationStatus
from .files import get_private_storage, proposal_upload_to


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Saved, not sent")
    SUBMITTED = "submitted", _("Sent, in moderation")
    PUBLISHED = "published", _("Published")
    RETURNED = "returned", _("Returned to the proposer")


class Proposal(PersonalDataRecord):
    """A practice proposed through the public form. Its answers are kept as typed
    (``data``) until it is sent; sending makes a draft ``GoodPracticePage`` under
    ``index`` (``page``), submitted to the index's workflow."""

    index = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("practice list"), on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("draft page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language_code = models.CharField(_("language"), max_length=20, blank=True)
    title = models.CharField(_("title"), max_length=255, blank=True)
    #: The answers as typed (terms by id), so that nothing is lost and a saved
    #: proposal can be resumed.
    data = models.JSONField(_("answers"), default=dict, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT)
    #: Set when the form is first shown: a form posted twice finds its proposal.
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    moderator_comment = models.TextField(_("moderator's comment"), blank=True)

    personal_fields = ("contact_name", "contact_email", "organisation_name", "data")

    class Meta(PersonalDataRecord.Meta):
        verbose_name = _("practice proposal")
        verbose_name_plural = _("practice proposals")
        ordering = ("-created_at",)

    def __str__(self):
        return self.title or str(_("Untitled proposal"))

    def erase(self, save=True):
        """Blanks the contact and answers, and deletes the files sent (their
        private copies; documents already published stay, they are content)."""
        if self.pk:
            delete_files_of(type(self).objects.filter(pk=self.pk))
        return super().erase(save=save)

    @classmethod
    def erase_queryset(cls, queryset):
        delete_files_of(queryset.filter(erased_at__isnull=True))
        return super().erase_queryset(queryset)


class ProposalFile(models.Model):
    """A file sent with a proposal, kept in private storage (never in public
    media) until the practice is published; then it becomes a Wagtail document
    (``document``) and its private copy is deleted (``file`` empty). Deleted
    with the proposal's personal data, or when its draft page is deleted
    (``documents.py``)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), storage=get_private_storage, upload_to=proposal_upload_to, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"), default=0)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("published document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("proposal file")
        verbose_name_plural = _("proposal files")

    def __str__(self):
        return self.original_name


#: The shared moderation statuses (a reuse entry is approved or rejected, never spam).
ReuseStatus = ModerationStatus


class ReuseQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=ReuseStatus.APPROVED)

    def pending(self):
        return self.filter(status=ReuseStatus.PENDING)


class Reuse(PersonalDataRecord):
    """An entry of a practice's reuse log ("We did it too"): who took it up,
    where, when, what they adapted and what came of it. Shown on the practice
    (without the contact) once approved, and counted in the catalogue."""

    practice = models.ForeignKey(
        "wagtail_reseau.GoodPracticePage",
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="reuses",
    )
    organisation = models.ForeignKey(
        "wagtail_reseau.OrganisationPage",
        verbose_name=_("organisation in the directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_name = models.CharField(
        _("organisation"), max_length=255, blank=True, help_text=_("When it is not in the directory.")
    )
    territory = models.ForeignKey(
        "wagtail_reseau.Territory",
        verbose_name=_("territory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_on = models.DateField(_("when"), null=True, blank=True, help_text=_("When you started."))
    adaptation = models.TextField(_("what was adapted"), blank=True)
    result = models.TextField(pgettext_lazy("reuse of a practice", "result"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=CHOICES_WITHOUT_SPAM, default=ReuseStatus.PENDING)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    recorded_by_staff = models.BooleanField(_("recorded by staff"), default=False)

    objects = ReuseQuerySet.as_manager()

    personal_fields = ("contact_name", "contact_email")

    class Meta(PersonalDataRecord.Meta):
        verbose_name = _("reuse of a practice")
        verbose_name_plural = _("reuses of practices")
        ordering = ("-started_on", "-created_at")

    def __str__(self):
        return f"{self.organisation_label()} — {self.practice}"

    def organisation_label(self):
        if self.organisation_id:
            return self.organisation.title
        return self.organisation_name or str(_("An organisation"))


def delete_files_of(proposals):
    """Deletes the files of ``proposals`` (a queryset): their rows (and names)
    now, their private copies after the commit (``file_deleted``). Documents
    already published stay: they are the page's content now. Returns how many
    rows were deleted."""
    count, _deleted = ProposalFile.objects.filter(proposal__in=proposals).delete()
    return count
