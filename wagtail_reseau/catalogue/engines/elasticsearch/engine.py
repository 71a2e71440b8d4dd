"""``ElasticsearchEngine``: the catalogue interface on top of the role modules.

``source``, ``_bulk`` and ``_load`` stay methods that the writes and the rebuild
call through the engine: tests (and hosts) may replace them on an instance."""

import logging
import math

from django.utils import timezone
from elasticsearch import ApiError, TransportError

from ....conf import reseau_settings
from ...text import tokens
from ..base import CatalogueEngine, Completion
from . import breaker, locations, mapping, writer
from . import query as query_builder
from . import rebuild as rebuilding
from . import response as responses
from .client import client_for

logger = logging.getLogger(__package__)

#: Elasticsearch's default index.max_result_window: hits beyond it cannot be paged to.
MAX_RESULT_WINDOW = 10_000


class ElasticsearchEngine(CatalogueEngine):
    name = "elasticsearch"

    def __init__(self):
        self.config = reseau_settings.elasticsearch
        self.alias = self.config["INDEX"]

    @property
    def client(self):
        return client_for(self.config)

    @property
    def _down_key(self):
        return breaker.down_key(self.alias)

    # -- the index ----------------------------------------------------------------

    def index_body(self):
        return mapping.index_body(self.config)

    def source(self, document):
        return mapping.source(document)

    def new_index_name(self):
        return rebuilding.new_index_name(self)

    def ensure_index(self):
        rebuilding.ensure_index(self)

    def indices_behind_alias(self):
        return rebuilding.indices_behind_alias(self)

    @property
    def rebuild_alias(self):
        return rebuilding.rebuild_alias(self)

    # -- search -------------------------------------------------------------------

    def build_search(self, query, scope, page, now=None):
        """The one request of a catalogue query, as an ``elasticsearch.dsl.Search``."""
        return query_builder.build_search(self, query, scope, page, now)

    def search(self, query, scope):
        breaker.check_up(self)
        now = timezone.now()
        # Elasticsearch serves hits within its result window only (10,000 by default).
        reachable = max(1, MAX_RESULT_WINDOW // scope.page_size)
        asked = min(query.page, reachable)
        try:
            response = self.build_search(query, scope, asked, now).execute()
            total = response.hits.total.value
            num_pages = max(1, math.ceil(total / scope.page_size))
            page = min(query.page, num_pages, reachable)
            if page != asked:
                # Only for a page beyond the last: the last page, as the database engine does.
                response = self.build_search(query, scope, page, now).execute()
        except (TransportError, ApiError) as error:
            logger.warning("Elasticsearch search failed: %s", error)
            breaker.failed(self, error)
        return responses.raw_result(response, query, scope, total, page, min(num_pages, reachable))

    def autocomplete(self, text, scope, limit=8):
        breaker.check_up(self)
        words = tokens(text)
        if not words:
            return []
        try:
            response = query_builder.autocomplete_search(self, text, scope, limit).execute()
        except (TransportError, ApiError) as error:
            logger.warning("Elasticsearch autocomplete failed: %s", error)
            breaker.failed(self, error)
        return [Completion(title=hit.display.title, url=hit.display.url, type=hit.type) for hit in response.hits]

    def locations(self, query, scope, limit):
        breaker.check_up(self)
        try:
            return locations.locations(self, query, scope, min(limit, MAX_RESULT_WINDOW))
        except (TransportError, ApiError) as error:
            logger.warning("Elasticsearch locations failed: %s", error)
            breaker.failed(self, error)

    # -- writes ---------------------------------------------------------------------

    def _bulk(self, actions, refresh=None, **options):
        writer.bulk(self, actions, refresh, **options)

    def index_documents(self, documents):
        writer.index_documents(self, documents)

    def remove_documents(self, keys):
        writer.remove_documents(self, keys)

    def clear(self):
        """An empty index swapped in (no delete-by-query: it needs the reindex
        module, which not every distribution carries)."""
        self.rebuild([])

    def indexed_fingerprints(self):
        return writer.indexed_fingerprints(self)

    def indexed_keys(self):
        return set(self.indexed_fingerprints())

    def rebuild(self, batches, progress=None):
        return rebuilding.rebuild(self, batches, progress)

    def _load(self, batches, progress=None):
        rebuilding.load(self, batches, progress)

    def delete_everything(self):
        """Drops the alias and every index behind it (tests, uninstall)."""
        rebuilding.delete_everything(self)
