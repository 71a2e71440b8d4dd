#!/usr/bin/env python
"""Benchmark of the catalogue's Elasticsearch engine, against its database engine.

For each data size, in a throwaway SQLite database and on Elasticsearch indices
of its own (``reseau_bench_<pid>_<size>``, deleted at the end, even on failure):
generate the same synthetic pages as ``catalogue.py`` (same seed), index them in
the database engine, then:

1. rebuild the Elasticsearch index with ``engine.rebuild(...)`` from the batches
   the ``reseau_rebuild_catalogue`` command builds (``searchable_document_batches``,
   500 a batch, the collector spared as the command spares it), timing the whole
   rebuild and, apart, the time spent reading pages,
   building documents and inside the bulk requests; then profile the building of a
   sample of documents (outside the timed rebuild);
2. time the catalogue requests of ``catalogue.py``'s mix (text + 3 selected facets
   + every count) through ``views.search`` (parse_query, engine search,
   build_result: ``catalogue_engine``) and through the page with Django's test
   client (``?format=json``: ``catalogue_view``), on Elasticsearch and, interleaved,
   on the database engine (the baseline), with Elasticsearch's own ``took``;
3. count the HTTP requests to Elasticsearch of every catalogue request (the
   client's transport is wrapped): the target is exactly one;
4. publish real page revisions (``save_revision().publish()`` in a transaction:
   the page_published signal queues the indexing with ``on_commit``, which runs at
   the commit, writing to both engines) and time until a catalogue search for a
   word only that page has finds it, with ``REFRESH`` "wait_for" (the default)
   and ``False``.

The last line printed is one line of JSON with every figure and the target checks.

    eval "$(bash scripts/elasticsearch.sh)"     # exports RESEAU_ELASTICSEARCH_URL
    .venv/bin/python benchmarks/elasticsearch.py --sizes 5000 50000 --requests 30
    .venv/bin/python benchmarks/elasticsearch.py --quick
"""

import argparse
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
# This file is named like the elasticsearch package: when run as a script its own
# directory comes first on sys.path and would shadow the package.
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != HERE]
sys.path.insert(0, str(REPO))

from benchmarks import catalogue as bench  # noqa: E402

BULK_SIZE = 500
INDEX_PREFIX = "reseau_bench_"
PUBLISHED_PAGES = 20
FINDABLE_TIMEOUT = 15.0
TARGETS = {"requests_per_query": 1, "rebuild_docs_per_s_min": 1000, "p50_50k_vs_5k_max": 2.0}


def log(message):
    print(f"[bench-es] {message}", file=sys.stderr, flush=True)


def ms(seconds):
    return round(seconds * 1000, 3)


# =============================================================================
# The HTTP requests to Elasticsearch
# =============================================================================


@dataclass
class Call:
    method: str
    path: str
    start: float
    duration: float
    took_ms: int | None

    @property
    def kind(self):
        last = self.path.rstrip("/").rsplit("/", 1)[-1]
        return last if last.startswith("_") else "other"


class Recorder:
    """Wraps ``transport.perform_request`` (one transport is shared by the client
    and its ``options()`` copies): every request, its duration and ES's ``took``."""

    def __init__(self, transport):
        self.transport = transport
        self.original = transport.perform_request
        self.calls = []
        transport.perform_request = self

    def __call__(self, method, target, **kwargs):
        start = time.perf_counter()
        took = None
        try:
            response = self.original(method, target, **kwargs)
            body = getattr(response, "body", None)
            if isinstance(body, dict) and isinstance(body.get("took"), int):
                took = body["took"]
            return response
        finally:
            self.calls.append(Call(method, urlsplit(target).path, start, time.perf_counter() - start, took))

    def mark(self):
        return len(self.calls)

    def since(self, mark):
        return self.calls[mark:]


# =============================================================================
# Worker: one process per size, on a throwaway SQLite database
# =============================================================================


def configure(args, refresh="wait_for"):
    from django.conf import settings

    settings.WAGTAIL_RESEAU_ELASTICSEARCH = {
        "HOSTS": [args.url],
        "INDEX": args.index,
        # One node: no replica (a replica could never be allocated).
        "INDEX_SETTINGS": {"number_of_shards": 1, "number_of_replicas": 0},
        "REFRESH": refresh,
        "BULK_SIZE": BULK_SIZE,
        # Measured, not answered from the database after 2 s on a loaded machine
        # (a fallback would be seen anyway: no request to Elasticsearch, a notice).
        "SEARCH_TIMEOUT": 10.0,
    }


