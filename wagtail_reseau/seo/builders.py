"""The base builders: what every page says (a ``WebPage`` in a ``WebSite``, its
breadcrumb) and what an index says (a ``CollectionPage`` of its items). A page
type's builder subclasses one of them and adds its main entity."""

from django.utils import translation

from .schema import (
    compact,
    current_site,
    field_text,
    full_url,
    image_object,
    is_public,
    iso_datetime,
    site_name,
)

CONTEXT = "https://schema.org"


class PageStructuredData:
    """Describes one page for search engines and social networks.

    Override ``page_type`` (the schema.org type of the web page itself),
    ``main_entity()`` (the thing the page is about: an organisation, an event...),
    ``description()`` and ``image()`` (also used by the Open Graph tags)."""

    page_type = "WebPage"
    #: The Open Graph type (``website``, ``article``, ``profile``...).
    og_type = "website"
    #: The fragment naming the main entity (``<url>#organisation``).
    entity_fragment = "entity"

    def __init__(self, page, request=None):
        self.page = page
        self.request = request
        self._url = None

    # -- what the page says about itself -------------------------------------------

    @property
    def url(self):
        if self._url is None:
            self._url = full_url(self.page, self.request) or ""
        return self._url

    @property
    def entity_id(self):
        return f"{self.url}#{self.entity_fragment}"

    @property
    def language(self):
        locale = getattr(self.page, "locale", None)
        return locale.language_code if locale is not None else translation.get_language()

    def title(self):
        return self.page.seo_title or self.page.title

    def description(self):
        """The page's search description, else its summary or introduction."""
        page = self.page
        for name in ("search_description", "summary", "intro"):
            text = field_text(page, name)
            if text:
                return text
        return ""

    def image(self):
        """``(image, alternative text)`` shown when the page is shared, or None."""
        return None

    def image_node(self):
        image = self.image()
        if image is None or image[0] is None:
            return None
        return image_object(image[0], image[1], self.request)

    def main_entity(self):
        """The schema.org node of what the page is about (with ``"@id": self.entity_id``), or None."""
        return None

    # -- the graph -------------------------------------------------------------------

    def site_node(self):
        site = current_site(self.request)
        if site is None:
            return None
        root = site.root_page.localized
        url = full_url(root, self.request)
        if not url:
            return None
        return compact(
            {
                "@type": "WebSite",
                "@id": f"{url}#website",
                "url": url,
                "name": site_name(site),
                "inLanguage": self.language,
            }
        )

    def breadcrumb_items(self):
        """``[(title, url)]`` from the home page of the page's language down to the page."""
        site = current_site(self.request)
        root_depth = site.root_page.depth if site is not None else 2
        items = []
        if self.page.pk:
            for ancestor in self.page.get_ancestors().filter(depth__gte=root_depth):
                if is_public(ancestor):
                    url = full_url(ancestor, self.request)
                    if url:
                        items.append((ancestor.title, url))
        items.append((self.page.title, self.url))
        return items

    def breadcrumb_node(self):
        items = self.breadcrumb_items()
        if len(items) < 2:
            return None
        return {
            "@type": "BreadcrumbList",
            "@id": f"{self.url}#breadcrumb",
            "itemListElement": [
                {"@type": "ListItem", "position": position, "name": name, "item": url}
                for position, (name, url) in enumerate(items, start=1)
            ],
        }

    def web_page_node(self, site, breadcrumb, entity):
        page = self.page
        return compact(
            {
                "@type": self.page_type,
                "@id": f"{self.url}#webpage",
                "url": self.url,
                "name": self.title(),
                "description": self.description(),
                "inLanguage": self.language,
                "isPartOf": {"@id": site["@id"]} if site else None,
                "breadcrumb": {"@id": breadcrumb["@id"]} if breadcrumb else None,
                "mainEntity": {"@id": entity["@id"]} if entity and "@id" in entity else None,
                "primaryImageOfPage": self.image_node(),
                "datePublished": iso_datetime(page.first_published_at),
                "dateModified": iso_datetime(page.last_published_at),
            }
        )

    def graph(self):
        site = self.site_node()
        breadcrumb = self.breadcrumb_node()
        entity = self.main_entity()
        nodes = [self.web_page_node(site, breadcrumb, entity)]
        for node in (entity, breadcrumb, site):
            if node:
                nodes.append(node)
        return nodes

    def as_json_ld(self):
        return {"@context": CONTEXT, "@graph": self.graph()}


class IndexStructuredData(PageStructuredData):
    """An index page (directory, forums, news...): a ``CollectionPage`` whose main
    entity is the ``ItemList`` of the items it lists on its first page."""

    page_type = "CollectionPage"
    entity_fragment = "items"
    max_items = 30

    def items(self):
        """The pages listed, in the list's order (at most ``max_items``)."""
        get_queryset = getattr(self.page, "get_listing_queryset", None)
        return list(get_queryset()[: self.max_items]) if get_queryset is not None else []

    def main_entity(self):
        elements = []
        for position, item in enumerate(self.items(), start=1):
            url = full_url(item, self.request)
            if url:
                elements.append({"@type": "ListItem", "position": position, "url": url, "name": item.title})
        if not elements:
            return None
        return {"@type": "ItemList", "@id": self.entity_id, "itemListElement": elements}
