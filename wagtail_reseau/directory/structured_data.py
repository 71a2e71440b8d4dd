"""The directory in schema.org: an organisation page describes an ``NGO`` (an
``Organization``) with its address, coordinates, federation and public contacts."""

from ..seo.builders import PageStructuredData
from ..seo.registry import register_structured_data
from ..seo.schema import compact, organisation_reference, postal_address
from .models import OrganisationPage


@register_structured_data(OrganisationPage)
class OrganisationStructuredData(PageStructuredData):
    page_type = "ProfilePage"
    entity_fragment = "organisation"
    image_spec = "max-1200x630"

    def image(self):
        page = self.page
        return (page.logo, page.title) if page.logo_id else None

    def main_entity(self):
        page = self.page
        geo = None
        if page.has_coordinates:
            geo = {"@type": "GeoCoordinates", "latitude": float(page.latitude), "longitude": float(page.longitude)}
        image = self.image_node()
        return compact(
            {
                # NGO is an Organization: readers that know only Organization still read it.
                "@type": "NGO",
                "@id": self.entity_id,
                "name": page.title,
                "url": page.website or self.url,
                "mainEntityOfPage": {"@id": f"{self.url}#webpage"},
                "description": self.description(),
                "logo": image,
                "address": postal_address(page.street_address, page.postcode, page.commune),
                "geo": geo,
                # The phone and e-mail the page itself shows to everyone.
                "telephone": page.phone,
                "email": page.email,
                "identifier": self.identifiers(),
                "parentOrganization": organisation_reference(page.get_parent_organisation(), self.request),
            }
        )

    def identifiers(self):
        page = self.page
        identifiers = []
        if page.siret:
            identifiers.append({"@type": "PropertyValue", "propertyID": "SIRET", "value": page.siret})
        return identifiers