def use_engine(name):
    from django.conf import settings

    settings.WAGTAIL_RESEAU_CATALOGUE_ENGINE = name


def command_batches(counters):
    """The batches of the ``reseau_rebuild_catalogue`` command, built by the
    function it calls (``searchable_document_batches``: the restricted paths read
    once, every live page of each registered type with its relations prefetched
    per model, ``build_document``, ``BATCH_SIZE`` documents a batch), without its
    progress bar. ``counters`` gets the time spent reading the pages
    (``reading_s``) and in all, reading and building (``building_s``), on this
    thread; the time the engine takes between two batches is not counted."""
    from unittest import mock

    from wagtail_reseau.catalogue import documents
    from wagtail_reseau.management.commands.reseau_rebuild_catalogue import BATCH_SIZE

    clock = time.perf_counter
    read_pages = documents.live_searchable_pages

    def timed_pages(*args, **kwargs):
        pages = read_pages(*args, **kwargs)
        while True:
            before = clock()
            page = next(pages, None)
            counters["reading_s"] += clock() - before
            if page is None:
                return
            counters["pages"] += 1
            yield page

    with mock.patch.object(documents, "live_searchable_pages", timed_pages):
        batches = documents.searchable_document_batches(BATCH_SIZE)
        while True:
            start = clock()
            batch = next(batches, None)
            counters["building_s"] += clock() - start
            if batch is None:
                return
            counters["documents"] += len(batch)
            yield batch


class GarbageCollections:
    """Time spent in Python's garbage collector (``gc.callbacks``), by generation."""

    def __init__(self):
        self.seconds = {0: 0.0, 1: 0.0, 2: 0.0}
        self.counts = {0: 0, 1: 0, 2: 0}
        self._start = None

    def __call__(self, phase, info):
        if phase == "start":
            self._start = time.perf_counter()
        elif self._start is not None:
            generation = info["generation"]
            self.seconds[generation] += time.perf_counter() - self._start
            self.counts[generation] += 1
            self._start = None

    def __enter__(self):
        import gc

        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc):
        import gc

        gc.callbacks.remove(self)

    def figures(self):
        return {
            "seconds": round(sum(self.seconds.values()), 3),
            "collections": {str(generation): count for generation, count in self.counts.items()},
            "seconds_by_generation": {str(generation): round(value, 3) for generation, value in self.seconds.items()},
        }


def measure_rebuild(engine, recorder, make_batches):
    from django.db import connection

    counters = {"reading_s": 0.0, "building_s": 0.0, "documents": 0, "pages": 0}
    queries = []
    mark = recorder.mark()

    def count_query(execute, sql, params, many, context):
        queries.append(1)
        return execute(sql, params, many, context)

    from wagtail_reseau.management.commands.reseau_rebuild_catalogue import sparing_the_collector

    with connection.execute_wrapper(count_query), GarbageCollections() as collector, sparing_the_collector():
        start, cpu_start = time.perf_counter(), time.process_time()
        engine.rebuild(make_batches(counters))
        end, cpu_end = time.perf_counter(), time.process_time()
    total = end - start
    cpu = cpu_end - cpu_start
    calls = recorder.since(mark)
    bulks = [call for call in calls if call.kind == "_bulk"]
    bulk_s = sum(call.duration for call in bulks)
    bulk_took_s = sum(call.took_ms or 0 for call in bulks) / 1000
    last_bulk_end = max((call.start + call.duration for call in bulks), default=start)
    first_bulk = min((call.start for call in bulks), default=start)
    documents = counters["documents"]
    finish_s = end - last_bulk_end  # settings back, refresh, health, alias swap, old index dropped
    return {
        "path": "reseau_rebuild_catalogue: searchable_document_batches(500) (restricted_page_paths(), "
        "live_searchable_pages(), build_document(page, restricted)), engine.rebuild(batches)",
        "pages": counters["pages"],
        "documents": documents,
        "total_s": round(total, 3),
        "docs_per_s": round(documents / total, 1) if total else None,
        # CPU time of this process (both threads), which a loaded machine
        # inflates less than the elapsed time: what the rebuild costs in Python.
        "cpu_s": round(cpu, 3),
        "cpu_ms_per_document": round(cpu / documents * 1000, 3) if documents else None,
        # reading the pages (queries, prefetching, model instances) + build_document
        "building_s": round(counters["building_s"], 3),
        "reading_s": round(counters["reading_s"], 3),
        "building_docs_per_s": round(documents / counters["building_s"], 1) if counters["building_s"] else None,
        "sql_queries": len(queries),
        "gc": collector.figures(),
        "bulk_requests": len(bulks),
        "bulk_s": round(bulk_s, 3),
        "bulk_docs_per_s": round(documents / bulk_s, 1) if bulk_s else None,
        "bulk_took_s": round(bulk_took_s, 3),
        "bulk_took_docs_per_s": round(documents / bulk_took_s, 1) if bulk_took_s else None,
        "finish_s": round(finish_s, 3),
        # index creation, plus the building of the first batch
        "until_first_bulk_s": round(first_bulk - start, 3),
        # Bulk requests go on a second thread while this one builds the next batch:
        # the time this thread spent neither building nor finishing (creating the
        # index, waiting for the batch in flight: source(), serialisation, bulk).
        "waiting_s": round(total - counters["building_s"] - finish_s, 3),
        "requests": {kind: sum(1 for call in calls if call.kind == kind) for kind in sorted({c.kind for c in calls})},
    }


