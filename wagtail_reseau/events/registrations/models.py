"""An event people register for (a forum or a training session), its
registrations, the questions an editor adds to its form, and the e-mails waiting
to be sent."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin

from ...core.privacy.models import PersonalDataRecord
from ...core.privacy.retention import register_retention


class RegistrationEvent(models.Model):
    """One row per forum or training session taking registrations: the row locked
    while places are given (capacity.py), and a copy of what the registrations
    need after the page changes (title, dates). ``key`` is ``forum-<page id>`` or
    ``session-<session id>``."""

    key = models.CharField(max_length=64, unique=True)
    forum = models.ForeignKey(
        "wagtail_reseau.ForumPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    session = models.ForeignKey(
        "wagtail_reseau.TrainingSession", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("event"), max_length=255)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=500, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    #: The event status registrants were last told about (events/status.py).
    event_status = models.CharField(_("event status"), max_length=20, default="scheduled")
    #: iCalendar SEQUENCE of the calendar files sent to registrants: one more at each
    #: change announced to them (date, place, status), so calendar applications replace
    #: the copy they have (signals.py, emails.calendar_attachment).
    calendar_sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)

    class Meta:
        verbose_name = _("event with registrations")
        verbose_name_plural = _("events with registrations")
        ordering = ["-starts_at"]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.starts_at):%d/%m/%Y %H:%M})"


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for e-mail confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(PersonalDataRecord):
    event = models.ForeignKey(
        RegistrationEvent, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, default=RegistrationStatus.PENDING
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    organisation = models.ForeignKey(
        "wagtail_reseau.OrganisationPage",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_name = models.CharField(_("organisation (typed)"), max_length=255, blank=True)
    audience = models.ForeignKey(
        "wagtail_reseau.Audience",
        verbose_name=_("audience"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_needs = models.JSONField(_("accessibility needs"), default=list, blank=True)
    accessibility_details = models.TextField(_("other needs"), blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=12, default="fr")
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    personal_fields = (
        "name",
        "email",
        "organisation",
        "organisation_name",
        "accessibility_needs",
        "accessibility_details",
        "answers",
    )

    class Meta(PersonalDataRecord.Meta):
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # One live registration per address and event (cancelled or erased ones do not count).
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(erased_at__isnull=True) & ~Q(status="cancelled"),
                name="reseau_registration_one_per_email",
            )
        ]

    def __str__(self):
        return self.name or _("(erased)")

    @classmethod
    def retention_filter(cls, cutoff):
        return Q(event__ends_at__lt=cutoff)

    def retention_reference_date(self):
        return self.event.ends_at

    def erase(self, save=True):
        """Also deletes the e-mails kept for this person (they hold the address)."""
        OutgoingEmail.objects.filter(registration=self).delete()
        return super().erase(save=save)

    @classmethod
    def erase_queryset(cls, queryset):
        OutgoingEmail.objects.filter(registration__in=queryset.filter(erased_at__isnull=True).values("pk")).delete()
        return super().erase_queryset(queryset)

    @property
    def organisation_label(self):
        if self.organisation_id:
            return self.organisation.title
        return self.organisation_name


register_retention(Registration, "REGISTRATION_RETENTION_MONTHS", default_months=12)


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    YES_NO = "yes_no", _("Yes or no")
    CHOICE = "choice", _("One choice from a list")


class RegistrationQuestion(TranslatableMixin, Orderable):
    """A question an editor adds to an event's registration form; translated with the page."""

    label = models.CharField(_("question"), max_length=255)
    kind = models.CharField(_("kind of answer"), max_length=20, choices=QuestionKind.choices, default=QuestionKind.TEXT)
    choices = models.TextField(_("choices"), blank=True, help_text=_("For a choice from a list: one choice per line."))
    required = models.BooleanField(_("required"), default=False)
    help_text = models.CharField(_("help text"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("choices"),
        FieldPanel("help_text"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")

    @property
    def field_name(self):
        return f"question_{self.translation_key.hex[:12]}"

    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class ForumRegistrationQuestion(RegistrationQuestion):
    page = ParentalKey("wagtail_reseau.ForumPage", on_delete=models.CASCADE, related_name="registration_questions")

    class Meta(RegistrationQuestion.Meta):
        abstract = False
        unique_together = [("translation_key", "locale")]


class CapsuleRegistrationQuestion(RegistrationQuestion):
    page = ParentalKey(
        "wagtail_reseau.TrainingCapsulePage", on_delete=models.CASCADE, related_name="registration_questions"
    )

    class Meta(RegistrationQuestion.Meta):
        abstract = False
        unique_together = [("translation_key", "locale")]


class OutgoingEmail(models.Model):
    """An e-mail to send. Kept until it has gone: one that failed is retried by
    ``reseau_send_pending_emails``; the registration it concerns stands meanwhile."""

    registration = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.CASCADE, related_name="emails"
    )
    kind = models.CharField(_("kind"), max_length=30)
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    attach_calendar = models.BooleanField(default=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.kind} → {self.to}"
