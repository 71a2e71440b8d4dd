"""``sitemap.xml``: Wagtail's sitemap over every language of the site, each address
with its translations as ``hreflang`` alternates (``<xhtml:link rel="alternate">``).

Only live pages without a view restriction are listed (Wagtail's ``live().public()``);
a page type leaves itself out by returning ``[]`` from ``get_sitemap_urls``. The host
routes it once, outside ``i18n_patterns``::

    from wagtail_reseau.seo.sitemap import sitemap
    path("sitemap.xml", sitemap),
"""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from ..core.public_version import cache_public_response

TEMPLATE = "wagtail_reseau/seo/sitemap.xml"
#: How long the sitemap stays cached; publishing, unpublishing, deleting, moving or
#: restricting a page drops it at once (core/public_version.py).
CACHE_SECONDS = 60 * 15


class MultilingualSitemap(Sitemap):
    """The site's pages in every language, with their live translations as alternates."""

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = list(root.get_translations(inclusive=True))
        queryset = Page.objects.none()
        for language_root in roots:
            queryset |= Page.objects.descendant_of(language_root, inclusive=True)
        return queryset.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        """As Wagtail's, with each page's main address given its ``alternates``:
        ``[{"lang_code", "location"}]`` of its live, public translations (itself
        included, as search engines ask)."""
        urls = []
        last_mods = set()
        items = list(self.paginator.page(page).object_list)
        alternates = self.alternates_for(items)
        for item in items:
            own_url = item.get_full_url(self.request)
            for url_info in item.get_sitemap_urls(self.request):
                url_info = dict(url_info)
                if url_info.get("location") == own_url and len(alternates.get(item.translation_key, ())) > 1:
                    url_info["alternates"] = alternates[item.translation_key]
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def alternates_for(self, items):
        """``{translation key: [{"lang_code", "location"}]}`` for ``items``, in one query."""
        keys = {item.translation_key for item in items}
        alternates = defaultdict(list)
        translations = (
            Page.objects.filter(translation_key__in=keys)
            .live()
            .public()
            .select_related("locale")
            .order_by("locale__language_code")
        )
        for translation in translations:
            url = translation.get_full_url(self.request)
            if url:
                alternates[translation.translation_key].append(
                    {"lang_code": translation.locale.language_code, "location": url}
                )
        return alternates


@cache_public_response(CACHE_SECONDS)
def sitemap(request):
    return wagtail_sitemap(
        request, sitemaps={"pages": MultilingualSitemap}, template_name=TEMPLATE, content_type="application/xml"
    )
