"""The network's home page."""

from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from . import listings
from .blocks import HomeBodyBlock


class NetworkHomePage(Page):
    """The root of a network's site: blocks an editor adds, orders and removes."""

    body = StreamField(
        HomeBodyBlock(),
        verbose_name=_("blocks"),
        blank=True,
        help_text=_(
            "A search box, the next forums and training sessions, the latest practices and news, "
            "key figures, text: add the blocks you want, in the order you want."
        ),
    )

    parent_page_types = ["wagtailcore.Page"]
    template = "wagtail_reseau/pages/network_home_page.html"

    content_panels = Page.content_panels + [FieldPanel("body")]
    api_fields = [APIField("body")]

    class Meta:
        verbose_name = _("network home page")
        verbose_name_plural = _("network home pages")


# The key figures are cached: a counted page published, unpublished or deleted forgets them.
page_published.connect(listings.forget_key_figures, dispatch_uid="wagtail_reseau_home_published")
page_unpublished.connect(listings.forget_key_figures, dispatch_uid="wagtail_reseau_home_unpublished")
for _model in listings.COUNTED_MODELS:
    post_delete.connect(
        listings.forget_key_figures, sender=_model, dispatch_uid=f"wagtail_reseau_home_{_model.__name__}"
    )
