"""Versions kept in Django's cache: a random token under a key, which whatever
depends on it puts in its own cache keys, and which a change replaces, so that
everything cached under the old token is never read again.

Random, not a counter: after a cache flush no process can mistake an old entry
for a current one. Used by the catalogue's index generation and vocabulary
version, the public content version and the home page's key figures."""

import uuid

from django.core.cache import cache
from django.db import transaction


def cache_version(key):
    """The token under ``key`` (made on first use, kept until replaced)."""
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, None)
        version = cache.get(key, "")
    return version


def bump_cache_version(key):
    """A new token under ``key``."""
    cache.set(key, uuid.uuid4().hex, None)


def bump_now_and_on_commit(key):
    """A new token now, and again when the current transaction commits (a request
    running meanwhile may have cached what it saw before the commit, under the
    token of now)."""
    bump_cache_version(key)
    transaction.on_commit(lambda: bump_cache_version(key))