#: Functions shown in the building profile (cumulative time), besides wagtail_reseau's.
PROFILED = (
    "prefetch_related_objects",
    "prefetch_one_level",
    "from_db",
    "get_url",
    "get_url_parts",
    "get_site_root_paths",
    "get_searchable_content",
    "strip_tags",
    "execute_sql",
    "get_queryset",
    "fingerprint",
)


def profile_building(per_type=BULK_SIZE, top=16):
    """Where reading pages and building documents goes, under cProfile, outside the
    timed rebuild: the command's path (``live_searchable_pages`` and
    ``build_document(page, restricted)``) on the first ``per_type`` pages of each
    registered type (``document_types`` narrowed to one type at a time)."""
    import cProfile
    import itertools
    import pstats
    from unittest import mock

    from wagtail_reseau.catalogue import documents as documents_module

    profiler = cProfile.Profile()
    sample, elapsed_by_type = {}, {}
    restricted = documents_module.restricted_page_paths()
    for key, document_type in documents_module.document_types().items():
        with mock.patch.object(documents_module, "document_types", return_value={key: document_type}):
            pages = documents_module.live_searchable_pages()
            start = time.perf_counter()
            profiler.enable()
            built = [documents_module.build_document(page, restricted) for page in itertools.islice(pages, per_type)]
            profiler.disable()
            pages.close()
        if built:
            sample[key] = sum(1 for document in built if document is not None)
            elapsed_by_type[key] = time.perf_counter() - start
    documents = sum(sample.values()) or 1
    stats = pstats.Stats(profiler).stats
    total_s = sum(elapsed_by_type.values())

    def label(filename, line, name):
        if not line:
            return name
        path = Path(filename)
        parts = path.parts
        for anchor in ("site-packages", "wagtail_reseau"):
            if anchor in parts:
                return "/".join(parts[parts.index(anchor) + (anchor == "site-packages") :]) + f":{line} {name}"
        return f"{path.name}:{line} {name}"

    def row(key, value, time_index):
        filename, line, name = key
        calls, seconds = value[1], value[time_index]
        return {
            "function": label(filename, line, name),
            "calls_per_document": round(calls / documents, 2),
            "ms_per_document": round(seconds / documents * 1000, 3),
            "percent": round(seconds / total_s * 100, 1) if total_s else None,
        }

    cumulative = [
        (value[3], key, value)
        for key, value in stats.items()
        if "wagtail_reseau" in key[0] or key[2] in PROFILED
    ]
    cumulative.sort(key=lambda item: item[0], reverse=True)
    own = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)
    return {
        "path": "live_searchable_pages() + build_document(page, restricted_page_paths())",
        "sample": sample,
        "documents": sum(sample.values()),
        "ms_per_document_profiled": round(total_s / documents * 1000, 3),
        "ms_per_document_profiled_by_type": {
            key: round(elapsed_by_type[key] / count * 1000, 3) for key, count in sample.items() if count
        },
        # cumulative: the function and what it calls; percent of the profiled time
        "functions": [row(key, value, 3) for _seconds, key, value in cumulative[:top]],
        # own time: the function alone, without what it calls
        "own_time": [row(key, value, 2) for key, value in own[:12]],
    }


