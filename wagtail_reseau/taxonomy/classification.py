"""Classification of pages with the shared vocabularies: domains of action,
territories and audiences, the axes of the catalogue. A host builds its own
classified page types on it (``class MyPracticePage(ClassifiedPageMixin, Page)``)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..core.i18n import localize_all
from .chooser.widgets import TermChooserWidget
from .forms import ClassifiedPageForm
from .panels import EmptyVocabularyPanel


def localized_terms(terms):
    """The given vocabulary terms as seen in the active language.

    Pages are translated separately from the vocabularies, so a French page may
    point at French terms while an English visitor reads it: show each term's
    translation in the active locale when it exists."""
    return localize_all(terms)


class ClassifiedPageMixin(models.Model):
    """Domains of action, territories and audiences: the axes of the catalogue."""

    domains = ParentalManyToManyField(
        "wagtail_reseau.DomainOfAction",
        verbose_name=_("domains of action"),
        blank=True,
        related_name="%(class)s_set",
    )
    territories = ParentalManyToManyField(
        "wagtail_reseau.Territory",
        verbose_name=_("territories"),
        blank=True,
        related_name="%(class)s_set",
    )
    audiences = ParentalManyToManyField(
        "wagtail_reseau.Audience",
        verbose_name=_("audiences"),
        blank=True,
        related_name="%(class)s_set",
    )

    classification_panels = [
        MultiFieldPanel(
            [
                EmptyVocabularyPanel(),  # a message with the fix when the page's language has no terms
                FieldPanel("domains", widget=TermChooserWidget("domain")),
                FieldPanel("territories", widget=TermChooserWidget("territory")),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
            help_text=_("Used by visitors to find this content in the catalogue."),
        ),
    ]
    classification_api_fields = [
        APIField("domains"),
        APIField("territories"),
        APIField("audiences"),
    ]
    classification_search_fields = [
        index.RelatedFields("domains", [index.SearchField("name")]),
        index.RelatedFields("territories", [index.SearchField("name")]),
        index.RelatedFields("audiences", [index.SearchField("name")]),
    ]

    base_form_class = ClassifiedPageForm
    # wagtail-localize skips many-to-many fields unless told: keep every language's
    # version classified like its source (terms are shown via ``.localized``).
    override_translatable_fields = [
        SynchronizedField("domains"),
        SynchronizedField("territories"),
        SynchronizedField("audiences"),
    ]

    class Meta:
        abstract = True

    def get_domains(self):
        return localized_terms(self.domains.all())

    def get_territories(self):
        return localized_terms(self.territories.all())

    def get_audiences(self):
        return localized_terms(self.audiences.all())
