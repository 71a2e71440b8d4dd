"""The directory of organisations: social centres, EVS, associations and the
federations they belong to (national > regional > departmental > member)."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..core.fields import ChoiceListField
from ..core.i18n import localize, localize_all
from ..core.mixins import IndexPageMixin
from ..core.validators import validate_insee_code, validate_siret
from ..taxonomy.classification import ClassifiedPageMixin
from .widgets import LocationPickerWidget


class NetworkLevel(models.TextChoices):
    NATIONAL = "national", _("National federation")
    REGIONAL = "regional", _("Regional federation")
    DEPARTMENTAL = "departmental", _("Departmental federation")
    MEMBER = "member", _("Member organisation")


class PremisesAccessibility(models.TextChoices):
    STEP_FREE = "step_free", _("Step-free access")
    ACCESSIBLE_TOILETS = "accessible_toilets", _("Accessible toilets")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")
    ACCESSIBLE_PARKING = "accessible_parking", _("Accessible parking space")
    SIGN_LANGUAGE = "sign_language", _("Reception in sign language")
    EASY_READ = "easy_read", _("Easy-to-read information")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OrganisationIndexPage(IndexPageMixin, Page):
    """The directory: lists the member organisations placed under it."""

    listing_model = None  # set below, once OrganisationPage exists
    subpage_types = ["wagtail_reseau.OrganisationPage", "wagtail_reseau.CataloguePage"]
    template = "wagtail_reseau/pages/organisation_index_page.html"

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    api_fields = IndexPageMixin.api_fields

    class Meta:
        verbose_name = _("directory of organisations")
        verbose_name_plural = _("directories of organisations")

    # The directory is a search through the catalogue (directory/search.py), with
    # a map and the federation tree (directory/hierarchy.py), not a plain listing.
    def serve(self, request, *args, **kwargs):
        from .search import serve_directory

        return serve_directory(self, request)

    def get_context(self, request, *args, **kwargs):
        from .hierarchy import federation_tree, has_federations
        from .search import directory_context

        context = Page.get_context(self, request, *args, **kwargs)
        context.update(directory_context(self, request))
        tree = federation_tree(self, request)
        context["federation_tree"] = tree if has_federations(tree) else []
        return context


class OrganisationPage(ClassifiedPageMixin, Page):
    """An entry of the directory: one social centre, EVS, association or federation."""

    organisation_type = models.ForeignKey(
        "wagtail_reseau.OrganisationType",
        verbose_name=_("organisation type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
    )
    network_level = models.CharField(
        _("level in the network"),
        max_length=20,
        choices=NetworkLevel.choices,
        default=NetworkLevel.MEMBER,
    )
    parent_organisation = models.ForeignKey(
        "wagtail_reseau.OrganisationPage",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_organisations",
        help_text=_("The federation this organisation belongs to."),
    )
    summary = models.TextField(
        _("summary"), blank=True, max_length=500, help_text=_("One or two sentences shown in listings.")
    )
    description = RichTextField(_("description"), blank=True)
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    street_address = models.CharField(_("street address"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    commune = models.CharField(_("commune"), max_length=255, blank=True)
    insee_code = models.CharField(
        _("INSEE code"),
        max_length=5,
        blank=True,
        validators=[validate_insee_code],
        help_text=_("Official code of the commune (not the postcode), e.g. 31555 for Toulouse."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    opening_hours_note = models.CharField(
        _("opening hours note"),
        max_length=255,
        blank=True,
        help_text=_("E.g. closed during school holidays in August."),
    )
    premises_accessibility = ChoiceListField(
        _("accessibility of the premises"), item_choices=PremisesAccessibility.choices
    )
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True)
    siret = models.CharField(
        _("SIRET"),
        max_length=17,
        blank=True,
        validators=[validate_siret],
        help_text=_("14-digit SIRET number of the establishment."),
    )
    external_id = models.CharField(
        _("external identifier"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_(
            "Identifier of this organisation in another register or spreadsheet; "
            "imports match rows to existing organisations by it (or by SIRET)."
        ),
    )

    parent_page_types = ["wagtail_reseau.OrganisationIndexPage"]
    # A copy is another organisation: two pages with one identifier would make the next import refuse
    # both. (Translations still share it: wagtail-localize copies the synchronised fields itself.)
    exclude_fields_in_copy = ["external_id"]
    subpage_types = []
    template = "wagtail_reseau/pages/organisation_page.html"

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("organisation_type"),
                FieldPanel("network_level"),
                FieldPanel("parent_organisation"),
            ],
            heading=_("Place in the network"),
        ),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("logo"),
    ]
    contact_panels = [
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("commune")]),
                FieldPanel("insee_code"),
                FieldPanel("latitude"),
                # Its map fills both fields; full width, outside a row.
                FieldPanel("longitude", widget=LocationPickerWidget()),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("siret"),
                FieldPanel("external_id"),
            ],
            heading=_("Contact and identity"),
        ),
        MultiFieldPanel(
            [InlinePanel("opening_hours", label=_("Opening hours")), FieldPanel("opening_hours_note")],
            heading=_("Opening hours"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("premises_accessibility", widget=forms.CheckboxSelectMultiple),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Organisation")),
            ObjectList(contact_panels, heading=_("Address and contact")),
            ObjectList(ClassifiedPageMixin.classification_panels, heading=_("Classification")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + ClassifiedPageMixin.classification_search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("commune"),
        index.AutocompleteField("commune"),
        index.SearchField("postcode"),
        index.SearchField("street_address"),
        index.FilterField("network_level"),
        index.FilterField("organisation_type"),
    ]
    api_fields = ClassifiedPageMixin.classification_api_fields + [
        APIField("organisation_type"),
        APIField("network_level"),
        APIField("parent_organisation"),
        APIField("summary"),
        APIField("description"),
        APIField("street_address"),
        APIField("postcode"),
        APIField("commune"),
        APIField("insee_code"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("phone"),
        APIField("email"),
        APIField("website"),
        APIField("opening_hours"),
        APIField("opening_hours_note"),
        APIField("premises_accessibility"),
        APIField("accessibility_notes"),
        APIField("siret"),
        APIField("external_id"),
    ]

    # Identity, address and relations are the same in every language.
    override_translatable_fields = ClassifiedPageMixin.override_translatable_fields + [
        SynchronizedField(name)
        for name in (
            "organisation_type",
            "parent_organisation",
            "street_address",
            "postcode",
            "commune",
            "insee_code",
            "phone",
            "siret",
            "external_id",
        )
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def clean(self):
        super().clean()
        if self.siret:
            self.siret = re.sub(r"\s+", "", self.siret)
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                {"longitude": _("Give both the latitude and the longitude, or neither.")}
            )
        self._check_parent_organisation()

    def _check_parent_organisation(self):
        parent = self.parent_organisation
        seen = set()
        while parent is not None:
            if self.pk and parent.pk == self.pk:
                raise ValidationError(
                    {
                        "parent_organisation": _(
                            "An organisation cannot belong to itself or to one of its members."
                        )
                    }
                )
            if parent.pk in seen:
                break
            seen.add(parent.pk)
            parent = parent.parent_organisation

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    def get_organisation_type(self):
        return localize(self.organisation_type)

    def get_parent_organisation(self):
        return localize(self.parent_organisation)

    def get_member_organisations(self):
        return (
            OrganisationPage.objects.live()
            .public()
            .filter(parent_organisation__translation_key=self.translation_key)
            .filter(locale_id=self.locale_id)
            .order_by("title")
            .select_related("organisation_type", "logo")
        )

    def get_hierarchy(self):
        """The chain of federations above this organisation, from the top."""
        chain = []
        parent = self.parent_organisation
        while parent is not None and parent not in chain and len(chain) < 10:
            chain.append(parent)
            parent = parent.parent_organisation
        return localize_all(reversed(chain))


OrganisationIndexPage.listing_model = OrganisationPage
OrganisationIndexPage.listing_select_related = ("organisation_type", "logo")
OrganisationIndexPage.listing_localized_relations = ("organisation_type",)


class OrganisationOpeningHours(Orderable):
    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens at"))
    closes = models.TimeField(_("closes at"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]
    api_fields = [APIField("weekday"), APIField("opens"), APIField("closes")]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        super().clean()
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})
