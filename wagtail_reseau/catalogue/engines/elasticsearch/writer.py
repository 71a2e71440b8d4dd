"""Writes: documents indexed and pages removed in bulk, through the alias and,
while a rebuild loads a new index, into that index too."""

from elasticsearch import TransportError, helpers

from . import breaker
from .rebuild import ensure_index, rebuild_alias


def write_targets(engine):
    """The alias, plus the index a rebuild is loading (so a page published
    during a rebuild is in the new index too)."""
    targets = [engine.alias]
    if engine.client.indices.exists_alias(name=rebuild_alias(engine)):
        targets.append(rebuild_alias(engine))
    return targets


def bulk(engine, actions, refresh=None, **options):
    """Runs bulk actions; a missing document on delete is not an error."""
    try:
        _ok, errors = helpers.bulk(
            engine.client.options(request_timeout=engine.config["INDEX_TIMEOUT"]),
            actions,
            chunk_size=engine.config["BULK_SIZE"],
            raise_on_error=False,
            refresh=engine.config["REFRESH"] if refresh is None else refresh,
            **options,
        )
    except TransportError as error:
        breaker.failed(engine, error)
    real = [error for error in errors if next(iter(error.values())).get("status") != 404]
    if real:
        raise RuntimeError(f"Elasticsearch refused {len(real)} documents, first: {real[0]}")


def writing(engine):
    """Writes wait for no timeout while the breaker is open: they go to the
    backlog at once (see indexing.update_engines)."""
    breaker.check_up(engine)
    try:
        ensure_index(engine)
    except TransportError as error:
        breaker.failed(engine, error)


def index_documents(engine, documents):
    documents = list(documents)
    if not documents:
        return
    writing(engine)
    engine._bulk(
        {"_op_type": "index", "_index": target, "_id": document.key, "_source": engine.source(document)}
        for target in write_targets(engine)
        for document in documents
    )


def remove_documents(engine, keys):
    keys = list(keys)
    if not keys:
        return
    writing(engine)
    engine._bulk(
        {"_op_type": "delete", "_index": target, "_id": key}
        for target in write_targets(engine)
        for key in keys
    )


def indexed_fingerprints(engine):
    ensure_index(engine)
    return {
        hit["_id"]: hit["_source"].get("fingerprint")
        for hit in helpers.scan(
            engine.client,
            index=engine.alias,
            _source=["fingerprint"],
            query={"query": {"match_all": {}}},
            request_timeout=engine.config["INDEX_TIMEOUT"],
        )
    }
