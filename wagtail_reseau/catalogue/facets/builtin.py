"""The facets every catalogue has, whatever the domains: content type, tag, year,
and upcoming or past. Registered when the catalogue is imported."""

import re

from django.utils.translation import gettext_lazy as _

from .base import Facet

WHEN_UPCOMING = "upcoming"
WHEN_PAST = "past"
WHEN_LABELS = {WHEN_UPCOMING: _("Upcoming"), WHEN_PAST: _("Past")}
#: What the "when" facet stores for a document that has an end (an event).
WHEN_MARKER = "event"
YEAR = re.compile(r"^[0-9]{1,6}$")  # ASCII only: "²".isdigit() is true


class ContentTypeFacet(Facet):
    """The document type (good practice, organisation, forum...)."""

    key = "type"
    label = _("Content type")
    position = 50

    def document_values(self, page, document):
        return {document.type}

    def allowed_values(self, candidates, scope):
        return {value for value in candidates if value in scope.content_types}

    def labels(self, scope, stored_labels):
        from ..document_types import document_types

        return {key: document_type.label for key, document_type in document_types().items()}

    def shown_values(self, values, scope):
        return values & set(scope.content_types)


class TagFacet(Facet):
    """Free tags (django-taggit): their labels are stored with the documents."""

    key = "tag"
    label = _("Tag")
    position = 60
    labels_from_documents = True
    relations = ("tags",)

    def _tags(self, page):
        from ..relations import related_objects

        # Sorted: the same text (and fingerprint) whichever query read the tags.
        return sorted((related_objects(page, "tags") or []), key=lambda tag: (tag.name, tag.slug))

    def document_values(self, page, document):
        return {tag.slug for tag in self._tags(page)}

    def document_labels(self, page, document):
        return {tag.slug: tag.name for tag in self._tags(page)}

    def document_text(self, page, document):
        return [tag.name for tag in self._tags(page)]

    def allowed_values(self, candidates, scope):
        from taggit.models import Tag

        return set(Tag.objects.filter(slug__in=candidates).values_list("slug", flat=True))


class YearFacet(Facet):
    """The years of a document (its date's, or every year of its sessions)."""

    key = "year"
    label = _("Year")
    position = 70

    def document_values(self, page, document):
        return {str(year) for year in document.years}

    def allowed_values(self, candidates, scope):
        return {value for value in candidates if YEAR.match(value) and 1900 <= int(value) <= 2200}

    def sort_key(self, facet_value):
        # By year, newest first: a visitor looks a year up, whatever its count.
        return -int(facet_value.value) if facet_value.value.isdigit() else 0


class WhenFacet(Facet):
    """Upcoming or past, for documents that end (forums, training sessions): not
    stored, since it changes with time; computed from ``event_last`` at each
    search. The documents that end store a marker value to be counted by."""

    key = "when"
    label = _("Upcoming or past")
    position = 80
    depends_on_time = True

    def document_values(self, page, document):
        return {WHEN_MARKER} if document.event_last is not None else set()

    def allowed_values(self, candidates, scope):
        return {value for value in candidates if value in WHEN_LABELS}

    def labels(self, scope, stored_labels):
        return dict(WHEN_LABELS)

    def database_condition(self, values, now):
        from django.db.models import Q

        values = set(values)
        if values == {WHEN_UPCOMING}:
            return Q(event_last__gte=now)
        if values == {WHEN_PAST}:
            return Q(event_last__lt=now)
        return Q(event_last__isnull=False)

    def sqlite_flag(self, values, moment):
        values = set(values)
        if values == {WHEN_UPCOMING}:
            return "(e.event_last IS NOT NULL AND e.event_last >= %s)", [moment]
        if values == {WHEN_PAST}:
            return "(e.event_last IS NOT NULL AND e.event_last < %s)", [moment]
        return "(e.event_last IS NOT NULL)", []

    def counts_from_rows(self, rows):
        counts = {}
        for _value, count, upcoming in rows:
            counts[WHEN_UPCOMING] = upcoming
            counts[WHEN_PAST] = count - upcoming
        return counts

    def elasticsearch_filter(self, values, now):
        from elasticsearch.dsl import Q

        values = set(values)
        if values == {WHEN_UPCOMING}:
            return Q("range", event_last={"gte": now})
        if values == {WHEN_PAST}:
            return Q("range", event_last={"lt": now})
        return Q("exists", field="event_last")

    def elasticsearch_aggregate(self, bucket, selected, size, now):
        from elasticsearch.dsl import Q

        bucket.bucket(
            "values",
            "filters",
            filters={WHEN_UPCOMING: Q("range", event_last={"gte": now}), WHEN_PAST: Q("range", event_last={"lt": now})},
        )

    def counts_from_aggregation(self, data):
        buckets = data.get("values", {}).get("buckets", {})
        return {name: bucket["doc_count"] for name, bucket in buckets.items()}, {}


BUILTIN_FACETS = (ContentTypeFacet(), TagFacet(), YearFacet(), WhenFacet())
