"""The catalogue of good practices, segmented by domain of action: What? Who?
Why? How?, ratings of public reach and recurrence, resources to reuse."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..conf import reseau_settings
from ..core.blocks import ResourcesBlock
from ..core.i18n import live_pages_in_order, localize
from ..core.mixins import IndexPageMixin
from ..core.page_actions import call_page_action, call_page_view
from ..taxonomy.classification import ClassifiedPageMixin

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "document-link"]


class Rating(models.IntegerChoices):
    ONE = 1, _("1 of 4")
    TWO = 2, _("2 of 4")
    THREE = 3, _("3 of 4")
    FOUR = 4, _("4 of 4")


class Maturity(models.TextChoices):
    IDEA = "idea", _("Idea")
    PILOT = "pilot", _("Pilot")
    ESTABLISHED = "established", _("Established")
    SPREAD = "spread", _("Spread to other places")


class Licence(models.TextChoices):
    CC_BY = "CC-BY-4.0", _("Creative Commons Attribution 4.0")
    CC_BY_SA = "CC-BY-SA-4.0", _("Creative Commons Attribution-ShareAlike 4.0")
    CC_BY_NC_SA = "CC-BY-NC-SA-4.0", _("Creative Commons Attribution-NonCommercial-ShareAlike 4.0")
    ETALAB = "etalab-2.0", _("Licence Ouverte / Open Licence 2.0")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


def default_licence():
    return reseau_settings.DEFAULT_PRACTICE_LICENCE


class GoodPracticeIndexPage(RoutablePageMixin, IndexPageMixin, Page):
    """The list of practices; its ``propose/`` route is the public proposal form,
    whose drafts land under this list, in its workflow (docs/proposals.md)."""

    subpage_types = ["wagtail_reseau.GoodPracticePage", "wagtail_reseau.CataloguePage"]
    template = "wagtail_reseau/pages/good_practice_index_page.html"
    listing_ordering = ("-first_published_at",)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    api_fields = IndexPageMixin.api_fields

    class Meta:
        verbose_name = _("good practice list")
        verbose_name_plural = _("good practice lists")

    @path("propose/", name="proposal_form")
    def propose(self, request):
        return call_page_view("practices.propose", request, self)

    @path("propose/resume/<str:token>/", name="proposal_resume")
    def propose_resume(self, request, token):
        return call_page_view("practices.propose", request, self, token=token)

    @path("propose/sent/", name="proposal_sent")
    def propose_sent(self, request):
        return call_page_view("practices.proposal_sent", request, self)

    def proposal_form_url(self):
        return self.url + self.reverse_subpage("proposal_form")


class GoodPracticePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "wagtail_reseau.GoodPracticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class GoodPracticePage(RoutablePageMixin, ClassifiedPageMixin, Page):
    summary = models.TextField(_("summary"), max_length=500, blank=True, help_text=_("Shown in listings."))
    what = RichTextField(_("What?"), blank=True, features=RICH_TEXT_FEATURES, help_text=_("What the practice is."))
    who = RichTextField(
        _("Who?"), blank=True, features=RICH_TEXT_FEATURES, help_text=_("Who carries it out and who takes part.")
    )
    why = RichTextField(
        _("Why?"), blank=True, features=RICH_TEXT_FEATURES, help_text=_("The need it answers, its aims.")
    )
    how = RichTextField(
        _("How?"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("The steps, means and partners, in a narrative."),
    )
    lead_organisation = models.ForeignKey(
        "wagtail_reseau.OrganisationPage",
        verbose_name=_("lead organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_practices",
    )
    other_partners = models.TextField(
        _("other partners"), blank=True, help_text=_("Partners outside the directory, one per line.")
    )
    public_reach = models.PositiveSmallIntegerField(
        _("public reach"),
        choices=Rating.choices,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("How many people the practice reaches, from 1 (few) to 4 (very many)."),
    )
    recurrence = models.PositiveSmallIntegerField(
        _("recurrence"),
        choices=Rating.choices,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("How often it takes place, from 1 (once) to 4 (all year round)."),
    )
    results = RichTextField(_("results and evidence"), blank=True, features=RICH_TEXT_FEATURES)
    transferability = RichTextField(
        _("transferability"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What another organisation needs to do the same."),
    )
    lessons_learned = RichTextField(_("lessons learned"), blank=True, features=RICH_TEXT_FEATURES)
    resources = StreamField(ResourcesBlock(), verbose_name=_("resources and tools"), blank=True)
    start_date = models.DateField(_("started on"), null=True, blank=True)
    maturity = models.CharField(_("maturity"), max_length=20, choices=Maturity.choices, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    licence = models.CharField(_("licence"), max_length=30, choices=Licence.choices, default=default_licence)
    external_id = models.CharField(
        _("external identifier"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_(
            "Identifier of this practice in a spreadsheet or another catalogue; an import updates the page with it."
        ),
    )
    tags = ClusterTaggableManager(through=GoodPracticePageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["wagtail_reseau.GoodPracticeIndexPage"]
    subpage_types = []
    # A copy is another practice: two pages with one identifier would make the next import refuse both.
    exclude_fields_in_copy = ["external_id"]
    template = "wagtail_reseau/pages/good_practice_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("what"),
        FieldPanel("who"),
        FieldPanel("why"),
        FieldPanel("how"),
        FieldPanel("tags"),
    ]
    context_panels = [
        MultiFieldPanel(
            [
                FieldPanel("lead_organisation"),
                MultipleChooserPanel(
                    "partner_organisations",
                    chooser_field_name="organisation",
                    heading=_("Partner organisations in the network"),
                    label=_("Partner organisation"),
                ),
                FieldPanel("other_partners"),
            ],
            heading=_("Organisations"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("public_reach"), FieldPanel("recurrence")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("maturity")]),
            ],
            heading=_("Scale"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")])],
            heading=_("Contact"),
        ),
    ]
    reuse_panels = [
        FieldPanel("results"),
        FieldPanel("transferability"),
        FieldPanel("lessons_learned"),
        FieldPanel("resources"),
        FieldPanel("licence"),
        FieldPanel("external_id"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Practice")),
            ObjectList(context_panels, heading=_("Organisations and scale")),
            ObjectList(reuse_panels, heading=_("Results and reuse")),
            ObjectList(ClassifiedPageMixin.classification_panels, heading=_("Classification")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + ClassifiedPageMixin.classification_search_fields + [
        index.SearchField("summary"),
        index.SearchField("what"),
        index.SearchField("who"),
        index.SearchField("why"),
        index.SearchField("how"),
        index.SearchField("results"),
        index.SearchField("transferability"),
        index.SearchField("lessons_learned"),
        index.SearchField("other_partners"),
        index.FilterField("maturity"),
        index.FilterField("public_reach"),
        index.FilterField("recurrence"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = ClassifiedPageMixin.classification_api_fields + [
        APIField("summary"),
        APIField("what"),
        APIField("who"),
        APIField("why"),
        APIField("how"),
        APIField("lead_organisation"),
        APIField("partner_organisations"),
        APIField("other_partners"),
        APIField("public_reach"),
        APIField("recurrence"),
        APIField("results"),
        APIField("transferability"),
        APIField("lessons_learned"),
        APIField("resources"),
        APIField("start_date"),
        APIField("maturity"),
        APIField("licence"),
        APIField("tags"),
    ]

    override_translatable_fields = ClassifiedPageMixin.override_translatable_fields + [
        SynchronizedField("partner_organisations"),
    ]

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def get_lead_organisation(self):
        return localize(self.lead_organisation)

    @path("reuse/", name="reuse_form")
    def reuse(self, request):
        """ "We did it too": the reuse log's public form."""
        return call_page_view("practices.reuse", request, self)

    def reuse_form_url(self):
        return self.url + self.reverse_subpage("reuse_form")

    def get_reuses(self):
        """Approved entries of the reuse log, in every language ([] without the sub-app)."""
        return call_page_action("practices.approved_reuses", self, default=[])

    def get_proposal_form_url(self):
        parent = self.get_parent()
        parent = parent.specific if parent is not None else None
        return parent.proposal_form_url() if hasattr(parent, "proposal_form_url") else ""

    def get_partner_organisations(self):
        """The live, public ones, in the editors' order and this page's language. Read
        through the organisations' ids: on a preview the relation is held in memory."""
        return live_pages_in_order(
            GoodPracticePartner._meta.get_field("organisation").related_model,
            [link.organisation_id for link in self.partner_organisations.all()],
        )

    def get_other_partners(self):
        return [line.strip() for line in self.other_partners.splitlines() if line.strip()]


class GoodPracticePartner(Orderable):
    """A partner organisation of a practice, chosen with the page chooser (search, several
    at once, reordered), not one checkbox per organisation of the network. Not translated:
    wagtail-localize copies the links to the translations (a synchronised field)."""

    page = ParentalKey(GoodPracticePage, on_delete=models.CASCADE, related_name="partner_organisations")
    organisation = models.ForeignKey(
        "wagtail_reseau.OrganisationPage",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="practice_partnerships",
    )

    panels = [FieldPanel("organisation")]
    api_fields = [APIField("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")


GoodPracticeIndexPage.listing_model = GoodPracticePage
GoodPracticeIndexPage.listing_select_related = ("lead_organisation",)
GoodPracticeIndexPage.listing_localized_relations = ("lead_organisation",)
