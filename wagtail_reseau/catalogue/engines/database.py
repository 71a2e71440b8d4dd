"""The embedded engine: the catalogue on the site's own database.

Full text uses the database's own index: FTS5 on SQLite, a weighted tsvector with
a GIN index on PostgreSQL, ``icontains`` elsewhere. Facet counts take one grouped
query for the facets without a selection, plus one per facet with a selection
(disjunctive counts): 1 + k queries whatever the page size or data size.

On SQLite, a request with text matches it once: the matching entries, with a flag
per selected facet, go into a temporary table that the total, the page of hits
and the facet counts then read (see ``_search_matched``).

The landing page (no text, no selection) is cached, per scope, until the index
changes (see ``_landing``)."""

import datetime
import hashlib
import math
import re
import unicodedata
import uuid

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import BooleanField, Count, FloatField, Max, Min, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from ..facets import WHEN_PAST, WHEN_UPCOMING
from .base import CatalogueEngine, Completion, RawHit, RawResult

FTS_TABLE = "wagtail_reseau_catalogue_fts"
TOKEN = re.compile(r"\w+", re.UNICODE)

#: PostgreSQL text search configurations by language; others use "simple".
PG_CONFIGS = {
    "fr": "french",
    "en": "english",
    "es": "spanish",
    "nl": "dutch",
    "de": "german",
    "it": "italian",
    "pt": "portuguese",
}


