"""A mentoring page as a schema.org ``Offer`` (an organisation offers mentoring)
or ``Demand`` (it seeks some), of a mentoring ``Service``."""

from django.utils.translation import gettext

from ..seo.builders import PageStructuredData
from ..seo.registry import register_structured_data
from ..seo.schema import compact, iso_datetime, organisation_reference, term_names
from .models import MentoringDirection, MentoringPage


@register_structured_data(MentoringPage)
class MentoringStructuredData(PageStructuredData):
    entity_fragment = "mentoring"

    def main_entity(self):
        page = self.page
        organisation = organisation_reference(
            page.organisation.localized if page.organisation_id else None, self.request
        )
        offer = page.direction == MentoringDirection.OFFER
        return compact(
            {
                "@type": "Offer" if offer else "Demand",
                "@id": self.entity_id,
                "name": page.title,
                "url": self.url,
                "description": self.description(),
                "itemOffered": {"@type": "Service", "serviceType": gettext("Social mentoring")},
                "offeredBy": organisation if offer else None,
                "availabilityStarts": iso_datetime(page.available_from),
                "availabilityEnds": iso_datetime(page.available_until),
                "areaServed": term_names(page, "territories") or None,
            }
        )
