"""How good practices become catalogue documents, and the facet of their reuse
log: "reused at least once" (the "most reused" sort reads the same count)."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from ..catalogue.document_types import DocumentType, published_date, register_document_type
from ..catalogue.facets import Facet, register_facet

REUSED = "yes"


def approved_reuse_count(page):
    """Approved entries of the practice's reuse log, in every language (an entry
    logged on the French page counts on its English translation too)."""
    if not apps.is_installed("wagtail_reseau.practices.contributions"):
        return 0
    cached = getattr(page, "_reseau_reuse_count", None)
    if cached is not None:
        return cached
    from .contributions.models import Reuse

    return Reuse.objects.approved().filter(practice__translation_key=page.translation_key).count()


PRACTICE = register_document_type(
    DocumentType(
        "practice",
        "wagtail_reseau.GoodPracticePage",
        _("Good practice"),
        plural_label=_("Good practices"),
        get_date=lambda page: page.start_date or published_date(page),
        get_reuse_count=approved_reuse_count,
    )
)


class ReusedFacet(Facet):
    """Documents reused at least once elsewhere (their approved reuse count)."""

    key = "reused"
    label = _("Reuse")
    position = 75

    def document_values(self, page, document):
        return {REUSED} if document.reuse_count > 0 else set()

    def allowed_values(self, candidates, scope):
        return {value for value in candidates if value == REUSED}

    def labels(self, scope, stored_labels):
        return {REUSED: _("Reused at least once")}


REUSED_FACET = register_facet(ReusedFacet())
