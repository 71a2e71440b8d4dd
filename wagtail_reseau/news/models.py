"""News of the network and of residents' initiatives; a forum report can be a
news item linked to its forum."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index

from ..core.blocks import BodyBlock
from ..core.i18n import localize
from ..core.mixins import IndexPageMixin
from ..taxonomy.classification import ClassifiedPageMixin


class NewsKind(models.TextChoices):
    NEWS = "news", _("Network news")
    RESIDENTS_INITIATIVE = "residents_initiative", _("Residents' initiative")
    FORUM_REPORT = "forum_report", _("Forum report")


class NewsIndexPage(IndexPageMixin, Page):
    subpage_types = ["wagtail_reseau.NewsPage", "wagtail_reseau.CataloguePage"]
    template = "wagtail_reseau/pages/news_index_page.html"
    listing_ordering = ("-date", "-pk")
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    api_fields = IndexPageMixin.api_fields

    class Meta:
        verbose_name = _("news list")
        verbose_name_plural = _("news lists")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("wagtail_reseau.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(ClassifiedPageMixin, Page):
    kind = models.CharField(_("kind"), max_length=30, choices=NewsKind.choices, default=NewsKind.NEWS)
    date = models.DateField(_("date"), default=timezone.localdate)
    author_name = models.CharField(_("author"), max_length=255, blank=True)
    organisation = models.ForeignKey(
        "wagtail_reseau.OrganisationPage",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
        help_text=_("The organisation behind the initiative or the news."),
    )
    forum = models.ForeignKey(
        "wagtail_reseau.ForumPage",
        verbose_name=_("forum reported on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_reports",
        help_text=_("For a forum report: the forum it reports on."),
    )
    intro = models.TextField(_("introduction"), max_length=600, blank=True, help_text=_("Shown in listings."))
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image text alternative"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for people who cannot see it; leave empty if decorative."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["wagtail_reseau.NewsIndexPage"]
    subpage_types = []
    template = "wagtail_reseau/pages/news_page.html"

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        MultiFieldPanel(
            [FieldPanel("author_name"), FieldPanel("organisation"), FieldPanel("forum")],
            heading=_("Who and what"),
        ),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Article")),
            ObjectList(ClassifiedPageMixin.classification_panels, heading=_("Classification")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + ClassifiedPageMixin.classification_search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("author_name"),
        index.FilterField("date"),
        index.FilterField("kind"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = ClassifiedPageMixin.classification_api_fields + [
        APIField("kind"),
        APIField("date"),
        APIField("author_name"),
        APIField("organisation"),
        APIField("forum"),
        APIField("intro"),
        APIField("image"),
        APIField("image_alt"),
        APIField("body"),
        APIField("tags"),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def clean(self):
        super().clean()
        if self.kind == NewsKind.FORUM_REPORT and not self.forum_id:
            raise ValidationError({"forum": _("A forum report must say which forum it reports on.")})

    def get_organisation(self):
        return localize(self.organisation) if self.organisation_id else None

    def get_forum(self):
        return localize(self.forum) if self.forum_id else None


NewsIndexPage.listing_model = NewsPage
NewsIndexPage.listing_select_related = ("image", "organisation")
NewsIndexPage.listing_prefetch_related = ("image__renditions",)
NewsIndexPage.listing_localized_relations = ("organisation",)
