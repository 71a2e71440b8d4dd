from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from wagtail_reseau.core.privacy.models import PersonalDataRecord
from wagtail_reseau.core.privacy.retention import register_retention
from wagtail_reseau.taxonomy.classification import ClassifiedPageMixin


class Difficulty(models.TextChoices):
    EASY = "easy", "Facile"
    HARD = "hard", "Difficile"


class ToolkitPage(ClassifiedPageMixin, Page):
    """A host's own page type: a toolkit that members download."""

    summary = models.TextField(blank=True)
    instructions = RichTextField(blank=True)
    difficulty = models.CharField(max_length=10, choices=Difficulty.choices, default=Difficulty.EASY)

    subpage_types = []
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("instructions")]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("instructions"),
        FieldPanel("difficulty"),
    ]
    promote_panels = Page.promote_panels + ClassifiedPageMixin.classification_panels


class ToolkitRequest(PersonalDataRecord):
    """A host's own form data kept under the privacy core's rules (tests/core/privacy)."""

    name = models.CharField(max_length=100)
    email = models.EmailField(blank=True)
    age = models.PositiveIntegerField(null=True, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    needed_on = models.DateTimeField()

    personal_fields = ("name", "email", "age", "answers")

    class Meta(PersonalDataRecord.Meta):
        pass

    @classmethod
    def retention_filter(cls, cutoff):
        return models.Q(needed_on__lt=cutoff)

    def retention_reference_date(self):
        return self.needed_on


register_retention(ToolkitRequest, "TOOLKIT_RETENTION_MONTHS", default_months=6)
