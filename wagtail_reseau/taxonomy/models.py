"""Shared vocabularies: domains of action, territories, audiences, organisation
types and people. Each is a translatable snippet; a term keeps the same
``slug`` in every locale, so URLs and search filters do not depend on language."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..core.collation import CollationKeyMixin
from ..core.fields import ChoiceListField
from .datainclusion import ALL_PUBLICS, public_choices, thematique_choices

OPEN_DATA = _("Open data")


class VocabularyTerm(CollationKeyMixin, TranslatableMixin, index.Indexed, models.Model):
    """Abstract base of a translatable term: a name, a stable slug, a description."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_(
            "Short identifier used in addresses and search filters, shared by every "
            "translation. Lowercase letters, digits and hyphens."
        ),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
        index.FilterField("slug"),
    ]
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_name", "name"]

    def __str__(self):
        return self.name

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude)
        # The slug is unique per locale; report it on the field, not as a crash.
        if self.slug and self.locale_id:
            clash = type(self).objects.filter(locale_id=self.locale_id, slug=self.slug)
            if self.pk:
                clash = clash.exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError(
                    {"slug": _("Another term of this list already uses this slug.")}
                )


class HierarchicalTerm(VocabularyTerm):
    """Abstract base of a term in a tree (domain > sub-domain, region > département...)."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Leave empty for a top-level term."),
    )

    class Meta(VocabularyTerm.Meta):
        abstract = True

    # How deep a tree may go; guards against cycles made outside the admin.
    MAX_DEPTH = 10

    def get_ancestors(self):
        """Ancestors from the root down to the direct parent."""
        ancestors = []
        node = self.parent
        while node is not None and len(ancestors) < self.MAX_DEPTH:
            ancestors.append(node)
            node = node.parent
        return list(reversed(ancestors))

    def get_ancestor_slugs(self, include_self=True):
        slugs = [term.slug for term in self.get_ancestors()]
        if include_self:
            slugs.append(self.slug)
        return slugs

    @property
    def depth(self):
        return len(self.get_ancestors())

    @property
    def path_label(self):
        """``Domain › Sub-domain``: the full path, for choosers and listings."""
        return " › ".join(str(term) for term in [*self.get_ancestors(), self])

    def clean(self):
        super().clean()
        if self.parent_id is None:
            return
        if self.parent.locale_id != self.locale_id:
            raise ValidationError({"parent": _("The parent must be in the same language.")})
        node = self.parent
        steps = 0
        while node is not None:
            if node.pk == self.pk and self.pk is not None:
                raise ValidationError(
                    {"parent": _("A term cannot be placed under itself or one of its descendants.")}
                )
            node = node.parent
            steps += 1
            if steps > self.MAX_DEPTH:
                raise ValidationError({"parent": _("This tree is too deep.")})


class DomainOfAction(HierarchicalTerm):
    """A domain of action (participation, governance, housing...), possibly a sub-domain."""

    datainclusion_thematiques = ChoiceListField(
        _("data·inclusion themes"),
        item_choices=thematique_choices,
        help_text=_(
            "The themes of the data·inclusion schema this domain corresponds to: the open-data "
            "exports give them to the forums, training sessions and mentoring offers of this "
            "domain. Leave empty to use those of the parent domain."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("parent"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("datainclusion_thematiques")], heading=OPEN_DATA, classname="collapsed"),
    ]
    override_translatable_fields = HierarchicalTerm.override_translatable_fields + [
        SynchronizedField("datainclusion_thematiques", overridable=False),
    ]

    class Meta(HierarchicalTerm.Meta):
        verbose_name = _("domain of action")
        verbose_name_plural = _("domains of action")
        unique_together = [("translation_key", "locale"), ("locale", "slug")]

    def get_datainclusion_thematiques(self):
        """This domain's themes, else its nearest ancestor's."""
        for term in [self, *reversed(self.get_ancestors())]:
            if term.datainclusion_thematiques:
                return list(term.datainclusion_thematiques)
        return []


class Territory(HierarchicalTerm):
    """A region, département, commune or other area, with its official code."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country")
        REGION = "region", _("Region")
        DEPARTMENT = "department", _("Département")
        INTERCOMMUNALITY = "intercommunality", _("Intercommunality")
        COMMUNE = "commune", _("Commune")
        DISTRICT = "district", _("Neighbourhood")
        OTHER = "other", _("Other area")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    code = models.CharField(
        _("official code"),
        max_length=20,
        blank=True,
        db_index=True,
        help_text=_(
            "Code of the Code officiel géographique (COG) of a region, département or commune "
            "(e.g. 76, 31, 31555). A region and a département may share a code: the kind tells them apart."
        ),
    )
    postcodes = models.TextField(
        _("postcodes"),
        blank=True,
        help_text=_("Postcodes of a commune, separated by spaces (e.g. 31000 31100 31200)."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        db_index=True,
        help_text=_(
            "Inactive territories (e.g. communes merged into another) are no longer offered when "
            "classifying content; the content already classified with them keeps them."
        ),
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
        help_text=_("For a commune merged into another: the commune that succeeds it."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("code"),
                FieldPanel("postcodes"),
                FieldPanel("is_active"),
                FieldPanel("replaced_by"),
            ],
            heading=_("Official identity"),
        ),
        FieldPanel("parent"),
        FieldPanel("description"),
    ]
    search_fields = VocabularyTerm.search_fields + [
        index.SearchField("code"),
        index.SearchField("postcodes"),
        index.FilterField("kind"),
        index.FilterField("code"),
        index.FilterField("is_active"),
    ]
    override_translatable_fields = VocabularyTerm.override_translatable_fields + [
        SynchronizedField("code", overridable=False),
        SynchronizedField("postcodes", overridable=False),
        SynchronizedField("is_active", overridable=False),
        SynchronizedField("replaced_by", overridable=False),
    ]

    class Meta(HierarchicalTerm.Meta):
        verbose_name = _("territory")
        verbose_name_plural = _("territories")
        unique_together = [("translation_key", "locale"), ("locale", "slug")]

    @property
    def postcode_list(self):
        return self.postcodes.split()

    @classmethod
    def with_postcode(cls, postcode, queryset=None):
        """Territories whose postcodes include ``postcode`` (an exact five-character code)."""
        queryset = cls.objects.all() if queryset is None else queryset
        postcode = (postcode or "").strip()
        if not postcode or " " in postcode:
            return queryset.none()
        # Codes are separated by single spaces: a whole code is never part of another.
        return queryset.filter(postcodes__contains=postcode)

    @property
    def successor(self):
        """The active territory that finally replaces this one (itself when active)."""
        node, seen = self, set()
        while node.replaced_by_id and node.pk not in seen and len(seen) < self.MAX_DEPTH:
            seen.add(node.pk)
            node = node.replaced_by
        return node


