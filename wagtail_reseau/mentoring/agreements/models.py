"""What visitors send (answers to an offer or a request, new requests), and the
agreements staff make from a pair. Both hold personal data
(``PersonalDataRecord``: consent stored, ``view_personal_data``, erased after
their retention period)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from ...core.privacy.models import PersonalDataRecord
from ...core.privacy.moderation import CHOICES_WITHOUT_SPAM, ModerationStatus
from ..models import MentoringFormat


class SubmissionKind(models.TextChoices):
    ANSWER = "answer", _("Answer to an offer or a request")
    REQUEST = "request", _("New request")


#: The shared moderation statuses (a submission is approved or rejected, never spam).
SubmissionStatus = ModerationStatus


class MentoringSubmission(PersonalDataRecord):
    """Sent through a public form: an answer to a published offer or request
    (``page``), or a new request posted on the mentoring exchange (``index``).
    Held until a moderator approves it; an approved new request can then be
    published as a mentoring page by an editor."""

    kind = models.CharField(_("kind"), max_length=10, choices=SubmissionKind.choices)
    index = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("mentoring exchange"), on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey(
        "wagtail_reseau.MentoringPage",
        verbose_name=_("offer or request answered"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
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
    title = models.CharField(_("subject"), max_length=255, blank=True)
    message = models.TextField(_("message"), help_text=_("What you offer or need, and why."))
    domains = models.ManyToManyField(
        "wagtail_reseau.DomainOfAction", verbose_name=_("domains of action"), blank=True, related_name="+"
    )
    territory = models.ForeignKey(
        "wagtail_reseau.Territory",
        verbose_name=_("territory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    mentoring_format = models.CharField(
        _("format"), max_length=20, choices=MentoringFormat.choices, default=MentoringFormat.BOTH
    )
    availability = models.CharField(_("availability"), max_length=255, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=CHOICES_WITHOUT_SPAM, default=SubmissionStatus.PENDING
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    language_code = models.CharField(_("language"), max_length=20, blank=True)
    moderator_comment = models.TextField(
        _("moderator's comment"),
        blank=True,
        help_text=_("Sent to the visitor with the decision (write it before rejecting)."),
    )
    #: The decision the visitor was last told of (once per decision).
    notified_status = models.CharField(_("decision told"), max_length=20, blank=True, editable=False)

    #: The moderator's comment is written to the visitor and often names them.
    personal_fields = ("contact_name", "contact_email", "contact_phone", "moderator_comment")

    class Meta(PersonalDataRecord.Meta):
        verbose_name = _("mentoring answer or request")
        verbose_name_plural = _("mentoring answers and requests")
        ordering = ("status", "-created_at")

    def __str__(self):
        return self.title or f"{self.get_kind_display()} — {self.organisation_label()}"

    def organisation_label(self):
        if self.organisation_id:
            return self.organisation.title
        return self.organisation_name or str(_("An organisation"))

    request_page = models.ForeignKey(
        "wagtail_reseau.MentoringPage",
        verbose_name=_("draft request page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Made when a new request from an organisation of the directory is approved."),
    )

    def moderate(self, status):
        """Approves or rejects; an approved new request from an organisation of the
        directory becomes a draft request page under the exchange (never live until
        an editor publishes it)."""
        self.status = status
        self.moderated_at = timezone.now()
        self.save(update_fields=["status", "moderated_at"])
        if status == SubmissionStatus.APPROVED and self.kind == SubmissionKind.REQUEST:
            self.make_request_page()

    def make_request_page(self):
        from django.utils.text import slugify

        from ..models import MentoringDirection, MentoringPage

        if self.request_page_id or not self.organisation_id:
            return None
        index = self.index.specific
        base = slugify(self.title)[:200] or "demande"
        slug, n = base, 1
        while index.get_children().filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        page = MentoringPage(
            title=self.title or str(self),
            slug=slug,
            direction=MentoringDirection.REQUEST,
            organisation=self.organisation,
            summary=self.message[:500],
            mentoring_format=self.mentoring_format,
            availability=self.availability,
            live=False,
        )
        page.domains.set(list(self.domains.all()))
        if self.territory_id:
            page.territories.set([self.territory])
        index.add_child(instance=page)
        page.save_revision()
        self.request_page = page
        self.save(update_fields=["request_page"])
        return page


class AgreementStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted")
    UNDER_WAY = "under_way", _("Under way")
    COMPLETED = "completed", _("Completed")
    ABANDONED = "abandoned", _("Abandoned")


#: The lifecycle: from each status, the statuses it may go to.
TRANSITIONS = {
    AgreementStatus.PROPOSED: (AgreementStatus.ACCEPTED, AgreementStatus.ABANDONED),
    AgreementStatus.ACCEPTED: (AgreementStatus.UNDER_WAY, AgreementStatus.ABANDONED),
    AgreementStatus.UNDER_WAY: (AgreementStatus.COMPLETED, AgreementStatus.ABANDONED),
    AgreementStatus.COMPLETED: (),
    AgreementStatus.ABANDONED: (),
}
ACTIVE_STATUSES = (AgreementStatus.PROPOSED, AgreementStatus.ACCEPTED, AgreementStatus.UNDER_WAY)
#: The date field each status stamps when it is reached.
STATUS_DATES = {
    AgreementStatus.ACCEPTED: "accepted_on",
    AgreementStatus.UNDER_WAY: "started_on",
    AgreementStatus.COMPLETED: "ended_on",
    AgreementStatus.ABANDONED: "ended_on",
}


class TransitionNotAllowed(ValueError):
    """Raised when an agreement is moved to a status out of order."""


class Agreement(PersonalDataRecord, ClusterableModel):
    """A pairing of an offer with a request, followed from its proposal to its
    end; both sides write a closing report through a private link."""

    offer = models.ForeignKey(
        "wagtail_reseau.MentoringPage",
        verbose_name=_("offer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements_as_offer",
    )
    request = models.ForeignKey(
        "wagtail_reseau.MentoringPage",
        verbose_name=_("request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements_as_request",
    )
    submission = models.ForeignKey(
        MentoringSubmission,
        verbose_name=_("answer it comes from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.PROPOSED
    )
    objectives = models.TextField(_("objectives"), blank=True)
    proposed_on = models.DateField(_("proposed on"), default=timezone.localdate)
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    mentor_name = models.CharField(_("mentor's contact name"), max_length=255, blank=True)
    mentor_email = models.EmailField(_("mentor's contact e-mail"), blank=True)
    mentee_name = models.CharField(_("mentored side's contact name"), max_length=255, blank=True)
    mentee_email = models.EmailField(_("mentored side's contact e-mail"), blank=True)
    mentor_report = models.TextField(_("mentor's closing report"), blank=True)
    mentor_reported_at = models.DateTimeField(_("mentor's report sent at"), null=True, blank=True)
    mentee_report = models.TextField(_("mentored side's closing report"), blank=True)
    mentee_reported_at = models.DateTimeField(_("mentored side's report sent at"), null=True, blank=True)

    personal_fields = ("mentor_name", "mentor_email", "mentee_name", "mentee_email")

    class Meta(PersonalDataRecord.Meta):
        verbose_name = _("mentoring agreement")
        verbose_name_plural = _("mentoring agreements")
        ordering = ("-proposed_on", "-pk")
        constraints = [
            # One agreement per answer, even for two clicks at once.
            models.UniqueConstraint(
                fields=["submission"],
                condition=models.Q(submission__isnull=False),
                name="reseau_mentoring_one_agreement_per_answer",
            )
        ]

    def __str__(self):
        return f"{self.mentor_label()} → {self.mentee_label()}"

    def mentor_label(self):
        if self.offer_id and self.offer.organisation_id:
            return self.offer.get_organisation().title
        if self.submission_id and not self.offer_id:  # an answer offering support to a request
            return self.submission.organisation_label()
        return str(_("(no offer)"))

    def mentee_label(self):
        if self.request_id and self.request.organisation_id:
            return self.request.get_organisation().title
        if self.submission_id and not self.request_id:  # an answer asking for an offer
            return self.submission.organisation_label()
        return str(_("(no request)"))

    def allowed_transitions(self):
        return TRANSITIONS.get(self.status, ())

    def can_move_to(self, status):
        return status in self.allowed_transitions()

    def move_to(self, status, on=None, save=True):
        """Moves the agreement to ``status`` and stamps its date; raises
        ``TransitionNotAllowed`` (with a message for people) when out of order."""
        if not self.can_move_to(status):
            allowed = ", ".join(str(AgreementStatus(s).label) for s in self.allowed_transitions())
            raise TransitionNotAllowed(
                _("An agreement that is “%(current)s” cannot become “%(target)s”. Next possible steps: %(allowed)s.")
                % {
                    "current": AgreementStatus(self.status).label,
                    "target": AgreementStatus(status).label if status in AgreementStatus.values else status,
                    "allowed": allowed or _("none (the agreement is over)"),
                }
            )
        self.status = status
        date_field = STATUS_DATES.get(status)
        if date_field and getattr(self, date_field) is None:
            setattr(self, date_field, on or timezone.localdate())
        if save:
            self.save()
        return self

    @property
    def is_active(self):
        return self.status in ACTIVE_STATUSES


class Milestone(models.Model):
    """A date at which both sides are reminded (e.g. the first meeting, the
    midpoint, the closing report). ``reminded_at`` makes the reminders command
    idempotent."""

    agreement = ParentalKey(Agreement, on_delete=models.CASCADE, related_name="milestones")
    label = models.CharField(_("milestone"), max_length=255)
    due_on = models.DateField(_("date"))
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ("due_on", "pk")

    def __str__(self):
        return f"{self.label} ({self.due_on})"
