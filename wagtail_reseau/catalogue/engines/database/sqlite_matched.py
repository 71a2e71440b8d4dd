"""SQLite with text: the text matched once per request.

The FTS5 match writes the entries it finds into a temporary table of the
request, which the total, the page of hits and the facet counts then read: see
``search_matched``."""

import datetime
import math
import uuid

from django.db import connection

from ...facets import get_facet
from ..base import RawHit, RawResult
from .compiler import search_base
from .full_text import FTS_TABLE, FTS_WEIGHTS, fts5_match


def search_matched(query, scope, now):
    """The search with text on SQLite (FTS5), matching the text once.

    One statement writes the entries of the scope that match the text into a
    temporary table of this request, with a flag per selection (``c0``, ``c1``…:
    1 when the entry satisfies it), whether its event is upcoming, and its bm25
    rank when it satisfies every selection. The total, the page of hits and
    the facet counts (1 + k statements) then read that table, the counts of a
    selected facet from the rows that satisfy every *other* selection. Rows
    that fail two selections or more are never read, so they are not written.
    The table is dropped at the end of the request: 2 statements more than
    the counts and hits themselves, whatever the page size or data size."""
    from ...models import CatalogueEntry, CatalogueFacetValue

    entries = CatalogueEntry._meta.db_table
    values_table = CatalogueFacetValue._meta.db_table
    selections = list(query.selections)
    moment = connection.ops.adapt_datetimefield_value(now)

    # A flag per selection: 1 when the entry satisfies it. A selection stored as
    # facet values is a left join on them, tested before the entry is read
    # (most matching entries fail two selections and are never read); a facet
    # with a condition of its own (``Facet.sqlite_flag``) reads the entry.
    # Joins, rather than IN subqueries, so that the flag is
    # looked up once however many times the statement uses it.
    joins, join_params, flags, flag_params, stored = [], [], [], [], []
    for index, (key, values) in enumerate(selections):
        facet = get_facet(key)
        own = facet.sqlite_flag(values, moment) if facet is not None else None
        if own is not None:
            flags.append(own[0])
            flag_params.append(list(own[1]))
            continue
        alias = f"s{index}"
        if len(values) == 1:  # the unique index (entry, facet, value): one row at most
            joins.append(
                f"LEFT JOIN {values_table} {alias} ON {alias}.entry_id = {FTS_TABLE}.rowid "
                f"AND {alias}.facet = %s AND {alias}.value = %s"
            )
        else:  # one row per entry, however many of the values it has
            joins.append(
                f"LEFT JOIN (SELECT DISTINCT entry_id FROM {values_table} WHERE facet = %s "
                f"AND value IN ({', '.join(['%s'] * len(values))})) {alias} ON {alias}.entry_id = {FTS_TABLE}.rowid"
            )
        join_params += [key, *values]
        flags.append(f"({alias}.entry_id IS NOT NULL)")
        flag_params.append([])
        stored.append(index)

    def sum_of(indexes):
        return " + ".join(flags[index] for index in indexes), [p for i in indexes for p in flag_params[i]]

    relevance = query.effective_sort == "relevance"
    columns = [f"{FTS_TABLE}.rowid AS id", "COALESCE(e.event_last >= %s, 0) AS up"]
    params = [moment]
    for index, flag in enumerate(flags):
        columns.append(f"{flag} AS c{index}")
        params += flag_params[index]
    if relevance:
        # bm25 costs a lookup per row: only for the rows that are results.
        if flags:
            every, every_params = sum_of(range(len(flags)))
            columns.append(f"CASE WHEN {every} = {len(flags)} THEN bm25({FTS_TABLE}, {FTS_WEIGHTS}) END AS rank")
            params += every_params
        else:
            columns.append(f"bm25({FTS_TABLE}, {FTS_WEIGHTS}) AS rank")
    where = [f"{FTS_TABLE} MATCH %s"]
    where_params = [fts5_match(query.text, scope.language_code)]
    if len(stored) >= 2:
        sql, sql_params = sum_of(stored)
        where.append(f"{sql} >= {len(stored) - 1}")
        where_params += sql_params
    where.append(f"e.locale_id = %s AND e.content_type_key IN ({', '.join(['%s'] * len(scope.content_types))})")
    where_params += [scope.locale_id, *scope.content_types]
    if scope.root_path:
        # Tree paths hold only digits and capitals: no LIKE wildcard to escape.
        where.append("e.path LIKE %s")
        where_params.append(scope.root_path + "%")
    if len(flags) >= 2 and len(stored) < len(flags):
        sql, sql_params = sum_of(range(len(flags)))
        where.append(f"{sql} >= {len(flags) - 1}")
        where_params += sql_params
    # CROSS JOIN: SQLite keeps that order (the full-text match drives).
    select = (
        f"SELECT {', '.join(columns)} FROM {FTS_TABLE} {' '.join(joins)} "
        f"CROSS JOIN {entries} e ON e.id = {FTS_TABLE}.rowid WHERE {' AND '.join(where)}"
    )
    params = params + join_params + where_params
    table = f"reseau_matched_{uuid.uuid4().hex}"

    def passing(*, skip=None):
        return " AND ".join([f"t.c{index} = 1" for index in range(len(flags)) if index != skip] or ["1"])

    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE {table} AS {select}", params)
        try:
            cursor.execute(f"SELECT COUNT(*) FROM {table} t WHERE {passing()}")
            total = cursor.fetchone()[0]
            num_pages = max(1, math.ceil(total / scope.page_size))
            page = min(query.page, num_pages)
            hits = []
            if total:
                order = {
                    "relevance": "t.rank, e.date DESC, e.title, e.key",
                    "title": "e.title, e.key",
                    "reused": "e.reuse_count DESC, e.date DESC, e.title, e.key",
                }.get(query.effective_sort, "e.date DESC, e.title, e.key")
                cursor.execute(
                    "SELECT e.page_id, e.content_type_key, e.title, e.url, e.summary, e.text, e.date, e.key "
                    f"FROM {table} t CROSS JOIN {entries} e ON e.id = t.id WHERE {passing()} "
                    f"ORDER BY {order} LIMIT %s OFFSET %s",
                    [scope.page_size, (page - 1) * scope.page_size],
                )
                hits = [
                    RawHit(
                        *row[:6],
                        datetime.date.fromisoformat(row[6]) if isinstance(row[6], str) else row[6],
                        key=row[7],
                    )
                    for row in cursor.fetchall()
                ]

            counts, labels = {}, {}
            selected = [key for key, _values in selections]
            unselected = [key for key in scope.facet_keys if key not in selected]
            if unselected:
                count_matched(cursor, table, passing(), unselected, counts, labels)
            for index, key in enumerate(selected):
                if key in scope.facet_keys:
                    count_matched(cursor, table, passing(skip=index), [key], counts, labels)

            totals_without = {}
            if total == 0:
                for index, key in enumerate(selected):
                    cursor.execute(f"SELECT COUNT(*) FROM {table} t WHERE {passing(skip=index)}")
                    totals_without[key] = cursor.fetchone()[0]
        finally:
            cursor.execute(f"DROP TABLE IF EXISTS temp.{table}")
    if total == 0:
        totals_without["q"] = search_base(scope, selections, now).count()
    return RawResult(
        total=total,
        page=page,
        num_pages=num_pages,
        hits=hits,
        counts=counts,
        labels=labels,
        totals_without=totals_without,
    )