def index_figures(engine):
    stats = engine.client.indices.stats(index=engine.alias, metric="docs,store")
    primaries = stats["_all"]["primaries"]
    return {
        "indices": engine.indices_behind_alias(),
        "docs": primaries["docs"]["count"],
        "store_bytes": primaries["store"]["size_in_bytes"],
    }


def timed_call(kind, function, params, recorder):
    """(seconds, ES calls of the request, result) of one catalogue request."""
    engine_name = "elasticsearch" if kind.startswith("es_") else "database"
    use_engine(engine_name)
    mark = recorder.mark()
    start = time.perf_counter()
    result = function(params)
    elapsed = time.perf_counter() - start
    return elapsed, recorder.since(mark), result


def notice_of(result):
    return str(result.notice) if hasattr(result, "notice") else result.get("notice", "")


def measure_searches(data, requests, recorder, count):
    words = data["lexicon"].words
    use_engine("database")
    mix = [bench.with_results(requests, spec, words) for spec in bench.build_mix(data)]
    mix_report = []
    for params in mix:
        use_engine("database")
        database_total = requests.catalogue_engine(params).total
        use_engine("elasticsearch")
        es_total = requests.catalogue_engine(params).total
        mix_report.append({**params, "database_total": database_total, "elasticsearch_total": es_total})
    log(
        "  mix: "
        + "; ".join(
            f"{item['q']!r}: {item['elasticsearch_total']} (database {item['database_total']})" for item in mix_report
        )
    )
    kinds = {
        "es_engine": requests.catalogue_engine,
        "es_view": requests.catalogue_view,
        "db_engine": requests.catalogue_engine,
        "db_view": requests.catalogue_view,
    }
    for _round in range(2):  # warm-up: caches, connections, ES's caches and JIT
        for params in mix:
            for kind, function in kinds.items():
                timed_call(kind, function, params, recorder)

    samples = {kind: [] for kind in kinds}
    took = {kind: [] for kind in ("es_engine", "es_view")}
    transport = {kind: [] for kind in ("es_engine", "es_view")}
    outside = {kind: [] for kind in ("es_engine", "es_view")}
    requests_per_query, notices = [], set()
    order = list(kinds)
    for number in range(count):
        params = mix[number % len(mix)]
        shift = number % len(order)
        for kind in order[shift:] + order[:shift]:
            elapsed, calls, result = timed_call(kind, kinds[kind], params, recorder)
            samples[kind].append(elapsed)
            notice = notice_of(result)
            if notice:
                notices.add(f"{kind}: {notice}")
            if kind.startswith("es_"):
                requests_per_query.append(len(calls))
                took[kind].extend(
                    call.took_ms / 1000 for call in calls if call.kind == "_search" and call.took_ms is not None
                )
                transport[kind].append(sum(call.duration for call in calls))
                outside[kind].append(elapsed - transport[kind][-1])
    use_engine("elasticsearch")
    timings = {kind: bench.stats(values) for kind, values in samples.items()}
    for kind in took:
        timings[f"{kind}_took"] = bench.stats(took[kind])
        timings[f"{kind}_http"] = bench.stats(transport[kind])
        timings[f"{kind}_outside_http"] = bench.stats(outside[kind])

    def ratio(kind, baseline):
        return {
            "p50": round(timings[kind]["p50_ms"] / timings[baseline]["p50_ms"], 3),
            "p95": round(timings[kind]["p95_ms"] / timings[baseline]["p95_ms"], 3),
        }

    log("  timed: " + ", ".join(f"{kind} p50 {timing['p50_ms']:.1f} ms" for kind, timing in timings.items()))
    return {
        "timings": timings,
        "ratios": {
            "es_engine_vs_db_engine": ratio("es_engine", "db_engine"),
            "es_view_vs_db_view": ratio("es_view", "db_view"),
        },
        "requests_per_query": {
            "min": min(requests_per_query),
            "max": max(requests_per_query),
            "queries": len(requests_per_query),
        },
        "fallback_notices": sorted(notices),
        "mix": mix_report,
    }


def unique_word(rng):
    """A word no generated text contains (the syllables never give a 'q' + 'x')."""
    return "qx" + "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(10))


def pages_to_publish(models, count, rng):
    ids = []
    for model in models:
        ids.extend(model.objects.values_list("pk", flat=True))
    return rng.sample(sorted(ids), min(count, len(ids)))


