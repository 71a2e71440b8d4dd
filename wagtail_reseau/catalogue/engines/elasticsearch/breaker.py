"""The circuit breaker: after a failure, searches and writes go straight to the
fallback (the database engine, the backlog) for RETRY_AFTER seconds."""

import logging

from django.core.cache import cache
from elasticsearch import ApiError

from ..base import EngineUnavailable

logger = logging.getLogger(__package__)


def down_key(alias):
    return f"wagtail_reseau:elasticsearch:down:{alias}"


def check_up(engine):
    """Straight to the fallback while a recent failure is fresh: no visitor
    waits for a timeout more than once per RETRY_AFTER seconds."""
    if cache.get(down_key(engine.alias)):
        raise EngineUnavailable("Elasticsearch failed recently; retrying later")


def failed(engine, error):
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
        cache.set(down_key(engine.alias), True, engine.config["RETRY_AFTER"])
    raise EngineUnavailable(str(error)) from error
