"""A good practice as a schema.org ``CreativeWork`` (a ``HowTo`` when it says how
it is done): its lead and partner organisations, licence, start and keywords."""

from ..seo.builders import PageStructuredData
from ..seo.registry import register_structured_data
from ..seo.schema import compact, field_text, iso_datetime, organisation_reference, plain_text, term_names
from .models import GoodPracticePage, Licence

LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    Licence.ETALAB: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}


@register_structured_data(GoodPracticePage)
class GoodPracticeStructuredData(PageStructuredData):
    og_type = "article"
    entity_fragment = "practice"

    def description(self):
        page = self.page
        return field_text(page, "search_description") or field_text(page, "summary") or field_text(page, "what")

    def main_entity(self):
        page = self.page
        lead = organisation_reference(
            page.lead_organisation.localized if page.lead_organisation_id else None, self.request
        )
        partners = [
            organisation_reference(partner, self.request, known_public=True)
            for partner in page.get_partner_organisations()
        ]
        partners += [
            {"@type": "Organization", "name": name.strip()} for name in page.other_partners.splitlines() if name.strip()
        ]
        how = plain_text(page.how, length=0)
        return compact(
            {
                # A HowTo when the practice says how it is done (its "How?"), a CreativeWork otherwise.
                "@type": "HowTo" if how else "CreativeWork",
                "@id": self.entity_id,
                "name": page.title,
                "url": self.url,
                "mainEntityOfPage": {"@id": f"{self.url}#webpage"},
                "description": self.description(),
                "abstract": plain_text(page.what),
                "step": [{"@type": "HowToStep", "text": how}] if how else None,
                "creator": lead,
                "contributor": [partner for partner in partners if partner],
                "dateCreated": iso_datetime(page.start_date),
                "datePublished": iso_datetime(page.first_published_at),
                "dateModified": iso_datetime(page.last_published_at),
                "license": LICENCE_URLS.get(page.licence),
                "inLanguage": self.language,
                "keywords": term_names(page, "domains") or None,
            }
        )
