"""What a facet is: one class says how a facet's values are read from a page,
checked in a query, labelled and sorted in a result, and how each engine filters
and counts them. The built-in facets are instances registered in ``registry``;
a host registers its own the same way (see docs/extending.md)."""

import functools
import re

from ...core.collation import collation_key

SLUG = re.compile(r"^[-\w]{1,120}$")
#: A facet's key: a short slug (the database engine stores it in 30 characters).
FACET_KEY = re.compile(r"^[-\w]{1,30}$")


class Facet:
    """A facet whose values are stored with each document (a row per value in the
    database engine, a keyword in Elasticsearch) and counted as they are.

    Subclasses override the ``document_*`` methods to say where the values come
    from, and the engine hooks only when their values are not plain stored ones
    (see ``WhenFacet``)."""

    #: The GET parameter and the name engines store the values under.
    key = ""
    label = ""
    #: Values form a tree (a value's ancestors are stored with it; counted as a tree).
    hierarchical = False
    #: Whether the labels of the values come with the documents (tags), rather than
    #: from a vocabulary the facet reads itself.
    labels_from_documents = False
    #: Where the facet stands among the others (filters panel, parameters).
    position = 100
    #: Its counts change with time alone (upcoming becomes past): a cached count
    #: expires when the first upcoming event ends.
    depends_on_time = False
    #: Relations of the page the ``document_*`` methods read: prefetched in bulk
    #: when many documents are built (many-to-many) or selected (foreign keys).
    relations = ()

    def __init__(self, key=None, label=None, *, position=None):
        if key is not None:
            self.key = key
        if label is not None:
            self.label = label
        if position is not None:
            self.position = position
        if not FACET_KEY.match(self.key or "") or self.key in {"q", "sort", "page", "format"}:
            raise ValueError(
                f"A facet key must be a slug of at most 30 characters other than q, sort, page and format: {self.key!r}"
            )

    def __repr__(self):
        return f"<{type(self).__name__} {self.key!r}>"

    # -- documents ----------------------------------------------------------------

    def document_values(self, page, document):
        """The values of ``page`` (a set of strings, ancestors included for a tree).
        ``document`` is the document being built: its type, language, dates."""
        return set()

    def document_labels(self, page, document):
        """``{value: label}`` when ``labels_from_documents``."""
        return {}

    def document_text(self, page, document):
        """Words this facet adds to the document's searchable text (term names)."""
        return []

    # -- queries ------------------------------------------------------------------

    def allowed_values(self, candidates, scope):
        """The subset of ``candidates`` (slugs typed in a URL) that are real values."""
        return set()

    # -- results ------------------------------------------------------------------

    def labels(self, scope, stored_labels):
        """``{value: label}`` in the scope's language. ``stored_labels``: those the
        engine read with the documents (``labels_from_documents``)."""
        return dict(stored_labels)

    def parents(self, scope):
        """``{value: parent value}`` of a hierarchical facet."""
        return {}

    def shown_values(self, values, scope):
        """Which counted values are offered (all by default)."""
        return values

    def sort_key(self, facet_value):
        """How values sort in the filters panel: most frequent first, then by label."""
        return (-facet_value.count, sort_key(facet_value.label), facet_value.value)

    # -- the database engine ------------------------------------------------------

    def database_condition(self, values, now):
        """A ``Q`` on ``CatalogueEntry`` for a selection of ``values``, or None for
        the stored values (the engine joins them)."""
        return None

    def sqlite_flag(self, values, moment):
        """``(SQL on the entry "e", params)`` true when an entry satisfies the
        selection, or None for the stored values (the SQLite search joins them)."""
        return None

    def counts_from_rows(self, rows):
        """``{value: count}`` from ``(value, count, upcoming count)`` rows of the
        stored values of the entries counted."""
        return {value: count for value, count, _upcoming in rows}

    # -- the Elasticsearch engine -------------------------------------------------

    def elasticsearch_filter(self, values, now):
        """An ``elasticsearch.dsl`` query for a selection of ``values``."""
        from elasticsearch.dsl import Q

        return Q("terms", **{f"facets.{self.key}": list(values)})

    def elasticsearch_aggregate(self, bucket, selected, size, now):
        """Adds the aggregations counting this facet's values under ``bucket`` (the
        documents matching every other selection)."""
        field = f"facets.{self.key}"
        bucket.bucket("values", "terms", field=field, size=size, order=[{"_count": "desc"}, {"_key": "asc"}])
        if selected:
            # Selected values are shown even when they fall outside the top buckets.
            bucket.bucket("selected", "terms", field=field, include=list(selected), size=len(selected))
        if self.labels_from_documents:
            bucket.bucket("labels", "terms", field=f"labels.{self.key}", size=size + len(selected))

    def counts_from_aggregation(self, data):
        """``({value: count}, {value: label})`` from this facet's aggregation."""
        counts = {bucket["key"]: bucket["doc_count"] for bucket in data.get("values", {}).get("buckets", [])}
        for bucket in data.get("selected", {}).get("buckets", []):
            counts.setdefault(bucket["key"], bucket["doc_count"])
        labels = {}
        if self.labels_from_documents:
            pairs = (bucket["key"].split("\x1f", 1) for bucket in data.get("labels", {}).get("buckets", []))
            labels = {pair[0]: pair[1] for pair in pairs if len(pair) == 2}
        return counts, labels


def sort_key(label):
    return _sort_key(str(label))


@functools.lru_cache(maxsize=4096)
def _sort_key(label):
    """The reader's order of ``core.collation`` (the admin's too), kept for the
    labels every request sorts again."""
    return collation_key(label)
