"""``DatabaseEngine``: the catalogue on the site's own database. Each role has
its module: ``compiler`` (the ORM search), ``sqlite_matched`` (SQLite with
text), ``landing`` (the cached landing page), ``full_text`` (matching per
database) and ``writer`` (indexing)."""

from django.utils import timezone

from ...text import tokens
from ..base import CatalogueEngine
from . import compiler, landing, locations, sqlite_matched, writer
from .full_text import full_text_kind


class DatabaseEngine(CatalogueEngine):
    name = "database"

    def search(self, query, scope):
        if not tokens(query.text) and not query.selections:
            return landing.landing(query, scope)
        now = timezone.now()
        if tokens(query.text) and full_text_kind() == "fts5":
            return sqlite_matched.search_matched(query, scope, now)
        return compiler.search(query, scope, now)

    def autocomplete(self, text, scope, limit=8):
        """Titles holding every word typed, the last one as a prefix."""
        if not tokens(text):
            return []
        return compiler.autocomplete(text, scope, limit)

    def locations(self, query, scope, limit):
        return locations.locations(query, scope, limit, timezone.now())

    def index_documents(self, documents):
        writer.index_documents(documents)

    def remove_documents(self, keys):
        writer.remove_documents(keys)

    def clear(self):
        writer.clear()

    def indexed_keys(self):
        return writer.indexed_keys()
