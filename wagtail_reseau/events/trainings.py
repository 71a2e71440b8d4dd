"""Training capsules: continuing education for volunteers, staff, board members,
local elected officials and partners."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..core.blocks import ObjectiveBlock, ResourcesBlock
from ..core.i18n import localize_people
from ..core.mixins import IndexPageMixin
from ..taxonomy.classification import ClassifiedPageMixin
from .status import EventStatusMixin, event_status_field


class TrainingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")


class Pacing(models.TextChoices):
    SYNCHRONOUS = "synchronous", _("Live sessions")
    ASYNCHRONOUS = "asynchronous", _("At one's own pace")
    MIXED = "mixed", _("Live sessions and own pace")


class TrainingIndexPage(IndexPageMixin, Page):
    subpage_types = ["wagtail_reseau.TrainingCapsulePage", "wagtail_reseau.CataloguePage"]
    template = "wagtail_reseau/pages/training_index_page.html"
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    api_fields = IndexPageMixin.api_fields

    class Meta:
        verbose_name = _("training offer")
        verbose_name_plural = _("training offers")


class TrainingCapsulePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "wagtail_reseau.TrainingCapsulePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class TrainingCapsulePage(ClassifiedPageMixin, Page):
    summary = models.TextField(_("summary"), max_length=500, blank=True, help_text=_("Shown in listings."))
    description = RichTextField(_("description"), blank=True)
    learning_objectives = StreamField(
        [("objective", ObjectiveBlock())],
        verbose_name=_("learning objectives"),
        blank=True,
        help_text=_("What participants will be able to do afterwards, one objective per line."),
    )
    training_format = models.CharField(
        _("format"), max_length=20, choices=TrainingFormat.choices, default=TrainingFormat.IN_PERSON
    )
    pacing = models.CharField(_("pacing"), max_length=20, choices=Pacing.choices, default=Pacing.SYNCHRONOUS)
    duration_hours = models.DecimalField(
        _("duration (hours)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Total length of the training in hours."),
    )
    workload = models.CharField(
        _("workload"), max_length=255, blank=True, help_text=_("E.g. 2 hours a week over 3 weeks.")
    )
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    cost = models.CharField(_("cost"), max_length=255, blank=True, help_text=_("E.g. free for members."))
    provider = models.ForeignKey(
        "wagtail_reseau.OrganisationPage",
        verbose_name=_("training provider"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_capsules",
    )
    materials = StreamField(ResourcesBlock(), verbose_name=_("materials"), blank=True)
    tags = ClusterTaggableManager(through=TrainingCapsulePageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["wagtail_reseau.TrainingIndexPage"]
    subpage_types = []
    template = "wagtail_reseau/pages/training_capsule_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("learning_objectives"),
        FieldPanel("prerequisites"),
        FieldPanel("provider"),
        FieldPanel("tags"),
    ]
    organisation_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("training_format"), FieldPanel("pacing")]),
                FieldRowPanel([FieldPanel("duration_hours"), FieldPanel("workload")]),
                FieldPanel("cost"),
            ],
            heading=_("Format"),
        ),
        InlinePanel("trainers", heading=_("Trainers"), label=_("Trainer")),
        InlinePanel("sessions", heading=_("Sessions"), label=_("Session")),
        FieldPanel("materials"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Capsule")),
            ObjectList(organisation_panels, heading=_("Format and sessions")),
            ObjectList(ClassifiedPageMixin.classification_panels, heading=_("Classification")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + ClassifiedPageMixin.classification_search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("learning_objectives"),
        index.SearchField("prerequisites"),
        index.FilterField("training_format"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = ClassifiedPageMixin.classification_api_fields + [
        APIField("summary"),
        APIField("description"),
        APIField("learning_objectives"),
        APIField("training_format"),
        APIField("pacing"),
        APIField("duration_hours"),
        APIField("workload"),
        APIField("prerequisites"),
        APIField("cost"),
        APIField("provider"),
        APIField("trainers"),
        APIField("sessions"),
        APIField("materials"),
        APIField("tags"),
    ]

    class Meta:
        verbose_name = _("training capsule")
        verbose_name_plural = _("training capsules")

    def get_trainers(self):
        """The trainers, their people in the visitor's language (all at once)."""
        return localize_people(
            self.trainers.select_related("person__photo", "person__organisation").prefetch_related(
                "person__photo__renditions"
            )
        )

    def get_context(self, request, *args, **kwargs):
        from .forums import registration_context

        context = super().get_context(request, *args, **kwargs)
        context["registration"] = registration_context(self, request)
        return context

    def get_upcoming_sessions(self):
        return self.sessions.filter(start__gte=timezone.now()).order_by("start")

    def get_past_sessions(self):
        return self.sessions.filter(start__lt=timezone.now()).order_by("-start")


class TrainingTrainer(Orderable):
    page = ParentalKey(TrainingCapsulePage, on_delete=models.CASCADE, related_name="trainers")
    person = models.ForeignKey(
        "wagtail_reseau.Person", verbose_name=_("trainer"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("person")]
    api_fields = [APIField("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")


class TrainingSession(EventStatusMixin, Orderable):
    """One dated run of a capsule."""

    page = ParentalKey(TrainingCapsulePage, on_delete=models.CASCADE, related_name="sessions")
    start = models.DateTimeField(_("starts at"))
    end = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True, help_text=_("Address, or 'online'."))
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    event_status = event_status_field()

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("event_status"),
        FieldPanel("place"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_url")]),
    ]
    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("place"),
        APIField("capacity"),
        APIField("registration_url"),
        APIField("event_status"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must come after the start.")})

    @property
    def is_upcoming(self):
        return self.start >= timezone.now()


TrainingIndexPage.listing_model = TrainingCapsulePage
