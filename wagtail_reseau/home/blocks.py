"""The blocks of the network's home page. Each one is optional: an editor adds,
orders and removes them. A listing block reads its pages when it is rendered,
from the page it is on (``page`` in the template context)."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..news.models import NewsKind
from . import listings

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


def heading_block():
    return blocks.CharBlock(
        label=_("Heading"), required=False, max_length=120, help_text=_("Leave empty for the default heading.")
    )


def count_block(default):
    return blocks.IntegerBlock(label=_("Number of items"), default=default, min_value=1, max_value=12)


def more_link_block():
    return blocks.PageChooserBlock(
        label=_("“See all” page"), required=False, help_text=_("A page listing them all, linked after the list.")
    )


class HomeBlock(blocks.StructBlock):
    """A home block: its heading (or a default one) and the page it is on."""

    default_heading = ""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["heading"] = value.get("heading") or str(self.default_heading)
        home = (parent_context or {}).get("page")
        context["home"] = home
        context.update(self.get_items(value, home) if home is not None else {})
        more = value.get("more_page")
        context["more_page"] = more if more is not None and more.live else None
        return context

    def get_items(self, value, home):
        return {}


class CatalogueSearchBlock(HomeBlock):
    """A search box whose words are searched in a catalogue page (a plain GET form)."""

    catalogue = blocks.PageChooserBlock(label=_("Catalogue"), page_type="wagtail_reseau.CataloguePage")
    heading = heading_block()
    label = blocks.CharBlock(
        label=_("Label of the search field"),
        required=False,
        max_length=120,
        help_text=_("Leave empty for “Search the network”."),
    )
    default_heading = _("Find a practice, an organisation, a training session")

    class Meta:
        icon = "search"
        label = _("Search box")
        template = "wagtail_reseau/blocks/home_search.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        catalogue = value.get("catalogue")
        context["catalogue"] = catalogue if catalogue is not None and catalogue.live else None
        context["label"] = value.get("label") or gettext("Search the network")
        return context


class EventKinds:
    BOTH = "both"
    FORUMS = "forums"
    TRAININGS = "trainings"
    CHOICES = [
        (BOTH, _("Forums and training sessions")),
        (FORUMS, _("Forums only")),
        (TRAININGS, _("Training sessions only")),
    ]


class UpcomingEventsBlock(HomeBlock):
    heading = heading_block()
    show = blocks.ChoiceBlock(label=_("Show"), choices=EventKinds.CHOICES, default=EventKinds.BOTH)
    count = count_block(4)
    more_page = more_link_block()
    default_heading = _("Next forums and training sessions")

    class Meta:
        icon = "date"
        label = _("Upcoming forums and training sessions")
        template = "wagtail_reseau/blocks/home_upcoming.html"

    def get_items(self, value, home):
        show = value.get("show") or EventKinds.BOTH
        return {
            "events": listings.upcoming_events(
                home,
                value.get("count") or 4,
                forums=show in (EventKinds.BOTH, EventKinds.FORUMS),
                trainings=show in (EventKinds.BOTH, EventKinds.TRAININGS),
            )
        }


class LatestPracticesBlock(HomeBlock):
    heading = heading_block()
    count = count_block(3)
    more_page = more_link_block()
    default_heading = _("Latest good practices")

    class Meta:
        icon = "pick"
        label = _("Latest good practices")
        template = "wagtail_reseau/blocks/home_practices.html"

    def get_items(self, value, home):
        return {"pages": listings.latest_practices(home, value.get("count") or 3)}


class LatestNewsBlock(HomeBlock):
    heading = heading_block()
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=NewsKind.choices,
        required=False,
        help_text=_("Leave empty to list every kind of news."),
    )
    count = count_block(3)
    more_page = more_link_block()
    default_heading = _("Latest news and residents' initiatives")

    class Meta:
        icon = "doc-full"
        label = _("Latest news")
        template = "wagtail_reseau/blocks/home_news.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        if not value.get("heading") and value.get("kind") == NewsKind.RESIDENTS_INITIATIVE:
            context["heading"] = gettext("Residents' initiatives")
        return context

    def get_items(self, value, home):
        return {"pages": listings.latest_news(home, value.get("count") or 3, kind=value.get("kind") or "")}


class KeyFiguresBlock(HomeBlock):
    heading = heading_block()
    default_heading = _("The network in figures")

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "wagtail_reseau/blocks/home_figures.html"

    def get_items(self, value, home):
        return {"figures": listings.key_figures(home)}


class HomeBodyBlock(blocks.StreamBlock):
    search = CatalogueSearchBlock()
    upcoming = UpcomingEventsBlock()
    practices = LatestPracticesBlock()
    news = LatestNewsBlock()
    figures = KeyFiguresBlock()
    text = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="wagtail_reseau/blocks/home_text.html"
    )

    class Meta:
        label = _("Home page blocks")
