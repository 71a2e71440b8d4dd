"""The Elasticsearch engine: the same catalogue on an Elasticsearch 8 cluster.

One index (read and written through an alias) holds every language. Each
document fills the field group of its own language (``i18n.fr.*``,
``i18n.en.*``...), analysed with that language's analyser; a ``folded`` group
holds the same words folded and split exactly as the database engine splits
them (``catalogue.text``), so both engines match the same documents (the parity
suite holds them to it) and the language group adds stemmed matches,
highlighting and "did you mean".

Every catalogue query is one search request: the text query, the selections in a
``post_filter``, and one filtered aggregation per facet (disjunctive counts).
Connection settings: ``WAGTAIL_RESEAU_ELASTICSEARCH`` (see conf.py).

One module per role: ``client`` (one client per configuration), ``breaker``
(the circuit breaker), ``mapping`` (the index and its documents), ``query`` (the
search request), ``response`` (the raw result), ``writer`` (bulk writes) and
``rebuild`` (the alias-swapping rebuild); ``engine`` ties them together."""

from django.core.exceptions import ImproperlyConfigured

try:
    import elasticsearch  # noqa: F401
    import elasticsearch.dsl  # noqa: F401
except ImportError as error:  # pragma: no cover - depends on the extra
    raise ImproperlyConfigured(
        "The Elasticsearch catalogue engine needs the elasticsearch package: "
        "pip install 'wagtail-reseau[elasticsearch]'"
    ) from error

from .engine import ElasticsearchEngine  # noqa: E402

__all__ = ["ElasticsearchEngine"]