def measure_publish(args, requests, recorder, page_ids, refresh, rng):
    """Seconds from the start of a publish until a catalogue search finds the page."""
    from django.db import transaction
    from wagtail.models import Page

    configure(args, refresh)
    use_engine("elasticsearch")
    publish_s, findable_s, polls, index_requests, index_s, failures = [], [], [], [], [], []
    for page_id in page_ids:
        page = Page.objects.get(pk=page_id).specific
        word = unique_word(rng)
        page.title = f"{page.title} {word}"
        # Editors publish at random moments: no phase lock with the 1 s refresh.
        time.sleep(rng.uniform(0, 1.0))
        mark = recorder.mark()
        start = time.perf_counter()
        with transaction.atomic():
            page.save_revision().publish()
        # The commit ran the on_commit callbacks: both engines written.
        published = time.perf_counter()
        writes = [call for call in recorder.since(mark) if call.kind == "_bulk"]
        found, tries = None, 0
        while time.perf_counter() - start < FINDABLE_TIMEOUT:
            tries += 1
            result = requests.catalogue_engine({"q": word})
            if any(hit.page_id == page_id for hit in result.hits) and not result.notice:
                found = time.perf_counter()
                break
            time.sleep(0.005)
        publish_s.append(published - start)
        index_requests.append(len(writes))
        index_s.append(sum(call.duration for call in writes))
        polls.append(tries)
        if found is None:
            failures.append(page_id)
        else:
            findable_s.append(found - start)
    configure(args)
    return {
        "refresh": refresh,
        "pages": len(page_ids),
        "not_found_within_s": {"timeout_s": FINDABLE_TIMEOUT, "pages": failures},
        "publish_to_findable": bench.stats(findable_s),
        "publish": bench.stats(publish_s),
        "es_index_request": bench.stats(index_s),
        "es_index_requests_per_publish": bench.one_or_all(index_requests),
        "searches_until_found": {"min": min(polls), "max": max(polls), "mean": round(statistics.fmean(polls), 2)},
        "path": (
            "save_revision().publish() in transaction.atomic(); "
            "page_published -> on_commit(index_page_ids) at the commit"
        ),
    }


def worker(args):
    bench.setup_django(args.database_url)
    configure(args)
    use_engine("database")
    from django.core.management import call_command

    from wagtail_reseau.catalogue.engines import get_engine
    from wagtail_reseau.models import CatalogueEntry

    phases = {}
    start = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    phases["migrate_s"] = round(time.perf_counter() - start, 1)
    log(f"{args.size}: migrated in {phases['migrate_s']} s; generating pages")
    start = time.perf_counter()
    data = bench.generate(args.size, args.seed)
    phases["pages_s"] = round(time.perf_counter() - start, 1)
    start = time.perf_counter()
    bench.index_in_catalogue(data["models"])
    phases["database_index_s"] = round(time.perf_counter() - start, 1)
    log(f"{args.size}: database engine index in {phases['database_index_s']} s")

    engine = get_engine("elasticsearch")
    recorder = Recorder(engine.client.transport)
    try:
        log(f"{args.size}: Elasticsearch rebuild (the reseau_rebuild_catalogue command's batches)")
        rebuild = measure_rebuild(engine, recorder, command_batches)
        log(
            f"  {rebuild['documents']} documents in {rebuild['total_s']} s: {rebuild['docs_per_s']} documents/s "
            f"(building {rebuild['building_s']} s, of which reading {rebuild['reading_s']} s; "
            f"bulk {rebuild['bulk_s']} s: {rebuild['bulk_docs_per_s']} documents/s; gc {rebuild['gc']['seconds']} s; "
            f"CPU {rebuild['cpu_s']} s, {rebuild['cpu_ms_per_document']} ms a document)"
        )
        building_profile = profile_building()
        log(f"  profiled building: {building_profile['ms_per_document_profiled']} ms a document")
        index = index_figures(engine)
        documents = {
            "pages": data["counts"],
            "catalogue_entries": CatalogueEntry.objects.count(),
            "elasticsearch_docs": index["docs"],
            "elasticsearch_store_bytes": index["store_bytes"],
        }
        log(f"{args.size}: measuring ({args.requests} requests of each kind)")
        requests = bench.Requests(data)
        searches = measure_searches(data, requests, recorder, args.requests)
        rng = random.Random(args.seed + args.size)
        page_ids = pages_to_publish(data["models"], args.publish * 2, rng)
        log(f"{args.size}: publish to findable ({args.publish} pages, REFRESH 'wait_for', then False)")
        publish = {
            "wait_for": measure_publish(args, requests, recorder, page_ids[: args.publish], "wait_for", rng),
            "false": measure_publish(args, requests, recorder, page_ids[args.publish :], False, rng),
        }
        log(
            "  "
            + ", ".join(
                f"REFRESH {key}: p50 {value['publish_to_findable'].get('p50_ms')} ms" for key, value in publish.items()
            )
        )
    finally:
        engine.delete_everything()
    result = {
        "size": args.size,
        "requests": args.requests,
        "database": bench.database_version(),
        "elasticsearch": es_version(engine.client),
        "documents": documents,
        "setup": phases,
        "rebuild": rebuild,
        "building_profile": building_profile,
        **searches,
        "publish": publish,
    }
    print(json.dumps(result, ensure_ascii=False), flush=True)


