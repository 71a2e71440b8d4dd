"""The index behind the alias: created when missing, and rebuilt by loading a
new versioned index then swapping the alias to it in one atomic step."""

import logging
from concurrent.futures import ThreadPoolExecutor

from django.core.cache import cache
from django.utils import timezone
from elasticsearch import ApiError, NotFoundError

from . import breaker

logger = logging.getLogger(__package__)


def rebuild_alias(engine):
    """Points at the index a rebuild is loading, while it runs: every process
    sees it in the cluster itself."""
    return f"{engine.alias}-rebuilding"


def new_index_name(engine):
    return f"{engine.alias}-{timezone.now().strftime('%Y%m%d%H%M%S%f')}"


def ensure_index(engine):
    """Creates the first index, with its alias in the same call, when there is
    none yet. Its name is fixed, so two processes doing it at once cannot put
    the alias on two indices: the second one finds it there."""
    client = engine.client
    if client.indices.exists_alias(name=engine.alias):
        return
    body = engine.index_body()
    try:
        client.indices.create(index=f"{engine.alias}-initial", aliases={engine.alias: {}}, **body)
    except ApiError as error:
        if "resource_already_exists" not in str(error):
            raise


def indices_behind_alias(engine):
    try:
        return sorted(engine.client.indices.get_alias(name=engine.alias))
    except NotFoundError:
        return []


def rebuild(engine, batches, progress=None):
    """Loads a new versioned index in bulk, then moves the alias to it in one
    atomic step and drops the old ones: searches read the old index until the
    new one is complete, never an empty or partial one. While it loads, the
    ``-rebuilding`` alias points at it, so pages published meanwhile (by any
    process) are written to both."""
    client = engine.client
    abandon_unfinished_rebuild(engine)
    name = new_index_name(engine)
    body = engine.index_body()
    final_settings = {
        "refresh_interval": body["settings"]["index"].get("refresh_interval", "1s"),
        "number_of_replicas": body["settings"]["index"].get("number_of_replicas", 1),
    }
    # Loading is faster without refreshes or replicas; both come back before the swap.
    body["settings"]["index"].update({"refresh_interval": "-1", "number_of_replicas": 0})
    client.indices.create(index=name, aliases={rebuild_alias(engine): {}}, **body)
    try:
        engine._load(batches, progress)
        client.indices.put_settings(index=name, settings={"index": final_settings})
        client.indices.refresh(index=name)
        client.options(request_timeout=90).cluster.health(index=name, wait_for_status="yellow", timeout="60s")
        old = indices_behind_alias(engine)
        # One atomic step: the alias moves, the rebuilding alias goes.
        actions = [{"remove": {"index": index, "alias": engine.alias}} for index in old]
        actions += [
            {"add": {"index": name, "alias": engine.alias}},
            # Fails (and so does this rebuild) if another rebuild took over.
            {"remove": {"index": name, "alias": rebuild_alias(engine), "must_exist": True}},
        ]
        client.indices.update_aliases(actions=actions)
    except BaseException:
        client.indices.delete(index=name, ignore_unavailable=True)
        raise
    for index in old:
        client.indices.delete(index=index, ignore_unavailable=True)
    return name


def load(engine, batches, progress=None):
    """Sends each batch in a bulk request on a second thread while this one
    builds the next batch (reading pages and building documents stays on the
    caller's thread and database connection): the cluster indexes one batch
    while Python builds the next. One batch in flight at most, so memory stays
    bounded and a refused batch stops the rebuild at the next one."""

    def send(batch):
        # Through the rebuilding alias, which must exist: if another rebuild
        # dropped this index, nothing recreates it with a guessed mapping.
        engine._bulk(
            (
                {"_op_type": "index", "_index": rebuild_alias(engine), "_id": doc.key, "_source": engine.source(doc)}
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


def abandon_unfinished_rebuild(engine):
    """A rebuild killed half-way leaves its index behind the rebuilding alias:
    drop it (the new rebuild loads everything anyway)."""
    try:
        leftovers = list(engine.client.indices.get_alias(name=rebuild_alias(engine)))
    except NotFoundError:
        return
    for index in leftovers:
        logger.warning(
            "Dropping %s, left by a rebuild that did not finish (or that is still running: "
            "run one rebuild at a time; that one will now fail).",
            index,
        )
        engine.client.indices.delete(index=index, ignore_unavailable=True)


def delete_everything(engine):
    """Drops the alias and every index behind it (tests, uninstall)."""
    abandon_unfinished_rebuild(engine)
    for index in indices_behind_alias(engine):
        engine.client.indices.delete(index=index, ignore_unavailable=True)
    cache.delete(breaker.down_key(engine.alias))