def count_matched(cursor, table, passing, facet_keys, counts, labels):
    """Adds to ``counts`` (and ``labels``) the values of ``facet_keys`` among the
    rows of ``table`` that pass: one grouped statement, each facet reading its rows."""
    from ...models import CatalogueFacetValue

    values_table = CatalogueFacetValue._meta.db_table
    facets = {key: get_facet(key) for key in facet_keys if get_facet(key) is not None}
    labelled = [key for key, facet in facets.items() if facet.labels_from_documents]
    # Labels stored with the values (tags): looked up once per value counted, so
    # that the counting itself reads the unique index alone (entry, facet, value).
    label = (
        f"CASE WHEN v.facet IN ({', '.join(['%s'] * len(labelled))}) THEN (SELECT l.label FROM {values_table} l "
        "WHERE l.facet = v.facet AND l.value = v.value AND l.label != '' LIMIT 1) END"
        if labelled
        else "NULL"
    )
    rows_by_facet = {}
    if facets:
        cursor.execute(
            f"SELECT v.facet, v.value, COUNT(*), SUM(t.up), {label} "
            f"FROM {table} t CROSS JOIN {values_table} v ON v.entry_id = t.id "
            f"WHERE {passing} AND v.facet IN ({', '.join(['%s'] * len(facets))}) GROUP BY v.facet, v.value",
            [*labelled, *facets],
        )
        for facet_key, value, count, upcoming, value_label in cursor.fetchall():
            rows_by_facet.setdefault(facet_key, []).append((value, count, upcoming))
            if value_label:
                labels.setdefault(facet_key, {})[value] = value_label
    for key in facet_keys:
        facet = facets.get(key)
        counts[key] = facet.counts_from_rows(rows_by_facet.get(key, [])) if facet else {}