# =============================================================================
# Driver
# =============================================================================


def es_client(url):
    from elasticsearch import Elasticsearch

    return Elasticsearch(url, request_timeout=10, max_retries=0)


def check_server(url):
    """(client, message): the Elasticsearch server at ``url``, if one answers."""
    if not url:
        return None, (
            "no Elasticsearch URL: pass --url or set RESEAU_ELASTICSEARCH_URL "
            '(eval "$(bash scripts/elasticsearch.sh)" starts a node and exports it)'
        )
    try:
        client = es_client(url)
    except ImportError:
        return None, "the elasticsearch package is not installed: pip install -e '.[elasticsearch]'"
    try:
        health = client.cluster.health(timeout="5s")
    except Exception as error:  # noqa: BLE001 - any failure means: not reachable
        return None, f"no Elasticsearch server answers at {url} ({error.__class__.__name__}: {error})"
    if health["status"] == "red":
        return None, f"the Elasticsearch cluster at {url} is red"
    return client, ""


def es_version(client):
    """From the nodes info (this test distribution answers GET / with a 405)."""
    return ", ".join(sorted({node["version"] for node in client.nodes.info()["nodes"].values()}))


def server_figures(client):
    nodes = client.nodes.stats(metric="jvm")["nodes"].values()
    return {
        "version": es_version(client),
        "nodes": len(nodes),
        "heap_max_mb": [round(node["jvm"]["mem"]["heap_max_in_bytes"] / 2**20) for node in nodes],
        "other_indices_at_start": len(client.indices.get(index="*", expand_wildcards="open")),
    }


def delete_indices(client, prefix):
    """Every index named ``prefix``*, by name (wildcard deletes may be refused)."""
    names = sorted(client.indices.get(index=f"{prefix}*", expand_wildcards="all", allow_no_indices=True))
    for name in names:
        client.indices.delete(index=name, ignore_unavailable=True)
    return names


def load():
    """The load of the machine: other benchmarks may share its CPUs."""
    busy = []
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        listing = subprocess.run(
            ["ps", "-eo", "pid=,pcpu=,comm=,args=", "--sort=-pcpu"], capture_output=True, text=True, check=True
        ).stdout
        for line in listing.splitlines()[:6]:
            pid, cpu, command, arguments = (line.split(None, 3) + ["", "", "", ""])[:4]
            if float(cpu or 0) >= 20 and int(pid) != os.getpid():
                busy.append({"cpu_percent": float(cpu), "command": command, "args": arguments[:160]})
    return {"loadavg": [round(value, 2) for value in os.getloadavg()], "busy_processes": busy}


