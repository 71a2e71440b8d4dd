"""Social mentoring between organisations: an experienced organisation offers to
support another, or an organisation asks for support, on domains of action.

Each offer or request is a page, so that a later matching and agreement workflow
can pair an offer with a request (both carry ``direction`` and ``status``)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..core.i18n import localize
from ..core.mixins import IndexPageMixin
from ..core.page_actions import call_page_view, has_page_action
from ..taxonomy.classification import ClassifiedPageMixin


class MentoringDirection(models.TextChoices):
    OFFER = "offer", _("Offers mentoring")
    REQUEST = "request", _("Seeks mentoring")


class MentoringStatus(models.TextChoices):
    OPEN = "open", _("Open")
    MATCHED = "matched", _("Matched with a partner")
    CLOSED = "closed", _("Closed")


class MentoringFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    REMOTE = "remote", _("Remote")
    BOTH = "both", _("In person or remote")


class MentoringIndexPage(RoutablePageMixin, IndexPageMixin, Page):
    """The mentoring exchange; its ``request/`` route is the public form to post a
    request, and ``report/<token>/`` a side's closing report (docs/mentoring.md)."""

    subpage_types = ["wagtail_reseau.MentoringPage", "wagtail_reseau.CataloguePage"]
    template = "wagtail_reseau/pages/mentoring_index_page.html"
    listing_ordering = ("-first_published_at",)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    api_fields = IndexPageMixin.api_fields

    class Meta:
        verbose_name = _("mentoring exchange")
        verbose_name_plural = _("mentoring exchanges")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = self.get_listing_queryset().filter(status=MentoringStatus.OPEN)
        context["open_offers"] = self.prepare_listing(listing.filter(direction=MentoringDirection.OFFER))
        context["open_requests"] = self.prepare_listing(listing.filter(direction=MentoringDirection.REQUEST))
        return context

    @path("request/", name="mentoring_request")
    def post_request(self, request):
        return call_page_view("mentoring.post_request", request, self)

    @path("report/<str:token>/", name="mentoring_report")
    def closing_report(self, request, token):
        return call_page_view("mentoring.closing_report", request, self, token)

    def request_form_url(self):
        if not has_page_action("mentoring.post_request"):
            return None
        return self.url + self.reverse_subpage("mentoring_request")


class MentoringPage(RoutablePageMixin, ClassifiedPageMixin, Page):
    direction = models.CharField(
        _("offer or request"), max_length=10, choices=MentoringDirection.choices, default=MentoringDirection.OFFER
    )
    organisation = models.ForeignKey(
        "wagtail_reseau.OrganisationPage",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="mentoring",
        help_text=_("The organisation that offers or seeks support."),
    )
    summary = models.TextField(_("summary"), max_length=500, blank=True, help_text=_("Shown in listings."))
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    experience = RichTextField(
        _("experience or need"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("For an offer, the experience shared; for a request, the need to be met."),
    )
    mentoring_format = models.CharField(
        _("format"), max_length=20, choices=MentoringFormat.choices, default=MentoringFormat.BOTH
    )
    availability = models.CharField(
        _("availability"), max_length=255, blank=True, help_text=_("E.g. two half-days a month.")
    )
    available_from = models.DateField(_("available from"), null=True, blank=True)
    available_until = models.DateField(_("available until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MentoringStatus.choices, default=MentoringStatus.OPEN
    )
    contact_name = models.CharField(_("contact name"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)

    parent_page_types = ["wagtail_reseau.MentoringIndexPage"]
    subpage_types = []
    template = "wagtail_reseau/pages/mentoring_page.html"

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("direction"), FieldPanel("status")]),
        FieldPanel("organisation"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("experience"),
    ]
    practical_panels = [
        MultiFieldPanel(
            [
                FieldPanel("mentoring_format"),
                FieldPanel("availability"),
                FieldRowPanel([FieldPanel("available_from"), FieldPanel("available_until")]),
            ],
            heading=_("Availability"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")])],
            heading=_("Contact"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Mentoring")),
            ObjectList(practical_panels, heading=_("Availability and contact")),
            ObjectList(ClassifiedPageMixin.classification_panels, heading=_("Classification")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + ClassifiedPageMixin.classification_search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("experience"),
        index.SearchField("availability"),
        index.FilterField("direction"),
        index.FilterField("status"),
    ]
    api_fields = ClassifiedPageMixin.classification_api_fields + [
        APIField("direction"),
        APIField("organisation"),
        APIField("summary"),
        APIField("description"),
        APIField("experience"),
        APIField("mentoring_format"),
        APIField("availability"),
        APIField("available_from"),
        APIField("available_until"),
        APIField("status"),
    ]

    class Meta:
        verbose_name = _("mentoring offer or request")
        verbose_name_plural = _("mentoring offers and requests")

    def clean(self):
        super().clean()
        if self.available_from and self.available_until and self.available_until < self.available_from:
            raise ValidationError({"available_until": _("This date must come after the start of availability.")})

    @path("answer/", name="mentoring_answer")
    def answer(self, request):
        return call_page_view("mentoring.answer", request, self)

    def answer_form_url(self):
        if not self.is_open or not has_page_action("mentoring.answer"):
            return None
        return self.url + self.reverse_subpage("mentoring_answer")

    @property
    def is_open(self):
        return self.status == MentoringStatus.OPEN

    def get_organisation(self):
        return localize(self.organisation) if self.organisation_id else None


MentoringIndexPage.listing_model = MentoringPage
MentoringIndexPage.listing_select_related = ("organisation",)
MentoringIndexPage.listing_localized_relations = ("organisation",)
