"""The vocabularies as catalogue facets: a page is found by its domains of action
and territories (trees: a page on "Prévention" is counted under "Santé" too), its
audiences and its organisation type."""

from django.utils.translation import gettext_lazy as _

from ..catalogue.facets import VocabularyFacet, register_facet

DOMAIN = register_facet(
    VocabularyFacet(
        "domain", _("Domain of action"), model="wagtail_reseau.DomainOfAction", relation="domains",
        hierarchical=True, in_text=True, position=10,
    )
)
TERRITORY = register_facet(
    VocabularyFacet(
        "territory", _("Territory"), model="wagtail_reseau.Territory", relation="territories",
        hierarchical=True, in_text=True, position=20,
    )
)
AUDIENCE = register_facet(
    VocabularyFacet("audience", _("Audience"), model="wagtail_reseau.Audience", relation="audiences", position=30)
)
ORGANISATION_TYPE = register_facet(
    VocabularyFacet(
        "organisation_type", _("Organisation type"), model="wagtail_reseau.OrganisationType",
        relation="organisation_type", position=40,
    )
)
