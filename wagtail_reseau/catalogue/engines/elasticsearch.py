"""The Elasticsearch engine: the same catalogue on an Elasticsearch 8 cluster.

One index (read and written through an alias) holds every language. Each
document fills the field group of its own language (``i18n.fr.*``,
``i18n.en.*``...), analysed with that language's analyser; a ``folded`` group
holds the same words folded and split exactly as the database engine splits
them, so both engines match the same documents (the parity suite holds them to
it) and the language group adds stemmed matches, highlighting and "did you mean".

Every catalogue query is one search request: the text query, the selections in a
``post_filter``, and one filtered aggregation per facet (disjunctive counts).
Connection settings: ``WAGTAIL_RESEAU_ELASTICSEARCH`` (see conf.py)."""

import datetime
import logging
import math
import threading
from concurrent.futures import ThreadPoolExecutor

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from ...conf import reseau_settings
from ..facets import WHEN_PAST, WHEN_UPCOMING
from .base import CatalogueEngine, Completion, EngineUnavailable, RawHit, RawResult
from .database import TOKEN, fold, tokens

try:
    from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers
    from elasticsearch.dsl import A, Q, Search
except ImportError as error:  # pragma: no cover - depends on the extra
    raise ImproperlyConfigured(
        "The Elasticsearch catalogue engine needs the elasticsearch package: "
        "pip install 'wagtail-reseau[elasticsearch]'"
    ) from error

logger = logging.getLogger(__name__)

#: Facets stored as keyword lists under ``facets.<key>`` ("when" is a range on ``event_last``).
STORED_FACETS = ("domain", "territory", "audience", "organisation_type", "type", "tag", "year")
#: Field weights, as the database engine's bm25 weights.
WEIGHTS = {"title": 10, "summary": 4, "text": 1}
EXTRACT_LENGTH = 240
#: Elasticsearch's default index.max_result_window: hits beyond it cannot be paged to.
MAX_RESULT_WINDOW = 10_000
OTHER_LANGUAGE = "other"
_clients = {}
_clients_lock = threading.Lock()


def folded_words(text):
    """The words of ``text`` as the database engine sees them, space separated."""
    return " ".join(TOKEN.findall(fold(text)))


def language_group(language_code):
    language = (language_code or "").split("-")[0].lower()
    return language if language in reseau_settings.elasticsearch["ANALYZERS"] else OTHER_LANGUAGE


