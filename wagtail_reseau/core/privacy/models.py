"""Consent statements (a translatable snippet) and the abstract model of every
record that holds personal data."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class ConsentPurpose(models.TextChoices):
    REGISTRATION = "registration", _("Registration for an event")
    PROPOSAL = "proposal", _("Proposal of a practice")
    REUSE = "reuse", _("Reuse of a practice")
    MENTORING = "mentoring", _("Mentoring")
    COMMENT = "comment", _("Comment")


class ConsentStatement(TranslatableMixin, index.Indexed, models.Model):
    """The text a visitor agrees to on a public form, one per purpose and language.
    The federation writes it once and translates it; ``version`` goes up by one
    each time its text changes, and each record keeps the text and version it was
    given (``PersonalDataRecord``)."""

    purpose = models.CharField(
        _("purpose"),
        max_length=50,
        help_text=_("The form it is shown on: registration, proposal, reuse, mentoring, comment..."),
    )
    text = models.TextField(
        _("text"), help_text=_("What the visitor agrees to: what is kept, why, how long, and how to have it erased.")
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [FieldPanel("purpose"), FieldPanel("text")]
    search_fields = [index.SearchField("text"), index.FilterField("purpose")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("consent statement")
        verbose_name_plural = _("consent statements")
        constraints = [
            models.UniqueConstraint(fields=["purpose", "locale"], name="reseau_privacy_one_consent_per_purpose")
        ]

    def __str__(self):
        return f"{self.get_purpose_display()} (v{self.version})"

    def save(self, *args, **kwargs):
        if self.pk:
            previous = type(self).objects.filter(pk=self.pk).values("text", "version").first()
            if previous and previous["text"] != self.text:
                self.version = previous["version"] + 1
        super().save(*args, **kwargs)

    def get_purpose_display(self):
        return dict(ConsentPurpose.choices).get(self.purpose, self.purpose)


class PersonalDataRecord(models.Model):
    """What every model holding personal data has: the consent given (text and
    version as shown, and when), when it was created and when it was erased.

    A concrete model lists in ``personal_fields`` the fields ``erase()`` blanks,
    says when its retention clock starts (``retention_reference_date()``, and the
    same as a query in ``retention_filter()``), and registers itself with
    ``privacy.retention.register_retention``. Its ``Meta`` inherits
    ``PersonalDataRecord.Meta`` to get the ``view_personal_data`` permission."""

    consent_purpose = models.CharField(_("consent purpose"), max_length=50, blank=True)
    consent_version = models.PositiveIntegerField(_("consent version"), null=True, blank=True)
    consent_text = models.TextField(_("consent text"), blank=True)
    consented_at = models.DateTimeField(_("consented at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True, editable=False)

    #: Names of the fields ``erase()`` blanks (set by each concrete model).
    personal_fields = ()

    class Meta:
        abstract = True
        permissions = [("view_personal_data", _("Can view and export personal data"))]

    @property
    def is_erased(self):
        return self.erased_at is not None

    def record_consent(self, statement, when=None):
        """Stores the statement (a ``ConsentStatement`` or the default) the person agreed to."""
        self.consent_purpose = statement.purpose
        self.consent_version = statement.version
        self.consent_text = statement.text
        self.consented_at = when or timezone.now()

    def retention_reference_date(self):
        """When the retention period of this record starts (its creation by default;
        an event's registration starts at the event)."""
        return self.created_at

    @classmethod
    def retention_filter(cls, cutoff):
        """A Q() of the records whose retention clock started before ``cutoff``:
        the query form of ``retention_reference_date()``."""
        return models.Q(created_at__lt=cutoff)

    @classmethod
    def blank_values(cls):
        """Field name -> the value that erases it."""
        values = {}
        for name in cls.personal_fields:
            field = cls._meta.get_field(name)
            if field.null:
                values[name] = None
            elif isinstance(field, models.JSONField):
                values[name] = field.get_default() if field.has_default() else {}
            elif isinstance(field, (models.CharField, models.TextField)):
                values[name] = ""
            elif field.has_default():
                values[name] = field.get_default()
            else:
                raise TypeError(f"{cls.__name__}.{name} cannot be blanked: make it null=True or blank text")
        return values

    def erase(self, save=True):
        """Blanks the personal fields; the record stays (for anonymous counts)."""
        for name, value in self.blank_values().items():
            setattr(self, name, value)
        self.erased_at = timezone.now()
        if save:
            self.save()
        return self

    @classmethod
    def erase_queryset(cls, queryset):
        """Erases many records in one UPDATE; returns how many."""
        return queryset.filter(erased_at__isnull=True).update(**cls.blank_values(), erased_at=timezone.now())