def fold(text):
    """Lower case without accents: "Santé" and "sante" match on every database."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    if not decomposed.isascii():
        # Remove each combining mark present (a few distinct ones) rather than
        # test every character in Python: highlighting folds the hits' texts.
        for char in set(decomposed):
            if unicodedata.combining(char):
                decomposed = decomposed.replace(char, "")
    return decomposed.lower()


def tokens(text):
    return TOKEN.findall(fold(text))[:32]


def fts5_match(text):
    """An FTS5 query: every word required, the last one as a prefix, all quoted so
    nothing a visitor types is read as FTS5 syntax."""
    words = tokens(text)
    return (" ".join(f'"{word}"' for word in words[:-1]) + f' "{words[-1]}"*').strip()


def pg_config(language_code):
    return PG_CONFIGS.get((language_code or "").split("-")[0], "simple")


def full_text_kind():
    """"fts5", "postgresql" or "like", for the current database (looked up once
    per connection: the full-text table is made by a migration)."""
    kind = getattr(connection, "_wagtail_reseau_full_text", None)
    if kind is None:
        if connection.vendor == "postgresql":
            kind = "postgresql"
        elif connection.vendor == "sqlite" and FTS_TABLE in connection.introspection.table_names():
            kind = "fts5"
        else:
            kind = "like"
        connection._wagtail_reseau_full_text = kind
    return kind


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
    generation = cache.get(GENERATION_CACHE_KEY)
    if generation is None:
        cache.add(GENERATION_CACHE_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_CACHE_KEY, "")
    return generation


def bump_index_generation():
    cache.set(GENERATION_CACHE_KEY, uuid.uuid4().hex, None)


def index_changed():
    """Makes a write visible at once: now, and again when the transaction that
    made it commits (a request running meanwhile may have cached what it saw
    before the commit, under the new generation)."""
    bump_index_generation()
    transaction.on_commit(bump_index_generation)


class DatabaseEngine(CatalogueEngine):
    name = "database"

    # -- search -----------------------------------------------------------------

    def search(self, query, scope):
        if not tokens(query.text) and not query.selections:
            return self._landing(query, scope)
        now = timezone.now()
        if tokens(query.text) and full_text_kind() == "fts5":
            return self._search_matched(query, scope, now)
        return self._search(query, scope, now)

    @staticmethod
    def _scoped(scope):
        """The entries a catalogue searches: its locale, its content types and,
        when it searches one site, that site's tree."""
        from ..models import CatalogueEntry

        entries = CatalogueEntry.objects.filter(locale_id=scope.locale_id, content_type_key__in=scope.content_types)
        return entries.filter(path__startswith=scope.root_path) if scope.root_path else entries

    def _search(self, query, scope, now, next_change=None):
        """The search through the ORM: PostgreSQL, the ``icontains`` fallback and
        requests without text. ``next_change``, a dict, receives under "when" the
        first moment after ``now`` at which an upcoming event of the result becomes
        past (when the "when" facet is counted)."""
        base = self._scoped(scope)
        texted, rank = self._with_text(base, query.text, scope)
        conditions = {key: self._selection(key, values, now) for key, values in query.selections}
        results = texted.filter(*conditions.values())

        total = results.count()
        num_pages = max(1, math.ceil(total / scope.page_size))
        page = min(query.page, num_pages)
        offset = (page - 1) * scope.page_size
        hits = self._hits(results, query, rank, offset, scope.page_size)

        counts, labels = {}, {}
        unselected = [key for key in scope.facet_keys if key not in conditions]
        if unselected:
            self._count(results, unselected, now, counts, labels, next_change)
        for key in conditions:
            if key in scope.facet_keys:
                others = [condition for other, condition in conditions.items() if other != key]
                self._count(texted.filter(*others), [key], now, counts, labels)

        totals_without = {}
        if total == 0:
            # Only for an empty result: what removing each part would give.
            for key in conditions:
                others = [condition for other, condition in conditions.items() if other != key]
                totals_without[key] = texted.filter(*others).count()
            if query.text:
                totals_without["q"] = base.filter(*conditions.values()).count()
        return RawResult(
            total=total,
            page=page,
            num_pages=num_pages,
            hits=hits,
            counts=counts,
            labels=labels,
            totals_without=totals_without,
        )

    # -- the landing page, cached ------------------------------------------------

    def _landing(self, query, scope):
        """The request without text or selection, the most frequent one and, on a
        large index, the dearest (every facet value is counted): read from the
        cache, keyed by the scope and the index's generation, which every write
        through this engine changes. Its counts, the same for every page and sort,
        are cached apart from its pages of hits.

        Counting upcoming and past events depends on the time: the counts expire
        when the first upcoming event of the scope ends."""
        sort = "title" if query.effective_sort == "title" else "date"  # no text: no relevance
        scope_key = "|".join(
            [
                str(scope.locale_id),
                scope.root_path,
                ",".join(scope.content_types),
                ",".join(scope.facet_keys),
                index_generation(),
                self._index_fingerprint(),
            ]
        )
        counts_key = cache_key("landing-counts", scope_key)
        landing = cache.get(counts_key)
        now = timezone.now()
        if landing is not None:
            total, counts, labels = landing
            num_pages = max(1, math.ceil(total / scope.page_size))
            page = min(query.page, num_pages)
            hits_key = cache_key("landing-hits", scope_key, str(scope.page_size), sort, str(page))
            hits = cache.get(hits_key)
            if hits is None:  # another page or sort of the same landing: its hits alone
                entries = self._search_base(scope, (), now)
                hits = self._hits(entries, query, None, (page - 1) * scope.page_size, scope.page_size)
                cache.set(hits_key, hits, LANDING_CACHE_TIMEOUT)
            return RawResult(total=total, page=page, num_pages=num_pages, hits=hits, counts=counts, labels=labels)
        next_change = {}
        result = self._search(query, scope, now, next_change)
        timeout = LANDING_CACHE_TIMEOUT
        if "when" in next_change:
            timeout = max(1, min(timeout, math.ceil((next_change["when"] - now).total_seconds())))
        cache.set(counts_key, (result.total, result.counts, result.labels), timeout)
        hits_key = cache_key("landing-hits", scope_key, str(scope.page_size), sort, str(result.page))
        cache.set(hits_key, result.hits, LANDING_CACHE_TIMEOUT)
        return result

    def _index_fingerprint(self):
        """The number of entries and the highest id: with the generation, a cached
        landing page is not served after changes made without this engine (a
        transaction rolled back, another process with a cache of its own)."""
        from ..models import CatalogueEntry

        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*), MAX(id) FROM {CatalogueEntry._meta.db_table}")
            count, highest = cursor.fetchone()
        return f"{count}.{highest}"

    # -- SQLite: the text matched once per request ---------------------------------

    def _search_matched(self, query, scope, now):
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
        from ..models import CatalogueEntry, CatalogueFacetValue

        entries = CatalogueEntry._meta.db_table
        values_table = CatalogueFacetValue._meta.db_table
        selections = list(query.selections)
        moment = connection.ops.adapt_datetimefield_value(now)

        # A flag per selection: 1 when the entry satisfies it. A selection stored as
        # facet values is a left join on them, tested before the entry is read
        # (most matching entries fail two selections and are never read); "when"
        # needs the entry. Joins, rather than IN subqueries, so that the flag is
        # looked up once however many times the statement uses it.
        joins, join_params, flags, flag_params, stored = [], [], [], [], []
        for index, (key, values) in enumerate(selections):
            if key == "when":
                values = set(values)
                if values == {WHEN_UPCOMING}:
                    flags.append("(e.event_last IS NOT NULL AND e.event_last >= %s)")
                    flag_params.append([moment])
                elif values == {WHEN_PAST}:
                    flags.append("(e.event_last IS NOT NULL AND e.event_last < %s)")
                    flag_params.append([moment])
                else:
                    flags.append("(e.event_last IS NOT NULL)")
                    flag_params.append([])
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
                columns.append(f"CASE WHEN {every} = {len(flags)} THEN bm25({FTS_TABLE}, 10.0, 4.0, 1.0) END AS rank")
                params += every_params
            else:
                columns.append(f"bm25({FTS_TABLE}, 10.0, 4.0, 1.0) AS rank")
        where = [f"{FTS_TABLE} MATCH %s"]
        where_params = [fts5_match(query.text)]
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
                        "relevance": "t.rank, e.date DESC, e.title, e.page_id",
                        "title": "e.title, e.page_id",
                    }.get(query.effective_sort, "e.date DESC, e.title, e.page_id")
                    cursor.execute(
                        "SELECT e.page_id, e.content_type_key, e.title, e.url, e.summary, e.text, e.date "
                        f"FROM {table} t CROSS JOIN {entries} e ON e.id = t.id WHERE {passing()} "
                        f"ORDER BY {order} LIMIT %s OFFSET %s",
                        [scope.page_size, (page - 1) * scope.page_size],
                    )
                    hits = [
                        RawHit(*row[:6], datetime.date.fromisoformat(row[6]) if isinstance(row[6], str) else row[6])
                        for row in cursor.fetchall()
                    ]

                counts, labels = {}, {}
                selected = [key for key, _values in selections]
                unselected = [key for key in scope.facet_keys if key not in selected]
                if unselected:
                    self._count_matched(cursor, table, passing(), unselected, counts, labels)
                for index, key in enumerate(selected):
                    if key in scope.facet_keys:
                        self._count_matched(cursor, table, passing(skip=index), [key], counts, labels)

                totals_without = {}
                if total == 0:
                    for index, key in enumerate(selected):
                        cursor.execute(f"SELECT COUNT(*) FROM {table} t WHERE {passing(skip=index)}")
                        totals_without[key] = cursor.fetchone()[0]
            finally:
                cursor.execute(f"DROP TABLE IF EXISTS temp.{table}")
        if total == 0:
            totals_without["q"] = self._search_base(scope, selections, now).count()
        return RawResult(
            total=total,
            page=page,
            num_pages=num_pages,
            hits=hits,
            counts=counts,
            labels=labels,
            totals_without=totals_without,
        )

    def _search_base(self, scope, selections, now):
        conditions = [self._selection(key, values, now) for key, values in selections]
        return self._scoped(scope).filter(*conditions)

    def _count_matched(self, cursor, table, passing, facet_keys, counts, labels):
        from ..models import CatalogueFacetValue

        values_table = CatalogueFacetValue._meta.db_table
        stored = [key for key in facet_keys if key != "when"]
        if "when" in facet_keys:
            stored.append("when")  # stored as the marker value "event"
        # Only tags have stored labels: looked up once per tag counted, so that
        # the counting itself reads the unique index alone (entry, facet, value).
        label = (
            f"CASE WHEN v.facet = 'tag' THEN (SELECT l.label FROM {values_table} l "
            "WHERE l.facet = 'tag' AND l.value = v.value AND l.label != '' LIMIT 1) END"
            if "tag" in facet_keys
            else "NULL"
        )
        cursor.execute(
            f"SELECT v.facet, v.value, COUNT(*), SUM(t.up), {label} "
            f"FROM {table} t CROSS JOIN {values_table} v ON v.entry_id = t.id "
            f"WHERE {passing} AND v.facet IN ({', '.join(['%s'] * len(stored))}) GROUP BY v.facet, v.value",
            stored,
        )
        for facet, value, count, upcoming, label in cursor.fetchall():
            if facet == "when":
                counts.setdefault("when", {})[WHEN_UPCOMING] = upcoming
                counts["when"][WHEN_PAST] = count - upcoming
                continue
            counts.setdefault(facet, {})[value] = count
            if label:
                labels.setdefault(facet, {})[value] = label
        for key in facet_keys:
            counts.setdefault(key, {})

    def _with_text(self, queryset, text, scope):
        words = tokens(text)
        if not words:
            return queryset, None
        kind = full_text_kind()
        if kind == "postgresql":
            config = pg_config(scope.language_code)
            terms = " & ".join(f"{word}:*" if index == len(words) - 1 else word for index, word in enumerate(words))
            queryset = queryset.annotate(
                _text_match=RawSQL(
                    "search_vector @@ to_tsquery(%s::regconfig, %s)", [config, terms], output_field=BooleanField()
                )
            ).filter(_text_match=True)
            rank = RawSQL(
                "-ts_rank_cd(search_vector, to_tsquery(%s::regconfig, %s))", [config, terms], output_field=FloatField()
            )
            return queryset, rank
        # No full-text index: the stored text keeps its accents, so match words as typed.
        for word in TOKEN.findall((text or "").lower())[:32]:
            queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word) | Q(text__icontains=word))
        return queryset, None

    def _selection(self, key, values, now):
        from ..models import CatalogueFacetValue

        if key == "when":
            values = set(values)
            if values == {WHEN_UPCOMING}:
                return Q(event_last__gte=now)
            if values == {WHEN_PAST}:
                return Q(event_last__lt=now)
            return Q(event_last__isnull=False)
        return Q(pk__in=CatalogueFacetValue.objects.filter(facet=key, value__in=values).values("entry_id"))

    def _hits(self, results, query, rank, offset, limit):
        ordered = self._ordered(results, query, rank)
        rows = ordered.values_list("page_id", "content_type_key", "title", "url", "summary", "text", "date")
        return [RawHit(*row) for row in rows[offset : offset + limit]]

    def _ordered(self, results, query, rank):
        sort = query.effective_sort
        if sort == "relevance" and rank is not None:
            return results.annotate(_rank=rank).order_by("_rank", "-date", "title", "page_id")
        if sort == "title":
            return results.order_by("title", "page_id")
        return results.order_by("-date", "title", "page_id")

    def _count(self, entries, facet_keys, now, counts, labels, next_change=None):
        from ..models import CatalogueFacetValue

        stored = [key for key in facet_keys if key != "when"]
        aggregates = {
            "n": Count("entry_id"),
            "upcoming": Count("entry_id", filter=Q(entry__event_last__gte=now)),
            "label": Max("label"),
        }
        if "when" in facet_keys:
            stored.append("when")  # stored as the marker value "event"
            if next_change is not None:
                aggregates["next_end"] = Min("entry__event_last", filter=Q(entry__event_last__gte=now))
        rows = (
            CatalogueFacetValue.objects.filter(entry__in=entries.values("pk"), facet__in=stored)
            .values("facet", "value")
            .annotate(**aggregates)
            .order_by()
        )
        for row in rows:
            if row["facet"] == "when":
                counts.setdefault("when", {})[WHEN_UPCOMING] = row["upcoming"]
                counts["when"][WHEN_PAST] = row["n"] - row["upcoming"]
                if next_change is not None and row.get("next_end") is not None:
                    next_change["when"] = row["next_end"]
                continue
            counts.setdefault(row["facet"], {})[row["value"]] = row["n"]
            if row["label"]:
                labels.setdefault(row["facet"], {})[row["value"]] = row["label"]
        for key in facet_keys:
            counts.setdefault(key, {})

    # -- indexing ---------------------------------------------------------------

    def index_documents(self, documents):
        from ..models import CatalogueEntry, CatalogueFacetValue

        documents = list(documents)
        if not documents:
            return
        with transaction.atomic():
            self._delete_entries(CatalogueEntry.objects.filter(page_id__in=[doc.page_id for doc in documents]))
            entries = CatalogueEntry.objects.bulk_create(
                [
                    CatalogueEntry(
                        page_id=doc.page_id,
                        locale_id=doc.locale_id,
                        content_type_key=doc.type,
                        title=doc.title[:255],
                        url=doc.url,
                        summary=doc.summary,
                        text=doc.text,
                        date=doc.date,
                        event_last=doc.event_last,
                        path=doc.path,
                    )
                    for doc in documents
                ]
            )
            CatalogueFacetValue.objects.bulk_create(
                [
                    CatalogueFacetValue(
                        entry=entry,
                        facet=key,
                        value=value[:120],
                        label=doc.tag_labels.get(value, "")[:255] if key == "tag" else "",
                    )
                    for entry, doc in zip(entries, documents, strict=True)
                    for key, values in doc.facets.items()
                    for value in sorted(values)
                ],
                batch_size=2000,
            )
            self._write_full_text(entries, documents)
        index_changed()

    def _write_full_text(self, entries, documents):
        kind = full_text_kind()
        pairs = list(zip(entries, documents, strict=True))
        with connection.cursor() as cursor:
            if kind == "fts5":
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE}(rowid, title, summary, text) VALUES (%s, %s, %s, %s)",
                    [(entry.pk, doc.title, doc.summary, doc.text) for entry, doc in pairs],
                )
            elif kind == "postgresql":
                cursor.executemany(
                    "UPDATE wagtail_reseau_catalogueentry SET search_vector = "
                    "setweight(to_tsvector(%s::regconfig, %s), 'A') || "
                    "setweight(to_tsvector(%s::regconfig, %s), 'B') || "
                    "setweight(to_tsvector(%s::regconfig, %s), 'C') WHERE id = %s",
                    [
                        (
                            pg_config(doc.language_code),
                            fold(doc.title),
                            pg_config(doc.language_code),
                            fold(doc.summary),
                            pg_config(doc.language_code),
                            fold(doc.text),
                            entry.pk,
                        )
                        for entry, doc in pairs
                    ],
                )

    def _delete_entries(self, entries):
        ids = list(entries.values_list("pk", flat=True))
        if not ids:
            return
        if full_text_kind() == "fts5":
            with connection.cursor() as cursor:
                for start in range(0, len(ids), 500):
                    chunk = ids[start : start + 500]
                    cursor.execute(
                        f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk
                    )
        entries.model.objects.filter(pk__in=ids).delete()

    def remove_pages(self, page_ids):
        from ..models import CatalogueEntry

        self._delete_entries(CatalogueEntry.objects.filter(page_id__in=list(page_ids)))
        if full_text_kind() == "fts5":
            # A deleted page takes its entry with it (foreign key cascade) before
            # this runs: sweep full-text rows left without an entry.
            with connection.cursor() as cursor:
                cursor.execute(
                    f"DELETE FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT id FROM wagtail_reseau_catalogueentry)"
                )
        index_changed()

    def clear(self):
        from ..models import CatalogueEntry, CatalogueFacetValue

        with transaction.atomic():
            CatalogueFacetValue.objects.all().delete()
            CatalogueEntry.objects.all().delete()
            if full_text_kind() == "fts5":
                with connection.cursor() as cursor:
                    cursor.execute(f"DELETE FROM {FTS_TABLE}")
        index_changed()

    def indexed_page_ids(self):
        from ..models import CatalogueEntry

        return set(CatalogueEntry.objects.values_list("page_id", flat=True))

    # -- autocomplete -------------------------------------------------------------

    def autocomplete(self, text, scope, limit=8):
        """Titles holding every word typed, the last one as a prefix: the FTS5
        title column on SQLite, the title's weight (A) on PostgreSQL."""
        from ..models import CatalogueEntry

        words = tokens(text)
        if not words:
            return []
        entries = self._scoped(scope)
        kind = full_text_kind()
        if kind == "fts5":
            match = "title : (" + fts5_match(text) + ")"
            entries = entries.filter(pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match]))
        elif kind == "postgresql":
            # The word being typed is a prefix. Its language may take it for a stop
            # word ("l" in French) and drop it, which would match every title:
            # then it is looked up without the language ("simple").
            config = pg_config(scope.language_code)
            complete = " & ".join(f"{word}:A" for word in words[:-1])
            last = f"{words[-1]}:*A"
            entries = entries.annotate(
                _title_match=RawSQL(
                    "search_vector @@ (to_tsquery(%s::regconfig, %s) && CASE "
                    "WHEN numnode(to_tsquery(%s::regconfig, %s)) = 0 THEN to_tsquery('simple', %s) "
                    "ELSE to_tsquery(%s::regconfig, %s) END)",
                    [config, complete, config, last, last, config, last],
                    output_field=BooleanField(),
                )
            ).filter(_title_match=True)
        else:
            for word in TOKEN.findall((text or "").lower())[:32]:
                entries = entries.filter(title__icontains=word)
        rows = entries.order_by("title", "page_id").values_list("title", "url", "content_type_key")[:limit]
        return [Completion(title=title, url=url, type=type_key) for title, url, type_key in rows]
