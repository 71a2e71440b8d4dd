"""The embedded engine: the catalogue on the site's own database.

Full text uses the database's own index: FTS5 on SQLite, a weighted tsvector with
a GIN index on PostgreSQL, ``icontains`` elsewhere (``full_text``). Facet counts
take one grouped query for the facets without a selection, plus one per facet
with a selection (disjunctive counts): 1 + k queries whatever the page size or
data size (``compiler``).

On SQLite, a request with text matches it once: the matching entries, with a flag
per selected facet, go into a temporary table that the total, the page of hits
and the facet counts then read (``sqlite_matched``).

The landing page (no text, no selection) is cached, per scope, until the index
changes (``landing``); every write (``writer``) changes the index's generation."""

from .engine import DatabaseEngine

__all__ = ["DatabaseEngine"]
