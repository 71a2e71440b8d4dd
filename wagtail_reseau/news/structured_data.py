"""News items as schema.org ``NewsArticle``s (a residents' initiative as an
``Article``), with their image, author, organisation and the forum reported on."""

from ..seo.builders import PageStructuredData
from ..seo.registry import register_structured_data
from ..seo.schema import compact, iso_datetime, organisation_reference, page_reference
from .models import NewsKind, NewsPage

HEADLINE_LENGTH = 110  # what search engines show of a headline


@register_structured_data(NewsPage)
class NewsStructuredData(PageStructuredData):
    og_type = "article"
    entity_fragment = "article"

    def image(self):
        page = self.page
        return (page.image, page.image_alt) if page.image_id else None

    def main_entity(self):
        page = self.page
        organisation = organisation_reference(page.get_organisation(), self.request)
        author = {"@type": "Person", "name": page.author_name} if page.author_name else organisation
        forum = page.get_forum()
        about = None
        if forum is not None and forum.live:
            reference = page_reference(forum, self.request)
            if reference:
                about = {
                    "@type": "Event",
                    "@id": reference["url"] + "#event",
                    "name": forum.title,
                    "url": reference["url"],
                }
        image = self.image_node()
        return compact(
            {
                "@type": "Article" if page.kind == NewsKind.RESIDENTS_INITIATIVE else "NewsArticle",
                "@id": self.entity_id,
                "headline": page.title[:HEADLINE_LENGTH],
                "url": self.url,
                "mainEntityOfPage": {"@id": f"{self.url}#webpage"},
                "description": self.description(),
                "image": [image] if image else None,
                "datePublished": iso_datetime(page.date),
                "dateModified": iso_datetime(page.last_published_at),
                "author": author,
                "publisher": self.publisher(),
                "sourceOrganization": organisation,
                "about": about,
                "inLanguage": self.language,
                "articleSection": str(NewsKind(page.kind).label) if page.kind in NewsKind.values else None,
            }
        )

    def publisher(self):
        site = self.site_node()
        if site is None:
            return None
        return {"@type": "Organization", "name": site["name"], "url": site["url"]}
