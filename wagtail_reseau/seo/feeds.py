"""RSS and Atom feeds of live, public pages (Django's syndication framework),
filtered with the catalogue's own parameters and parser (``domain``, ``territory``).

A feed covers the request's site in the active language (``/en/feeds/...`` in
English). Each domain declares its feed beside its models (``news/feeds.py``...)
with ``register_feed``; a host registers its own the same way."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponseBadRequest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext
from wagtail.models import Locale

from ..catalogue.facets import get_facets
from ..catalogue.facets.vocabulary import vocabulary_terms
from ..catalogue.query import CatalogueScope, parse_query
from .schema import current_site, field_text, full_url, site_name, term_names

FORMATS = {"rss": Rss201rev2Feed, "atom": Atom1Feed}
CONTENT_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}

_FEEDS = {}


def register_feed(feed_class):
    """Registers a ``PageFeed`` subclass under its ``key`` (replacing one of the same key)."""
    _FEEDS[feed_class.key] = feed_class
    return feed_class


def get_feed_class(key):
    return _FEEDS.get(key)


def feed_classes():
    return dict(_FEEDS)


class BadFeedQuery(Exception):
    def __init__(self, problems):
        super().__init__(problems)
        self.problems = problems


class FeedScope:
    """What one request asks of a feed: the site's root in the active language and
    the catalogue query its parameters make."""

    def __init__(self, request, root, locale, query):
        self.request = request
        self.root = root
        self.locale = locale
        self.query = query


class PageFeed(Feed):
    """The base of every page feed: live, public pages of ``model`` under the site's
    root in the active language, filtered by the facets in ``filter_facets``."""

    #: The feed's name in its address (``/feeds/<key>.rss``).
    key = None
    #: The page model listed, and the index page whose head links to the feed.
    model = None
    index_model = None
    #: The feed's title (``{site}: {title}``) and description.
    feed_title = ""
    feed_description = ""
    #: The catalogue facets a subscriber filters with (their GET parameters).
    filter_facets = ("domain", "territory")
    max_items = 50

    def __init__(self, syndication_format="rss"):
        super().__init__()
        self.syndication_format = syndication_format
        self.feed_type = FORMATS[syndication_format]

    # -- the request -------------------------------------------------------------

    def get_object(self, request, *args, **kwargs):
        locale = Locale.get_active()
        site = current_site(request)
        root = None
        if site is not None:
            root = (
                site.root_page
                if site.root_page.locale_id == locale.pk
                else (site.root_page.get_translation_or_none(locale))
            )
        scope = CatalogueScope(
            language_code=locale.language_code,
            locale_id=locale.pk,
            content_types=(),
            facet_keys=tuple(self.filter_facets),
        )
        query = parse_query(request.GET, scope)
        facets = get_facets()
        # A filter that cannot be applied would give a subscriber a feed they did not ask for.
        problems = [item for item in query.ignored if item.parameter in facets or item.parameter in self.filter_facets]
        if problems:
            raise BadFeedQuery(problems)
        self.request = request
        return FeedScope(request, root, locale, query)

    def get_queryset(self, scope):
        if scope.root is None:
            return self.model.objects.none()
        queryset = self.model.objects.live().public().descendant_of(scope.root).filter(locale_id=scope.locale.pk)
        facets = get_facets()
        for key, values in scope.query.selections:
            facet = facets[key]
            slugs = with_descendants(facet, values, scope.locale.language_code)
            queryset = queryset.filter(**{f"{facet.relation}__slug__in": slugs})
        return queryset.distinct()

    def items(self, scope):
        return list(self.get_queryset(scope)[: self.max_items])

    # -- the feed ----------------------------------------------------------------

    def title(self, scope):
        name = site_name(current_site(scope.request))
        title = str(self.feed_title)
        labels = self.filter_labels(scope)
        if labels:
            title = f"{title} ({', '.join(labels)})"
        return f"{name}: {title}" if name else title

    def filter_labels(self, scope):
        facets = get_facets()
        labels = []
        for key, values in scope.query.selections:
            terms = vocabulary_terms(facets[key], scope.locale.language_code)
            labels.extend(terms[value].label for value in values if value in terms)
        return labels

    def description(self, scope):
        return str(self.feed_description)

    def subtitle(self, scope):
        return self.description(scope)

    def link(self, scope):
        index = self.index_page(scope)
        if index is not None:
            return full_url(index, scope.request)
        if scope.root is not None:
            return full_url(scope.root, scope.request)
        return scope.request.build_absolute_uri("/")

    def feed_url(self, scope):
        return scope.request.build_absolute_uri()

    def index_page(self, scope):
        if self.index_model is None or scope.root is None:
            return None
        return (
            self.index_model.objects.live()
            .public()
            .descendant_of(scope.root, inclusive=True)
            .filter(locale_id=scope.locale.pk)
            .order_by("path")
            .first()
        )

    # -- an item -----------------------------------------------------------------

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return field_text(item, "search_description") or field_text(item, "summary")

    def item_link(self, item):
        return full_url(item, self.request)

    def item_guid(self, item):
        return self.item_link(item)

    def item_guid_is_permalink(self, item):
        return True

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item):
        return term_names(item, "domains") + term_names(item, "territories")


def with_descendants(facet, values, language_code):
    """The slugs ``values`` and, in a tree (domains, territories), their descendants:
    a page on "Prévention" is in a feed filtered on "Santé", as in the catalogue."""
    slugs = set(values)
    if not getattr(facet, "hierarchical", False):
        return slugs
    children = {}
    for slug, term in vocabulary_terms(facet, language_code).items():
        if term.parent:
            children.setdefault(term.parent, set()).add(slug)
    frontier = set(values)
    while frontier:
        frontier = set().union(*(children.get(slug, set()) for slug in frontier)) - slugs
        slugs |= frontier
    return slugs


def local_midnight(date):
    """A date as the first moment of that day in the site's time zone (a feed item's date)."""
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time()))


def feed_view(request, key, syndication_format):
    """``/feeds/<key>.<rss|atom>``: a registered feed, or 404; bad filters give 400."""
    feed_class = get_feed_class(key)
    if feed_class is None or syndication_format not in FORMATS:
        raise Http404(gettext("No such feed."))
    try:
        return feed_class(syndication_format)(request)
    except BadFeedQuery as error:
        lines = [gettext("This feed cannot be filtered this way:")]
        lines += [f"- {item.parameter}={item.value}: {item.reason}" for item in error.problems]
        lines.append(gettext("Filters offered: %(filters)s.") % {"filters": ", ".join(feed_class.filter_facets)})
        return HttpResponseBadRequest("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def feed_links(page, request=None):
    """``[{"url", "title", "content_type"}]``: the feeds whose index page ``page`` is,
    in ``page``'s language (none when the host has not routed the feeds)."""
    links = []
    for key, feed_class in _FEEDS.items():
        if feed_class.index_model is None or not isinstance(page, feed_class.index_model):
            continue
        for syndication_format, label in (("rss", "RSS"), ("atom", "Atom")):
            try:
                with translation.override(page.locale.language_code):
                    url = reverse("wagtail_reseau_feed", kwargs={"key": key, "syndication_format": syndication_format})
            except NoReverseMatch:
                return []
            if request is not None:
                url = request.build_absolute_uri(url)
            links.append(
                {
                    "url": url,
                    "title": f"{feed_class.feed_title} ({label})",
                    "content_type": CONTENT_TYPES[syndication_format],
                }
            )
    return links
