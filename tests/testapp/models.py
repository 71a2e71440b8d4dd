from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

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
