"""The host's catalogue declarations: one page type and one facet."""

from wagtail_reseau.catalogue.document_types import DocumentType, register_document_type
from wagtail_reseau.catalogue.facets import Facet, register_facet

from .models import Difficulty


class DifficultyFacet(Facet):
    key = "difficulty"
    label = "Difficulté"
    position = 90

    def document_values(self, page, document):
        difficulty = getattr(page, "difficulty", "")
        return {difficulty} if difficulty else set()

    def allowed_values(self, candidates, scope):
        return {value for value in candidates if value in Difficulty.values}

    def labels(self, scope, stored_labels):
        return dict(Difficulty.choices)


register_facet(DifficultyFacet())
register_document_type(
    DocumentType("toolkit", "reseau_testapp.ToolkitPage", "Boîte à outils", plural_label="Boîtes à outils")
)
