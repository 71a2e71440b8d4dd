"""The landing page (no text, no selection), cached until the index changes.

Every write through the engine changes the index's generation (``index_changed``),
which is part of the cache keys."""

import hashlib
import math

from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from ....core.cache_versions import bump_now_and_on_commit, cache_version
from ..base import RawResult
from . import compiler

#: The landing page's counts and hits stay cached at most this long (seconds).
LANDING_CACHE_TIMEOUT = 3600
GENERATION_CACHE_KEY = "wagtail_reseau:catalogue:index-generation"


def cache_key(kind, *parts):
    digest = hashlib.sha1("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()
    return f"wagtail_reseau:catalogue:{kind}:{digest}"


def index_generation():
    """A token that every write through ``DatabaseEngine`` changes; cached results
    are keyed by it. Random, not a counter (as the vocabulary's version): after a
    cache flush, no process can mistake an old result for a current one."""
    return cache_version(GENERATION_CACHE_KEY)


def index_changed():
    """Makes a write visible at once: now, and again when the transaction that
    made it commits (a request running meanwhile may have cached what it saw
    before the commit, under the new generation)."""
    bump_now_and_on_commit(GENERATION_CACHE_KEY)


def landing(query, scope):
    """The request without text or selection, the most frequent one and, on a
    large index, the dearest (every facet value is counted): read from the
    cache, keyed by the scope and the index's generation, which every write
    through this engine changes. Its counts, the same for every page and sort,
    are cached apart from its pages of hits.

    Counting upcoming and past events depends on the time: the counts expire
    when the first upcoming event of the scope ends."""
    sort = query.effective_sort  # no text: no relevance
    scope_key = "|".join(
        [
            str(scope.locale_id),
            scope.root_path,
            ",".join(scope.content_types),
            ",".join(scope.facet_keys),
            index_generation(),
            index_fingerprint(),
        ]
    )
    counts_key = cache_key("landing-counts", scope_key)
    cached = cache.get(counts_key)
    now = timezone.now()
    if cached is not None:
        total, counts, labels = cached
        num_pages = max(1, math.ceil(total / scope.page_size))
        page = min(query.page, num_pages)
        hits_key = cache_key("landing-hits", scope_key, str(scope.page_size), sort, str(page))
        hits = cache.get(hits_key)
        if hits is None:  # another page or sort of the same landing: its hits alone
            entries = compiler.search_base(scope, (), now)
            hits = compiler.hits(entries, query, None, (page - 1) * scope.page_size, scope.page_size)
            cache.set(hits_key, hits, LANDING_CACHE_TIMEOUT)
        return RawResult(total=total, page=page, num_pages=num_pages, hits=hits, counts=counts, labels=labels)
    next_change = {}
    result = compiler.search(query, scope, now, next_change)
    timeout = LANDING_CACHE_TIMEOUT
    if "expires" in next_change:
        timeout = max(1, min(timeout, math.ceil((next_change["expires"] - now).total_seconds())))
    cache.set(counts_key, (result.total, result.counts, result.labels), timeout)
    hits_key = cache_key("landing-hits", scope_key, str(scope.page_size), sort, str(result.page))
    cache.set(hits_key, result.hits, LANDING_CACHE_TIMEOUT)
    return result


def index_fingerprint():
    """The number of entries and the highest id: with the generation, a cached
    landing page is not served after changes made without this engine (a
    transaction rolled back, another process with a cache of its own)."""
    from ...models import CatalogueEntry

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*), MAX(id) FROM {CatalogueEntry._meta.db_table}")
        count, highest = cursor.fetchone()
    return f"{count}.{highest}"
