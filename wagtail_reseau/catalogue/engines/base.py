"""The interface every catalogue engine implements."""

from dataclasses import dataclass, field


class EngineUnavailable(Exception):
    """The engine cannot answer now (down, slow, misconfigured index): the
    catalogue answers from the database engine instead."""


@dataclass
class RawHit:
    page_id: int | None
    type: str
    title: str
    url: str
    summary: str
    text: str
    date: object = None
    #: Ready-made highlighted extract (safe HTML), if the engine makes one.
    highlight: str | None = None
    #: The document's key (``CatalogueDocument.key``).
    key: str = ""


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
    #: A corrected query text ("did you mean"), when the engine offers one.
    did_you_mean: str = ""


@dataclass
class Completion:
    """One title proposed by the search box while the visitor types."""

    title: str
    url: str
    type: str


@dataclass
class RawLocation:
    """A located document of a search: what a map marker shows."""

    key: str
    page_id: int | None
    type: str
    title: str
    url: str
    latitude: float
    longitude: float


@dataclass
class RawLocations:
    """Every located document a query matches (up to a limit), by key."""

    #: How many located documents match, beyond the limit too.
    total: int
    locations: list


class CatalogueEngine:
    name = ""

    def search(self, query, scope):
        """Runs ``query`` (a ``CatalogueQuery``) within ``scope``; returns a ``RawResult``.

        Raises ``EngineUnavailable`` when it cannot answer now."""
        raise NotImplementedError

    def autocomplete(self, text, scope, limit=8):
        """Titles in ``scope`` whose words start with what was typed: ``Completion`` list."""
        raise NotImplementedError

    def locations(self, query, scope, limit):
        """Every document matching ``query`` (text and selections, not its page)
        in ``scope`` that has a location, the first ``limit`` by key: a
        ``RawLocations``. An engine that cannot raises ``EngineUnavailable``
        and the database engine answers."""
        raise EngineUnavailable(f"The {self.name or type(self).__name__} engine does not locate documents.")

    def index_documents(self, documents):
        """Adds or replaces the given ``CatalogueDocument`` objects."""
        raise NotImplementedError

    def remove_documents(self, keys):
        """Removes the documents of the given keys (``CatalogueDocument.key``)."""
        raise NotImplementedError

    def clear(self):
        raise NotImplementedError

    def indexed_keys(self):
        """The keys of every document the index holds."""
        raise NotImplementedError

    def indexed_fingerprints(self):
        """``{key: fingerprint}`` of what the index holds (``None`` where the
        engine keeps no fingerprint): the drift command compares it with the pages."""
        return dict.fromkeys(self.indexed_keys())

    def rebuild(self, batches, progress=None):
        """Replaces the whole index with the documents of ``batches`` (an iterable
        of lists); ``progress(n)`` is called after each batch. Visitors must never
        see an empty or half-built catalogue meanwhile: this default clears and
        refills inside one transaction, an engine with its own store overrides it."""
        from django.db import transaction

        with transaction.atomic():
            self.clear()
            for batch in batches:
                self.index_documents(batch)
                if progress:
                    progress(len(batch))
