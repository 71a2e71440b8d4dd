"""How good practices become catalogue documents, and the facet of their reuse
log: "reused at least once" (the "most reused" sort reads the same count)."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from ..catalogue.document_types import DocumentType, published_date, register_document_type
from ..catalogue.facets import Facet, register_facet

REUSED = "yes"


#: ``{translation key: approved reuse entries}`` of every practice, in the cache:
#: one query for a whole rebuild, whatever its size. Forgotten whenever an entry
#: is approved, unapproved or deleted (``contributions.notifications``), and after
#: a few minutes anyway (a cache per process).
REUSE_COUNTS_CACHE_KEY = "wagtail_reseau:practices:reuse-counts"
REUSE_COUNTS_TIMEOUT = 300


def reuse_counts():
    from django.core.cache import cache

    counts = cache.get(REUSE_COUNTS_CACHE_KEY)
    if counts is None:
        from django.db.models import Count

        from .contributions.models import Reuse

        rows = (
            Reuse.objects.approved()
            .values("practice__translation_key")
            .annotate(count=Count("pk"))
            .values_list("practice__translation_key", "count")
        )
        counts = {str(key): count for key, count in rows}
        cache.set(REUSE_COUNTS_CACHE_KEY, counts, REUSE_COUNTS_TIMEOUT)
    return counts


def forget_reuse_counts():
    from django.core.cache import cache

    cache.delete(REUSE_COUNTS_CACHE_KEY)


def approved_reuse_count(page):
    """Approved entries of the practice's reuse log, in every language (an entry
    logged on the French page counts on its English translation too)."""
    if not apps.is_installed("wagtail_reseau.practices.contributions"):
        return 0
    return reuse_counts().get(str(page.translation_key), 0)


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