class Audience(VocabularyTerm):
    """Who a forum, training or practice is for (volunteers, staff, residents...)."""

    datainclusion_publics = ChoiceListField(
        _("data·inclusion publics"),
        item_choices=public_choices,
        help_text=_(
            "The publics of the data·inclusion schema this audience corresponds to, given to the "
            'services of the open-data exports. "Tous publics" cannot be combined with another.'
        ),
    )

    panels = [
        *VocabularyTerm.panels,
        MultiFieldPanel([FieldPanel("datainclusion_publics")], heading=OPEN_DATA, classname="collapsed"),
    ]
    override_translatable_fields = VocabularyTerm.override_translatable_fields + [
        SynchronizedField("datainclusion_publics", overridable=False),
    ]

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        unique_together = [("translation_key", "locale"), ("locale", "slug")]

    def clean(self):
        super().clean()
        publics = self.datainclusion_publics or []
        if ALL_PUBLICS in publics and len(publics) > 1:
            raise ValidationError(
                {"datainclusion_publics": _('"Tous publics" cannot be combined with another public.')}
            )


class OrganisationType(VocabularyTerm):
    """A kind of organisation, following the data·inclusion structure typology."""

    code = models.CharField(
        _("data·inclusion code"),
        max_length=30,
        blank=True,
        help_text=_("Code of the data·inclusion structure typology (e.g. CS, EVS, ASSO)."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("code"), FieldPanel("description")]
    search_fields = VocabularyTerm.search_fields + [index.SearchField("code")]
    override_translatable_fields = VocabularyTerm.override_translatable_fields + [
        SynchronizedField("code", overridable=False),
    ]

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("organisation type")
        verbose_name_plural = _("organisation types")
        unique_together = [("translation_key", "locale"), ("locale", "slug")]


class Person(CollationKeyMixin, TranslatableMixin, index.Indexed, models.Model):
    """An expert, speaker or trainer, optionally attached to an organisation."""

    name = models.CharField(_("name"), max_length=255)
    job_title = models.CharField(_("job title"), max_length=255, blank=True)
    organisation = models.ForeignKey(
        "wagtail_reseau.OrganisationPage",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    biography = models.TextField(_("biography"), blank=True)
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("job_title"),
        FieldPanel("organisation"),
        FieldPanel("biography"),
        FieldPanel("photo"),
        FieldPanel("website"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("job_title"),
        index.SearchField("biography"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("organisation"),
        SynchronizedField("photo"),
        TranslatableField("job_title"),
        TranslatableField("biography"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["sort_name", "name"]

    def __str__(self):
        return self.name
