"""Meeting forums and practice-exchange workshops: open to citizens and members,
each session with experts and speakers, registrations, and a report afterwards."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
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
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..core.blocks import AgendaItemBlock, PerspectiveBlock, ResourcesBlock
from ..core.fields import ChoiceListField
from ..core.i18n import live_pages_in_order, localize_people
from ..core.mixins import IndexPageMixin
from ..core.page_actions import call_page_action
from ..taxonomy.classification import ClassifiedPageMixin
from .status import EventStatusMixin, event_status_field


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class AccessibilityService(models.TextChoices):
    SIGN_INTERPRETATION = "sign_interpretation", _("Sign language interpretation")
    LIVE_CAPTIONS = "live_captions", _("Live captions")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")
    STEP_FREE = "step_free", _("Step-free venue")
    CHILDCARE = "childcare", _("Childcare")
    EASY_READ = "easy_read", _("Easy-to-read documents")
    TRANSLATION = "translation", _("Translation into other languages")
    TRANSPORT = "transport", _("Help with transport")


class ContributorRole(models.TextChoices):
    EXPERT = "expert", _("Expert")
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")
    WITNESS = "witness", _("Witness")


class ForumKind(models.TextChoices):
    FORUM = "forum", _("Meeting forum")
    WORKSHOP = "workshop", _("Practice-exchange workshop")


class ForumIndexPage(IndexPageMixin, Page):
    """Lists forums and workshops; upcoming first, then past ones."""

    subpage_types = ["wagtail_reseau.ForumPage", "wagtail_reseau.CataloguePage"]
    template = "wagtail_reseau/pages/forum_index_page.html"
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    api_fields = IndexPageMixin.api_fields

    class Meta:
        verbose_name = _("forum list")
        verbose_name_plural = _("forum lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming"] = (
            IndexPageMixin.get_listing_queryset(self)
            .annotate(finishes=Coalesce("end", "start"))
            .filter(finishes__gte=timezone.now())
            .order_by("start")
        )
        return context

    def get_listing_queryset(self):
        """The paginated list: past forums, newest first (upcoming ones are listed apart)."""
        return (
            super()
            .get_listing_queryset()
            .annotate(finishes=Coalesce("end", "start"))
            .filter(finishes__lt=timezone.now())
            .order_by("-start")
        )


class ForumPageTag(TaggedItemBase):
    content_object = ParentalKey("wagtail_reseau.ForumPage", on_delete=models.CASCADE, related_name="tagged_items")


class ForumPage(EventStatusMixin, ClassifiedPageMixin, Page):
    kind = models.CharField(_("kind"), max_length=20, choices=ForumKind.choices, default=ForumKind.FORUM)
    summary = models.TextField(_("summary"), max_length=500, blank=True, help_text=_("Shown in listings."))
    description = RichTextField(_("description"), blank=True)
    start = models.DateTimeField(_("starts at"))
    end = models.DateTimeField(_("ends at"), null=True, blank=True)
    event_status = event_status_field()
    attendance_mode = models.CharField(
        _("attendance"), max_length=20, choices=AttendanceMode.choices, default=AttendanceMode.IN_PERSON
    )
    venue_name = models.CharField(_("venue"), max_length=255, blank=True)
    venue_address = models.CharField(_("venue address"), max_length=255, blank=True)
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Video-conference link, if known in advance.")
    )
    organiser = models.ForeignKey(
        "wagtail_reseau.OrganisationPage",
        verbose_name=_("organised by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_forums",
    )
    open_to_public = models.BooleanField(
        _("open to citizens"), default=True, help_text=_("Uncheck if reserved for members of the network.")
    )
    agenda = StreamField([("item", AgendaItemBlock())], verbose_name=_("agenda"), blank=True)
    accessibility_services = ChoiceListField(
        _("accessibility services offered"), item_choices=AccessibilityService.choices
    )
    accessibility_contact = models.CharField(
        _("accessibility contact"),
        max_length=255,
        blank=True,
        help_text=_("Who to ask for an adjustment (e-mail or phone)."),
    )
    tags = ClusterTaggableManager(through=ForumPageTag, blank=True, verbose_name=_("tags"))

    # Registration settings: the registration flow itself builds on these.
    registration_required = models.BooleanField(_("registration required"), default=True)
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)
    external_registration_url = models.URLField(
        _("external registration link"), blank=True, help_text=_("If registrations are taken elsewhere.")
    )

    # Report, filled after the event (seed: a report with numbered perspectives).
    report_summary = RichTextField(_("report summary"), blank=True)
    perspectives = StreamField(
        [("perspective", PerspectiveBlock())], verbose_name=_("perspectives"), blank=True
    )
    attendee_count = models.PositiveIntegerField(_("number of attendees"), null=True, blank=True)
    report_documents = StreamField(ResourcesBlock(), verbose_name=_("report documents"), blank=True)

    parent_page_types = ["wagtail_reseau.ForumIndexPage"]
    subpage_types = []
    template = "wagtail_reseau/pages/forum_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("event_status")],
            heading=_("Date and time"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("online_url"),
            ],
            heading=_("Place"),
        ),
        FieldPanel("organiser"),
        FieldPanel("open_to_public"),
        FieldPanel("tags"),
    ]
    programme_panels = [
        InlinePanel("contributors", heading=_("Experts and speakers"), label=_("Contributor")),
        FieldPanel("agenda"),
    ]
    registration_panels = [
        FieldPanel("registration_required"),
        FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list")]),
        FieldPanel("external_registration_url"),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_services", widget=forms.CheckboxSelectMultiple),
                FieldPanel("accessibility_contact"),
            ],
            heading=_("Accessibility"),
        ),
    ]
    report_panels = [
        FieldPanel("report_summary"),
        FieldPanel("perspectives"),
        FieldPanel("attendee_count"),
        MultipleChooserPanel(
            "participating_organisations",
            chooser_field_name="organisation",
            heading=_("Participating organisations"),
            label=_("Participating organisation"),
        ),
        FieldPanel("report_documents"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Forum")),
            ObjectList(programme_panels, heading=_("Programme")),
            ObjectList(registration_panels, heading=_("Registration")),
            ObjectList(ClassifiedPageMixin.classification_panels, heading=_("Classification")),
            ObjectList(report_panels, heading=_("Report")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + ClassifiedPageMixin.classification_search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("agenda"),
        index.SearchField("report_summary"),
        index.SearchField("perspectives"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
        index.FilterField("kind"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = ClassifiedPageMixin.classification_api_fields + [
        APIField("kind"),
        APIField("summary"),
        APIField("description"),
        APIField("start"),
        APIField("end"),
        APIField("event_status"),
        APIField("attendance_mode"),
        APIField("venue_name"),
        APIField("venue_address"),
        APIField("organiser"),
        APIField("open_to_public"),
        APIField("agenda"),
        APIField("contributors"),
        APIField("accessibility_services"),
        APIField("registration_required"),
        APIField("registration_opens"),
        APIField("registration_closes"),
        APIField("capacity"),
        APIField("external_registration_url"),
        APIField("tags"),
        APIField("report_summary"),
        APIField("perspectives"),
        APIField("attendee_count"),
        APIField("participating_organisations"),
        APIField("report_documents"),
    ]

    override_translatable_fields = ClassifiedPageMixin.override_translatable_fields + [
        SynchronizedField("participating_organisations"),
        SynchronizedField("venue_address"),
        SynchronizedField("event_status"),
    ]

    class Meta:
        verbose_name = _("forum or workshop")
        verbose_name_plural = _("forums and workshops")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end must come after the start.")
        if self.attendance_mode in (AttendanceMode.IN_PERSON, AttendanceMode.HYBRID) and not (
            self.venue_name or self.venue_address
        ):
            errors["venue_name"] = _("Say where the forum takes place.")
        if self.registration_opens and self.registration_closes and (
            self.registration_closes < self.registration_opens
        ):
            errors["registration_closes"] = _("Registration must close after it opens.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["registration"] = registration_context(self, request)
        return context

    @property
    def is_upcoming(self):
        return (self.end or self.start) >= timezone.now()

    @property
    def has_report(self):
        return bool(self.report_summary or self.perspectives or self.attendee_count)

    def get_contributors(self, role=None):
        """The contributors, their people and those people's organisations in the visitor's
        language (translated all at once, not once a contributor)."""
        contributors = self.contributors.select_related("person__photo", "person__organisation").prefetch_related(
            "person__photo__renditions"
        )
        if role:
            contributors = contributors.filter(role=role)
        return localize_people(contributors)

    def get_news_reports(self):
        """Live, public news items reporting on this forum, in this page's language."""
        from ..news.models import NewsPage

        return (
            NewsPage.objects.live()
            .public()
            .filter(forum__translation_key=self.translation_key, locale_id=self.locale_id)
            .order_by("-date")
            .select_related("image")
            .prefetch_related("image__renditions")
        )

    def get_participating_organisations(self):
        """The live, public ones, in the editors' order and this page's language. Read
        through the organisations' ids: on a preview the relation is held in memory."""
        return live_pages_in_order(
            ForumParticipant._meta.get_field("organisation").related_model,
            [link.organisation_id for link in self.participating_organisations.all()],
        )


