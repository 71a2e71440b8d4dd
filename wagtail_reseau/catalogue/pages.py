"""The catalogue page: a faceted search that editors place anywhere in the tree."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, Site

from ..core.fields import ChoiceListField
from .document_types import document_type_choices, document_types
from .facets import facet_choices, get_facets

SEARCH_AREA_SITE = "site"
SEARCH_AREA_NETWORK = "network"
SEARCH_AREA_CHOICES = [
    (SEARCH_AREA_SITE, _("This site")),
    (SEARCH_AREA_NETWORK, _("Every site of the installation")),
]


class CataloguePage(Page):
    """A faceted search over the network's content, placed anywhere in the tree.

    Editors choose which content types and facets each catalogue shows: a
    practices-only catalogue, or a search over the whole network."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    content_types = ChoiceListField(
        _("content types searched"),
        item_choices=document_type_choices,
        help_text=_("Leave all unchecked to search every content type."),
    )
    facets = ChoiceListField(
        _("filters offered"),
        item_choices=facet_choices,
        help_text=_("Leave all unchecked to offer every filter."),
    )
    results_per_page = models.PositiveSmallIntegerField(
        _("results per page"), default=20, validators=[MinValueValidator(5), MaxValueValidator(100)]
    )
    facet_values_shown = models.PositiveSmallIntegerField(
        _("filter values shown before “show more”"),
        default=8,
        validators=[MinValueValidator(3), MaxValueValidator(50)],
    )

    search_area = models.CharField(
        _("pages searched"),
        max_length=10,
        choices=SEARCH_AREA_CHOICES,
        default=SEARCH_AREA_SITE,
        help_text=_(
            "Where the installation serves several sites (a national site and regional ones, say): "
            "the pages of this catalogue's site only, or those of every site."
        ),
    )

    template = "wagtail_reseau/pages/catalogue_page.html"
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("content_types"),
                FieldPanel("search_area"),
                FieldPanel("facets"),
                FieldPanel("results_per_page"),
                FieldPanel("facet_values_shown"),
            ],
            heading=_("Search settings"),
        ),
    ]

    class Meta:
        verbose_name = _("catalogue")
        verbose_name_plural = _("catalogues")

    def get_content_types(self):
        available = list(document_types())
        return [key for key in available if key in self.content_types] if self.content_types else available

    def get_facet_keys(self):
        facets = get_facets()
        return [key for key in facets if key in self.facets] if self.facets else list(facets)

    def get_root_path(self):
        """The tree path of the site searched, "" for every site: the root of
        this page's site in this page's language (translated roots are siblings,
        at the same depth). Read from Wagtail's cached site root paths."""
        if self.search_area == SEARCH_AREA_NETWORK:
            return ""
        site_roots = Site.get_site_root_paths()
        if len({root.site_id for root in site_roots}) <= 1:
            return ""  # one site: every searchable page is on it, no filter to pay for
        roots = [root for root in site_roots if self.url_path.startswith(root.root_path)]
        if not roots:
            return ""  # not on any site: nothing to narrow to
        depth = roots[0].root_path.count("/")  # "/" is the tree's root (depth 1), "/home/" depth 2
        return self.path[: depth * self.steplen]

    def serve(self, request, *args, **kwargs):
        from .views import serve_catalogue

        return serve_catalogue(self, request)

    def get_preview_context(self, request, *args, **kwargs):
        """A preview shows the catalogue as a visitor would see it (Wagtail renders
        previews from this context, not through ``serve``)."""
        from .views import catalogue_context

        context = super().get_preview_context(request, *args, **kwargs)
        context.update(catalogue_context(self, request))
        return context
