"""How organisations become catalogue documents (located on the map by their
coordinates), and the "level in the network" facet."""

from django.utils.translation import gettext_lazy as _

from ..catalogue.document_types import DocumentType, register_document_type
from ..catalogue.facets import Facet, register_facet


def organisation_location(page):
    """The organisation's coordinates, when it has both."""
    if page.latitude is None or page.longitude is None:
        return None
    return (page.latitude, page.longitude)


ORGANISATION = register_document_type(
    DocumentType(
        "organisation",
        "wagtail_reseau.OrganisationPage",
        _("Organisation"),
        plural_label=_("Organisations"),
        get_years=lambda page: [],
        get_location=organisation_location,
    )
)


class NetworkLevelFacet(Facet):
    """National, regional or departmental federation, or member organisation:
    ``OrganisationPage.network_level``, a fixed list of choices."""

    key = "network_level"
    label = _("Level in the network")
    position = 45

    def _choices(self):
        from .models import NetworkLevel

        return dict(NetworkLevel.choices)

    def document_values(self, page, document):
        level = getattr(page, "network_level", "")
        return {level} if level in self._choices() else set()

    def allowed_values(self, candidates, scope):
        return {value for value in candidates if value in self._choices()}

    def labels(self, scope, stored_labels):
        return {value: str(label) for value, label in self._choices().items()}

    def sort_key(self, facet_value):
        """In the network's order, from the national federation down."""
        order = list(self._choices())
        return (order.index(facet_value.value) if facet_value.value in order else len(order), facet_value.value)


NETWORK_LEVEL = register_facet(NetworkLevelFacet())