def registration_context(page, request):
    """The registration panel's context (events/registrations/pages.py), when that
    app is installed; None otherwise (the page then shows the registration settings)."""
    return call_page_action("events.registration_context", page, request)


class ForumParticipant(Orderable):
    """An organisation that took part in a forum, chosen with the page chooser (search,
    several at once, reordered). Not translated: wagtail-localize copies the links to the
    translations (a synchronised field)."""

    page = ParentalKey(ForumPage, on_delete=models.CASCADE, related_name="participating_organisations")
    organisation = models.ForeignKey(
        "wagtail_reseau.OrganisationPage",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="forum_participations",
    )

    panels = [FieldPanel("organisation")]
    api_fields = [APIField("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("participating organisation")
        verbose_name_plural = _("participating organisations")


class ForumContributor(TranslatableMixin, Orderable):
    """An expert, speaker or moderator of a forum session; its topic is translated with the forum."""

    page = ParentalKey(ForumPage, on_delete=models.CASCADE, related_name="contributors")
    person = models.ForeignKey(
        "wagtail_reseau.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("role"), max_length=20, choices=ContributorRole.choices, default=ContributorRole.SPEAKER)
    topic = models.CharField(_("topic"), max_length=255, blank=True)

    panels = [FieldPanel("person"), FieldRowPanel([FieldPanel("role"), FieldPanel("topic")])]
    api_fields = [APIField("person"), APIField("role"), APIField("topic")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")


ForumIndexPage.listing_model = ForumPage
