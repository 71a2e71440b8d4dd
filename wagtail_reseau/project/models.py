"""The federal project: its axes, each with the same sections (global context,
stakes for the network, previous actions, objectives, projects under way,
avenues for action)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from ..core.blocks import ObjectiveBlock
from ..core.mixins import IndexPageMixin
from ..taxonomy.classification import ClassifiedPageMixin

FEATURES = ["bold", "italic", "link", "ol", "ul", "document-link"]


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class FederalProjectPage(IndexPageMixin, Page):
    """The federal project as a whole; its axes are its children."""

    period_start = models.PositiveSmallIntegerField(
        _("from (year)"), null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2200)]
    )
    period_end = models.PositiveSmallIntegerField(
        _("to (year)"), null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2200)]
    )
    principles = RichTextField(_("principles"), blank=True, features=FEATURES)

    subpage_types = ["wagtail_reseau.ProjectAxisPage", "wagtail_reseau.CataloguePage"]
    template = "wagtail_reseau/pages/federal_project_page.html"
    listing_ordering = ("path",)
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldPanel("intro"),
        FieldPanel("principles"),
    ]
    search_fields = Page.search_fields + IndexPageMixin.search_fields + [index.SearchField("principles")]
    api_fields = IndexPageMixin.api_fields + [
        APIField("period_start"),
        APIField("period_end"),
        APIField("principles"),
    ]

    class Meta:
        verbose_name = _("federal project")
        verbose_name_plural = _("federal projects")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The end year must come after the start year.")})


class ProjectAxisPage(ClassifiedPageMixin, Page):
    summary = models.TextField(_("summary"), max_length=500, blank=True, help_text=_("Shown in listings."))
    global_context = RichTextField(_("global context"), blank=True, features=FEATURES)
    stakes = RichTextField(_("stakes for the network"), blank=True, features=FEATURES)
    previous_actions = RichTextField(_("actions of the previous project"), blank=True, features=FEATURES)
    operational_objectives = StreamField(
        [("objective", ObjectiveBlock())], verbose_name=_("operational objectives"), blank=True
    )
    avenues_for_action = RichTextField(_("avenues for action"), blank=True, features=FEATURES)

    parent_page_types = ["wagtail_reseau.FederalProjectPage"]
    subpage_types = []
    template = "wagtail_reseau/pages/project_axis_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("global_context"),
        FieldPanel("stakes"),
        FieldPanel("previous_actions"),
        FieldPanel("operational_objectives"),
        FieldPanel("avenues_for_action"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Axis")),
            ObjectList(
                [InlinePanel("projects", heading=_("Projects under way"), label=_("Project"))],
                heading=_("Projects under way"),
            ),
            ObjectList(ClassifiedPageMixin.classification_panels, heading=_("Classification")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + ClassifiedPageMixin.classification_search_fields + [
        index.SearchField("summary"),
        index.SearchField("global_context"),
        index.SearchField("stakes"),
        index.SearchField("previous_actions"),
        index.SearchField("operational_objectives"),
        index.SearchField("avenues_for_action"),
    ]
    api_fields = ClassifiedPageMixin.classification_api_fields + [
        APIField("summary"),
        APIField("global_context"),
        APIField("stakes"),
        APIField("previous_actions"),
        APIField("operational_objectives"),
        APIField("avenues_for_action"),
        APIField("projects"),
    ]

    class Meta:
        verbose_name = _("federal project axis")
        verbose_name_plural = _("federal project axes")


class ProjectUnderWay(TranslatableMixin, Orderable):
    """A project of the axis, with its years; translated with the axis."""

    page = ParentalKey(ProjectAxisPage, on_delete=models.CASCADE, related_name="projects")
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    start_year = models.PositiveSmallIntegerField(
        _("from (year)"), null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2200)]
    )
    end_year = models.PositiveSmallIntegerField(
        _("to (year)"), null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2200)]
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.IN_PROGRESS
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year"), FieldPanel("status")]),
    ]
    api_fields = [
        APIField("title"),
        APIField("description"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("status"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("project under way")
        verbose_name_plural = _("projects under way")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year must come after the start year.")})


FederalProjectPage.listing_model = ProjectAxisPage