class ElasticsearchEngine(CatalogueEngine):
    name = "elasticsearch"

    def __init__(self):
        self.config = reseau_settings.elasticsearch
        self.alias = self.config["INDEX"]

    # -- connection -------------------------------------------------------------

    @property
    def client(self):
        hosts = self.config["HOSTS"]
        options = self.config["OPTIONS"]
        key = (repr(hosts), repr(sorted(options.items())))
        with _clients_lock:
            if key not in _clients:
                _clients[key] = Elasticsearch(
                    hosts, **{"request_timeout": self.config["INDEX_TIMEOUT"], "max_retries": 1, **options}
                )
            return _clients[key]

    @property
    def _down_key(self):
        return f"wagtail_reseau:elasticsearch:down:{self.alias}"

    def _check_up(self):
        """Straight to the fallback while a recent failure is fresh: no visitor
        waits for a timeout more than once per RETRY_AFTER seconds."""
        if cache.get(self._down_key):
            raise EngineUnavailable("Elasticsearch failed recently; retrying later")

    def _failed(self, error):
        """Raises ``EngineUnavailable``. A cluster that cannot be reached, times
        out or is overloaded opens the breaker for RETRY_AFTER seconds; a request
        it refuses (4xx: a missing index, a mapping without a newly configured
        language...) falls back for that request alone, and is logged as an error
        since only an administrator can fix it."""
        status = getattr(error, "status_code", None) or getattr(getattr(error, "meta", None), "status", None)
        if isinstance(error, ApiError) and isinstance(status, int) and 400 <= status < 500 and status != 429:
            logger.error(
                "Elasticsearch refused a catalogue request (%s). If the index is missing or ANALYZERS changed, "
                "run: manage.py reseau_rebuild_catalogue",
                error,
            )
        else:
            cache.set(self._down_key, True, self.config["RETRY_AFTER"])
        raise EngineUnavailable(str(error)) from error

    # -- the index ----------------------------------------------------------------

    def index_body(self):
        analyzers = self.config["ANALYZERS"]
        group_fields = {
            language: {
                "properties": {
                    "title": {"type": "text", "analyzer": f"reseau_{language}"},
                    "summary": {"type": "text", "analyzer": f"reseau_{language}"},
                    "text": {"type": "text", "analyzer": f"reseau_{language}"},
                    # Unstemmed words with their accents: "did you mean" proposes real words.
                    "spell": {"type": "text", "analyzer": "standard"},
                }
            }
            for language in [*analyzers, OTHER_LANGUAGE]
        }
        return {
            "settings": {
                "index": dict(self.config["INDEX_SETTINGS"]),
                "analysis": {
                    "analyzer": {
                        **{f"reseau_{language}": {"type": analyzer} for language, analyzer in analyzers.items()},
                        f"reseau_{OTHER_LANGUAGE}": {"type": "standard"},
                    }
                },
            },
            "mappings": {
                "dynamic": "strict",
                "properties": {
                    "page_id": {"type": "long"},
                    "locale_id": {"type": "long"},
                    "language": {"type": "keyword"},
                    "type": {"type": "keyword"},
                    "title_sort": {"type": "keyword"},
                    "date": {"type": "date"},
                    "event_last": {"type": "date"},
                    "fingerprint": {"type": "keyword"},
                    # The page's tree path: a catalogue that searches one site
                    # filters on its root's path as a prefix.
                    "path": {"type": "keyword"},
                    "display": {"type": "object", "enabled": False},
                    "folded": {
                        "properties": {
                            "title": {"type": "text", "analyzer": "standard"},
                            "summary": {"type": "text", "analyzer": "standard"},
                            "text": {"type": "text", "analyzer": "standard"},
                        }
                    },
                    "i18n": {"properties": group_fields},
                    "facets": {"properties": {key: {"type": "keyword"} for key in STORED_FACETS}},
                    "tag_labels": {"type": "keyword"},
                },
            },
        }

    def new_index_name(self):
        return f"{self.alias}-{timezone.now().strftime('%Y%m%d%H%M%S%f')}"

    def ensure_index(self):
        """Creates the first index, with its alias in the same call, when there is
        none yet. Its name is fixed, so two processes doing it at once cannot put
        the alias on two indices: the second one finds it there."""
        client = self.client
        if client.indices.exists_alias(name=self.alias):
            return
        body = self.index_body()
        try:
            client.indices.create(index=f"{self.alias}-initial", aliases={self.alias: {}}, **body)
        except ApiError as error:
            if "resource_already_exists" not in str(error):
                raise

    def indices_behind_alias(self):
        try:
            return sorted(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            return []

    def source(self, document):
        group = language_group(document.language_code)
        body = f"{document.summary} {document.text}".strip()
        return {
            "page_id": document.page_id,
            "locale_id": document.locale_id,
            "language": document.language_code,
            "type": document.type,
            "title_sort": fold(document.title)[:200],
            "date": document.date.isoformat() if document.date else None,
            "event_last": document.event_last.isoformat() if document.event_last else None,
            "fingerprint": document.fingerprint(),
            "path": document.path,
            "display": {"title": document.title, "url": document.url, "summary": document.summary},
            "folded": {
                "title": folded_words(document.title),
                "summary": folded_words(document.summary),
                "text": folded_words(document.text),
            },
            "i18n": {
                group: {
                    "title": document.title,
                    "summary": document.summary,
                    "text": document.text,
                    "spell": f"{document.title} {body}",
                }
            },
            "facets": {
                key: sorted(values) for key, values in document.facets.items() if key in STORED_FACETS
            },
            "tag_labels": [f"{slug}\x1f{label}" for slug, label in sorted(document.tag_labels.items())],
        }

    # -- search -------------------------------------------------------------------

    def _selection(self, key, values, now):
        if key == "when":
            values = set(values)
            if values == {WHEN_UPCOMING}:
                return Q("range", event_last={"gte": now})
            if values == {WHEN_PAST}:
                return Q("range", event_last={"lt": now})
            return Q("exists", field="event_last")
        return Q("terms", **{f"facets.{key}": list(values)})

    def _scope_filters(self, scope):
        filters = [Q("term", locale_id=scope.locale_id), Q("terms", type=list(scope.content_types))]
        if scope.root_path:
            filters.append(Q("prefix", path=scope.root_path))
        return filters

    def _text_query(self, text, group):
        """Every word required, anywhere in title, summary or text; the last one
        also as a prefix (as typed so far), like the database engine. Each word
        matches the folded fields folded, and its language's fields as typed
        (their analyser knows what to do with accents: "éducation" -> "éduc")."""
        words = tokens(text)
        typed = TOKEN.findall((text or "").lower())[: len(words)]
        if len(typed) != len(words):  # folding changed the word count (rare): fold both
            typed = words
        musts = []
        for index, (word, as_typed) in enumerate(zip(words, typed, strict=True)):
            fields = [f"{name}^{weight}" for name, weight in WEIGHTS.items()]
            alternatives = [
                Q("multi_match", query=word, fields=[f"folded.{field}" for field in fields]),
                Q("multi_match", query=as_typed, fields=[f"i18n.{group}.{field}" for field in fields]),
            ]
            if index == len(words) - 1:
                alternatives += [
                    Q("prefix", **{f"folded.{name}": {"value": word, "boost": weight / 2}})
                    for name, weight in WEIGHTS.items()
                ]
            musts.append(Q("bool", should=alternatives, minimum_should_match=1))
        return Q("bool", must=musts)

    def _sort(self, query, has_text):
        sort = query.effective_sort
        tail = ["title_sort", "page_id"]
        if sort == "relevance" and has_text:
            return ["_score", {"date": {"order": "desc", "missing": "_last"}}, *tail]
        if sort == "title":
            return tail
        return [{"date": {"order": "desc", "missing": "_last"}}, *tail]

    def build_search(self, query, scope, page, now=None):
        """The one request of a catalogue query, as an ``elasticsearch.dsl.Search``."""
        now = now or timezone.now()
        client = self.client.options(request_timeout=self.config["SEARCH_TIMEOUT"])
        group = language_group(scope.language_code)
        words = tokens(query.text)
        conditions = {key: self._selection(key, values, now) for key, values in query.selections}
        search = Search(using=client, index=self.alias).extra(track_total_hits=True)
        search = search.filter(Q("bool", filter=self._scope_filters(scope)))
        if words:
            search = search.query(self._text_query(query.text, group))
        if conditions:
            search = search.post_filter(Q("bool", filter=list(conditions.values())))

        size = self.config["FACET_SIZE"]
        for key in scope.facet_keys:
            others = [condition for other, condition in conditions.items() if other != key]
            bucket = search.aggs.bucket(key, A("filter", Q("bool", filter=others)))
            if key == "when":
                bucket.bucket(
                    "values",
                    "filters",
                    filters={WHEN_UPCOMING: Q("range", event_last={"gte": now}), WHEN_PAST: Q("range", event_last={"lt": now})},
                )
                continue
            field = f"facets.{key}"
            bucket.bucket("values", "terms", field=field, size=size, order=[{"_count": "desc"}, {"_key": "asc"}])
            selected = list(query.selected(key))
            if selected:
                # Selected values are shown even when they fall outside the top buckets.
                bucket.bucket("selected", "terms", field=field, include=selected, size=len(selected))
            if key == "tag":
                bucket.bucket("labels", "terms", field="tag_labels", size=size + len(selected))
        if words:
            # For an empty result's suggestions: the selections without the text.
            without_text = search.aggs.bucket("without_text", A("global"))
            without_text.bucket(
                "matching", A("filter", Q("bool", filter=[*self._scope_filters(scope), *conditions.values()]))
            )
        if words:
            search = search.highlight_options(
                encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"],
                fragment_size=EXTRACT_LENGTH, number_of_fragments=1, require_field_match=False,
            ).highlight(f"i18n.{group}.summary", f"i18n.{group}.text")
            search = search.suggest(
                "did_you_mean", query.text[:200], term={"field": f"i18n.{group}.spell", "suggest_mode": "missing"}
            )
        offset = (page - 1) * scope.page_size
        search = search.sort(*self._sort(query, bool(words))).source(["page_id", "type", "date", "display"])
        return search[offset : offset + scope.page_size]

    def search(self, query, scope):
        self._check_up()
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
            self._failed(error)
        return self._raw_result(response, query, scope, total, page, min(num_pages, reachable))

    def _raw_result(self, response, query, scope, total, page, num_pages):
        aggregations = response.aggregations.to_dict() if "aggregations" in response else {}
        counts, labels, totals_without = {}, {}, {}
        for key in scope.facet_keys:
            data = aggregations.get(key, {})
            values = data.get("values", {})
            if key == "when":
                buckets = values.get("buckets", {})
                counts[key] = {name: bucket["doc_count"] for name, bucket in buckets.items()}
                continue
            found = {bucket["key"]: bucket["doc_count"] for bucket in values.get("buckets", [])}
            for bucket in data.get("selected", {}).get("buckets", []):
                found.setdefault(bucket["key"], bucket["doc_count"])
            counts[key] = found
            if key == "tag":
                pairs = (bucket["key"].split("\x1f", 1) for bucket in data.get("labels", {}).get("buckets", []))
                labels["tag"] = {pair[0]: pair[1] for pair in pairs if len(pair) == 2}
        if total == 0:
            for key, _values in query.selections:
                if key in aggregations:
                    totals_without[key] = aggregations[key]["doc_count"]
                else:  # a selected facet the page does not show: not counted in this request
                    totals_without[key] = 0
            if query.text:
                matching = aggregations.get("without_text", {}).get("matching")
                totals_without["q"] = matching["doc_count"] if matching else 0
        hits = []
        for hit in response.hits:
            display = hit.display.to_dict()
            fragments = getattr(hit.meta, "highlight", None)
            extract = None
            if fragments:
                for values in fragments.to_dict().values():
                    extract = values[0]
                    break
            date = datetime.date.fromisoformat(hit.date[:10]) if getattr(hit, "date", None) else None
            hits.append(
                RawHit(
                    page_id=hit.page_id,
                    type=hit.type,
                    title=display.get("title", ""),
                    url=display.get("url", ""),
                    summary=display.get("summary", ""),
                    text="",
                    date=date,
                    highlight=extract,
                )
            )
        return RawResult(
            total=total,
            page=page,
            num_pages=num_pages,
            hits=hits,
            counts=counts,
            labels=labels,
            totals_without=totals_without,
            queries=1,
            did_you_mean=self._did_you_mean(response, query) if total == 0 else "",
        )

    def _did_you_mean(self, response, query):
        suggest = getattr(response, "suggest", None)
        if not suggest or "did_you_mean" not in suggest:
            return ""
        text, changed = query.text, False
        # Replace from the end so earlier offsets stay valid.
        for entry in sorted(suggest.did_you_mean, key=lambda entry: -entry.offset):
            if entry.options:
                text = text[: entry.offset] + entry.options[0].text + text[entry.offset + entry.length :]
                changed = True
        return text if changed else ""

    def autocomplete(self, text, scope, limit=8):
        self._check_up()
        words = tokens(text)
        if not words:
            return []
        musts = [Q("match", **{"folded.title": word}) for word in words[:-1]]
        musts.append(Q("prefix", **{"folded.title": words[-1]}))
        search = (
            Search(using=self.client.options(request_timeout=self.config["SEARCH_TIMEOUT"]), index=self.alias)
            .filter(Q("bool", filter=self._scope_filters(scope)))
            .query(Q("bool", must=musts))
            .sort("_score", "title_sort", "page_id")
            .source(["type", "display"])[:limit]
        )
        try:
            response = search.execute()
        except (TransportError, ApiError) as error:
            logger.warning("Elasticsearch autocomplete failed: %s", error)
            self._failed(error)
        return [Completion(title=hit.display.title, url=hit.display.url, type=hit.type) for hit in response.hits]

    # -- indexing -------------------------------------------------------------------

    @property
    def rebuild_alias(self):
        """Points at the index a rebuild is loading, while it runs: every process
        sees it in the cluster itself."""
        return f"{self.alias}-rebuilding"

    def _write_targets(self):
        """The alias, plus the index a rebuild is loading (so a page published
        during a rebuild is in the new index too)."""
        targets = [self.alias]
        if self.client.indices.exists_alias(name=self.rebuild_alias):
            targets.append(self.rebuild_alias)
        return targets

    def _bulk(self, actions, refresh=None, **options):
        """Runs bulk actions; a missing document on delete is not an error."""
        try:
            _ok, errors = helpers.bulk(
                self.client.options(request_timeout=self.config["INDEX_TIMEOUT"]),
                actions,
                chunk_size=self.config["BULK_SIZE"],
                raise_on_error=False,
                refresh=self.config["REFRESH"] if refresh is None else refresh,
                **options,
            )
        except TransportError as error:
            self._failed(error)
        real = [error for error in errors if next(iter(error.values())).get("status") != 404]
        if real:
            raise RuntimeError(f"Elasticsearch refused {len(real)} documents, first: {real[0]}")

    def _writing(self):
        """Writes wait for no timeout while the breaker is open: they go to the
        backlog at once (see indexing.update_engines)."""
        self._check_up()
        try:
            self.ensure_index()
        except TransportError as error:
            self._failed(error)

    def index_documents(self, documents):
        documents = list(documents)
        if not documents:
            return
        self._writing()
        self._bulk(
            {"_op_type": "index", "_index": target, "_id": document.page_id, "_source": self.source(document)}
            for target in self._write_targets()
            for document in documents
        )

    def remove_pages(self, page_ids):
        page_ids = list(page_ids)
        if not page_ids:
            return
        self._writing()
        self._bulk(
            {"_op_type": "delete", "_index": target, "_id": page_id}
            for target in self._write_targets()
            for page_id in page_ids
        )

    def clear(self):
        """An empty index swapped in (no delete-by-query: it needs the reindex
        module, which not every distribution carries)."""
        self.rebuild([])

    def indexed_fingerprints(self):
        self.ensure_index()
        return {
            int(hit["_id"]): hit["_source"].get("fingerprint")
            for hit in helpers.scan(
                self.client,
                index=self.alias,
                _source=["fingerprint"],
                query={"query": {"match_all": {}}},
                request_timeout=self.config["INDEX_TIMEOUT"],
            )
        }

    def indexed_page_ids(self):
        return set(self.indexed_fingerprints())

    def rebuild(self, batches, progress=None):
        """Loads a new versioned index in bulk, then moves the alias to it in one
        atomic step and drops the old ones: searches read the old index until the
        new one is complete, never an empty or partial one. While it loads, the
        ``-rebuilding`` alias points at it, so pages published meanwhile (by any
        process) are written to both."""
        client = self.client
        self._abandon_unfinished_rebuild()
        name = self.new_index_name()
        body = self.index_body()
        final_settings = {
            "refresh_interval": body["settings"]["index"].get("refresh_interval", "1s"),
            "number_of_replicas": body["settings"]["index"].get("number_of_replicas", 1),
        }
        # Loading is faster without refreshes or replicas; both come back before the swap.
        body["settings"]["index"].update({"refresh_interval": "-1", "number_of_replicas": 0})
        client.indices.create(index=name, aliases={self.rebuild_alias: {}}, **body)
        try:
            self._load(batches, progress)
            client.indices.put_settings(index=name, settings={"index": final_settings})
            client.indices.refresh(index=name)
            client.options(request_timeout=90).cluster.health(index=name, wait_for_status="yellow", timeout="60s")
            old = self.indices_behind_alias()
            # One atomic step: the alias moves, the rebuilding alias goes.
            actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
            actions += [
                {"add": {"index": name, "alias": self.alias}},
                # Fails (and so does this rebuild) if another rebuild took over.
                {"remove": {"index": name, "alias": self.rebuild_alias, "must_exist": True}},
            ]
            client.indices.update_aliases(actions=actions)
        except BaseException:
            client.indices.delete(index=name, ignore_unavailable=True)
            raise
        for index in old:
            client.indices.delete(index=index, ignore_unavailable=True)
        return name

    def _load(self, batches, progress=None):
        """Sends each batch in a bulk request on a second thread while this one
        builds the next batch (reading pages and building documents stays on the
        caller's thread and database connection): the cluster indexes one batch
        while Python builds the next. One batch in flight at most, so memory stays
        bounded and a refused batch stops the rebuild at the next one."""

        def send(batch):
            # Through the rebuilding alias, which must exist: if another rebuild
            # dropped this index, nothing recreates it with a guessed mapping.
            self._bulk(
                (
                    {"_op_type": "index", "_index": self.rebuild_alias, "_id": doc.page_id, "_source": self.source(doc)}
                    for doc in batch
                ),
                refresh=False,
                require_alias=True,
            )
            return len(batch)

        def finish(in_flight):
            sent = in_flight.result()  # raises what the bulk raised
            if progress:
                progress(sent)

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="reseau-bulk") as sender:
            in_flight = None
            for batch in batches:
                if in_flight is not None:
                    finish(in_flight)
                in_flight = sender.submit(send, batch)
            if in_flight is not None:
                finish(in_flight)

    def _abandon_unfinished_rebuild(self):
        """A rebuild killed half-way leaves its index behind the rebuilding alias:
        drop it (the new rebuild loads everything anyway)."""
        try:
            leftovers = list(self.client.indices.get_alias(name=self.rebuild_alias))
        except NotFoundError:
            return
        for index in leftovers:
            logger.warning(
                "Dropping %s, left by a rebuild that did not finish (or that is still running: "
                "run one rebuild at a time; that one will now fail).",
                index,
            )
            self.client.indices.delete(index=index, ignore_unavailable=True)

    def delete_everything(self):
        """Drops the alias and every index behind it (tests, uninstall)."""
        self._abandon_unfinished_rebuild()
        for index in self.indices_behind_alias():
            self.client.indices.delete(index=index, ignore_unavailable=True)
        cache.delete(self._down_key)
