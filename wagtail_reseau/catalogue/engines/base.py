"""The interface every catalogue engine implements."""

from dataclasses import dataclass, field


@dataclass
class RawHit:
    page_id: int
    type: str
    title: str
    url: str
    summary: str
    text: str
    date: object = None
    #: Ready-made highlighted extract (safe HTML), if the engine makes one.
    highlight: str | None = None


@dataclass
class RawResult:
    """What an engine returns; ``results.build_result`` turns it into the page."""

    total: int
    page: int
    num_pages: int
    hits: list
    #: ``{facet key: {value: count}}``, disjunctive for facets with a selection.
    counts: dict
    #: ``{facet key: {value: label}}`` for values whose label the engine stores (tags).
    labels: dict = field(default_factory=dict)
    #: ``{facet key or "q": total without that part of the query}``, only when empty.
    totals_without: dict = field(default_factory=dict)
    queries: int = 0


class CatalogueEngine:
    name = ""

    def search(self, query, scope):
        """Runs ``query`` (a ``CatalogueQuery``) within ``scope``; returns a ``RawResult``."""
        raise NotImplementedError

    def index_documents(self, documents):
        """Adds or replaces the given ``CatalogueDocument`` objects."""
        raise NotImplementedError

    def remove_pages(self, page_ids):
        raise NotImplementedError

    def clear(self):
        raise NotImplementedError

    def indexed_page_ids(self):
        raise NotImplementedError
