"""Abstract behaviour shared by the page types, so a host site can build its own
page types on the same ground (``class MyPracticePage(ClassifiedPageMixin, Page)``)."""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from wagtail_localize.fields import SynchronizedField

from ..conf import reseau_settings
from ..forms import ClassifiedPageForm


def localized_terms(terms):
    """The given vocabulary terms as seen in the active language.

    Pages are translated separately from the vocabularies, so a French page may
    point at French terms while an English visitor reads it: show each term's
    translation in the active locale when it exists."""
    return [term.localized for term in terms]


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
                FieldPanel("domains", widget=forms.CheckboxSelectMultiple),
                FieldPanel("territories", widget=forms.CheckboxSelectMultiple),
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


class IndexPageMixin(models.Model):
    """An index page that lists its live, public children of one type, paginated."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    #: The page model listed by this index; set by each concrete index page.
    listing_model = None
    #: Ordering of the listing.
    listing_ordering = ("title",)

    search_fields = [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True

    def get_listing_queryset(self):
        model = self.listing_model
        return (
            model.objects.child_of(self)
            .live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by(*self.listing_ordering)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.get_listing_queryset(), reseau_settings.ITEMS_PER_PAGE)
        # get_page() falls back to the first or last page on bad input: no 404, no 500.
        context["items"] = paginator.get_page(request.GET.get("page"))
        context["paginator"] = paginator
        return context
