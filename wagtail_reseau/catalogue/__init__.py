"""The faceted catalogue: one search over good practices, organisations, forums,
training capsules, mentoring, project axes and news.

The path of one search: GET parameters -> ``query.CatalogueQuery`` (validated,
immutable) -> the configured engine (``engines``) -> ``results.CatalogueResult``
-> HTML or JSON (``views``). Pages become documents in one place: ``documents``."""
