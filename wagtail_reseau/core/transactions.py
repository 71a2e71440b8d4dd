"""A transaction that writes, and says so to SQLite from its first statement.

Django opens SQLite transactions as ``BEGIN`` (deferred) unless the host sets
``"transaction_mode": "IMMEDIATE"``: the first read takes a shared lock, and
the first write must then upgrade it. SQLite does not wait for an upgrade (the
busy timeout does not apply, to avoid a deadlock): if another connection holds
the write lock at that moment, the write fails at once with ``database is
locked``. Writing first (a write that changes nothing) takes the write lock
before any read, so the busy timeout applies and the transaction waits its turn.
PostgreSQL needs nothing of the kind."""

from contextlib import contextmanager

from django.db import connections, router, transaction


@contextmanager
def write_transaction(model):
    """``transaction.atomic()`` on ``model``'s database that holds SQLite's write
    lock from its start. Keep the work inside short: prepare what can be
    prepared before entering."""
    using = router.db_for_write(model)
    connection = connections[using]
    with transaction.atomic(using=using):
        if connection.vendor == "sqlite":
            table = connection.ops.quote_name(model._meta.db_table)
            column = connection.ops.quote_name(model._meta.pk.column)
            with connection.cursor() as cursor:
                cursor.execute(f"UPDATE {table} SET {column} = {column} WHERE 0")  # noqa: S608 (names)
        yield