def run_worker(size, url, index, args):
    command = [
        sys.executable, str(Path(__file__).resolve()), "--worker",
        "--size", str(size), "--requests", str(args.requests), "--seed", str(args.seed),
        "--publish", str(args.publish), "--database-url", url, "--url", args.url, "--index", index,
    ]
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    completed = subprocess.run(command, stdout=subprocess.PIPE, text=True, env=environment, cwd=REPO)
    if completed.returncode != 0:
        raise RuntimeError(f"worker for {size} documents failed with exit code {completed.returncode}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def pair(timing):
    return f"{timing['p50_ms']:.1f} / {timing['p95_ms']:.1f}" if timing.get("n") else "-"


def summary_table(results):
    lines = [
        "| documents | rebuild docs/s (bulk only) | ES engine p50 / p95 ms "
        "| ES view p50 / p95 ms | ES took p50 / p95 ms | DB engine p50 / p95 ms | DB view p50 / p95 ms "
        "| ES / DB engine p50 | ES requests per query | publish to findable p50 / p95 ms (wait_for; false) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        timings, rpq, publish = result["timings"], result["requests_per_query"], result["publish"]
        requests = str(rpq["min"]) if rpq["min"] == rpq["max"] else f"{rpq['min']}–{rpq['max']}"
        lines.append(
            f"| {result['documents']['elasticsearch_docs']:,} "
            f"| {result['rebuild']['docs_per_s']:,.0f} ({result['rebuild']['bulk_docs_per_s']:,.0f}) "
            f"| {pair(timings['es_engine'])} | {pair(timings['es_view'])} | {pair(timings['es_engine_took'])} "
            f"| {pair(timings['db_engine'])} | {pair(timings['db_view'])} "
            f"| {result['ratios']['es_engine_vs_db_engine']['p50']:.2f}× | {requests} "
            f"| {pair(publish['wait_for']['publish_to_findable'])}; {pair(publish['false']['publish_to_findable'])} |"
        )
    return "\n".join(lines)


def targets(results):
    by_size = {result["size"]: result for result in results}
    checks = {
        "requests_per_query_is_1": all(
            result["requests_per_query"]["min"] == result["requests_per_query"]["max"] == TARGETS["requests_per_query"]
            for result in results
        ),
        "rebuild_docs_per_s_at_least_1000": {
            str(result["size"]): result["rebuild"]["docs_per_s"] >= TARGETS["rebuild_docs_per_s_min"]
            for result in results
        },
    }
    if 5000 in by_size and 50000 in by_size:
        ratios = {
            kind: round(by_size[50000]["timings"][kind]["p50_ms"] / by_size[5000]["timings"][kind]["p50_ms"], 3)
            for kind in ("es_engine", "es_view", "es_engine_took", "db_engine")
        }
        checks["p50_50k_vs_5k"] = ratios
        checks["p50_50k_vs_5k_at_most_2"] = ratios["es_engine"] <= TARGETS["p50_50k_vs_5k_max"]
    else:
        checks["p50_50k_vs_5k"] = None
        checks["p50_50k_vs_5k_at_most_2"] = None
    return checks


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 50000], help="numbers of documents")
    parser.add_argument("--requests", type=int, default=50, help="timed requests of each kind per size")
    parser.add_argument("--publish", type=int, default=PUBLISHED_PAGES, help="pages published per REFRESH mode")
    parser.add_argument("--url", default=os.environ.get("RESEAU_ELASTICSEARCH_URL", ""), help="Elasticsearch URL")
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--quick", action="store_true", help="a smoke run: 500 documents, 5 requests")
    parser.add_argument("--output", help="also write the JSON figures to this file")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    parser.add_argument("--index", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args)
        return 0
    if args.quick:
        args.sizes, args.requests = [500], 5

    client, problem = check_server(args.url)
    if client is None:
        print(f"benchmarks/elasticsearch.py: {problem}", file=sys.stderr)
        return 2
    server = server_figures(client)
    log(f"Elasticsearch {server['version']} at {args.url}, heap {server['heap_max_mb']} MB")
    prefix = f"{INDEX_PREFIX}{os.getpid()}_"
    load_before = load()
    results = []
    started = time.perf_counter()
    try:
        for size in args.sizes:
            log(f"{size}: throwaway database")
            with bench.ThrowawayDatabase("sqlite", size) as url:
                results.append(run_worker(size, url, f"{prefix}{size}", args))
            log(summary_table(results[-1:]).splitlines()[-1])
    finally:
        left = delete_indices(client, prefix)
        if left:
            log(f"deleted indices left behind: {left}")
    report = {
        "benchmark": "wagtail-reseau catalogue, Elasticsearch engine",
        "revision": bench.revision(),
        "machine": {**bench.machine(), "load_before": load_before, "load_after": load()},
        "elasticsearch": {**server, "url": args.url},
        "requests_per_kind": args.requests,
        "sizes": args.sizes,
        "bulk_size": BULK_SIZE,
        "targets": {"wanted": TARGETS, **targets(results)},
        "results": results,
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    print(summary_table(results), file=sys.stderr)
    line = json.dumps(report, ensure_ascii=False, separators=(",", ":"))
    if args.output:
        Path(args.output).write_text(line + "\n", encoding="utf-8")
    print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
