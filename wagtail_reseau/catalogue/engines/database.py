"""The embedded engine: the catalogue on the site's own database.

Full text uses the database's own index: FTS5 on SQLite, a weighted tsvector with
a GIN index on PostgreSQL, ``icontains`` elsewhere. Facet counts take one grouped
query for the facets without a selection, plus one per facet with a selection
(disjunctive counts): 1 + k queries whatever the page size or data size."""

import datetime
import math
import re
import unicodedata

from django.db import connection, transaction
from django.db.models import BooleanField, Count, FloatField, Max, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from ..facets import WHEN_PAST, WHEN_UPCOMING
from .base import CatalogueEngine, RawHit, RawResult

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
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


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


class DatabaseEngine(CatalogueEngine):
    name = "database"

    # -- search -----------------------------------------------------------------

    def search(self, query, scope):
        from ...models import CatalogueEntry

        now = timezone.now()
        base = CatalogueEntry.objects.filter(locale_id=scope.locale_id, content_type_key__in=scope.content_types)
        texted, rank = self._with_text(base, query.text, scope)
        conditions = {key: self._selection(key, values, now) for key, values in query.selections}
        results = texted.filter(*conditions.values())

        total = results.count()
        num_pages = max(1, math.ceil(total / scope.page_size))
        page = min(query.page, num_pages)
        offset = (page - 1) * scope.page_size
        if rank is not None and query.effective_sort == "relevance" and full_text_kind() == "fts5":
            hits = self._fts5_ranked_hits(results, query.text, offset, scope.page_size)
        else:
            ordered = self._ordered(results, query, rank)
            rows = ordered.values_list("page_id", "content_type_key", "title", "url", "summary", "text", "date")
            hits = [RawHit(*row) for row in rows[offset : offset + scope.page_size]]

        counts, labels = {}, {}
        unselected = [key for key in scope.facet_keys if key not in conditions]
        if unselected:
            self._count(results, unselected, now, counts, labels)
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

    def _with_text(self, queryset, text, scope):
        words = tokens(text)
        if not words:
            return queryset, None
        kind = full_text_kind()
        if kind == "fts5":
            match = fts5_match(text)
            matching = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])
            rank = RawSQL(
                f"SELECT bm25({FTS_TABLE}, 10.0, 4.0, 1.0) FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s AND rowid = wagtail_reseau_catalogueentry.id",
                [match],
                output_field=FloatField(),
            )
            return queryset.filter(pk__in=matching), rank
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

    def _fts5_ranked_hits(self, results, text, offset, limit):
        """One page of hits by relevance, scoring each match once: the FTS table
        joined to the entries (a correlated bm25 subquery would rerun the match
        for every matching row)."""
        ids_sql, ids_params = results.values("pk").query.sql_with_params()
        sql = (
            "SELECT e.page_id, e.content_type_key, e.title, e.url, e.summary, e.text, e.date "
            f"FROM {FTS_TABLE} JOIN wagtail_reseau_catalogueentry e ON e.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND e.id IN ({ids_sql}) "
            f"ORDER BY bm25({FTS_TABLE}, 10.0, 4.0, 1.0), e.date DESC, e.title, e.page_id LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [fts5_match(text), *ids_params, limit, offset])
            rows = cursor.fetchall()
        return [
            RawHit(*row[:6], datetime.date.fromisoformat(row[6]) if isinstance(row[6], str) else row[6])
            for row in rows
        ]

    def _selection(self, key, values, now):
        from ...models import CatalogueFacetValue

        if key == "when":
            values = set(values)
            if values == {WHEN_UPCOMING}:
                return Q(event_last__gte=now)
            if values == {WHEN_PAST}:
                return Q(event_last__lt=now)
            return Q(event_last__isnull=False)
        return Q(pk__in=CatalogueFacetValue.objects.filter(facet=key, value__in=values).values("entry_id"))

    def _ordered(self, results, query, rank):
        sort = query.effective_sort
        if sort == "relevance" and rank is not None:
            return results.annotate(_rank=rank).order_by("_rank", "-date", "title", "page_id")
        if sort == "title":
            return results.order_by("title", "page_id")
        return results.order_by("-date", "title", "page_id")

    def _count(self, entries, facet_keys, now, counts, labels):
        from ...models import CatalogueFacetValue

        stored = [key for key in facet_keys if key != "when"]
        if "when" in facet_keys:
            stored.append("when")  # stored as the marker value "event"
        rows = (
            CatalogueFacetValue.objects.filter(entry__in=entries.values("pk"), facet__in=stored)
            .values("facet", "value")
            .annotate(
                n=Count("entry_id"),
                upcoming=Count("entry_id", filter=Q(entry__event_last__gte=now)),
                label=Max("label"),
            )
            .order_by()
        )
        for row in rows:
            if row["facet"] == "when":
                counts.setdefault("when", {})[WHEN_UPCOMING] = row["upcoming"]
                counts["when"][WHEN_PAST] = row["n"] - row["upcoming"]
                continue
            counts.setdefault(row["facet"], {})[row["value"]] = row["n"]
            if row["label"]:
                labels.setdefault(row["facet"], {})[row["value"]] = row["label"]
        for key in facet_keys:
            counts.setdefault(key, {})

    # -- indexing ---------------------------------------------------------------

    def index_documents(self, documents):
        from ...models import CatalogueEntry, CatalogueFacetValue

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
        from ...models import CatalogueEntry

        self._delete_entries(CatalogueEntry.objects.filter(page_id__in=list(page_ids)))
        if full_text_kind() == "fts5":
            # A deleted page takes its entry with it (foreign key cascade) before
            # this runs: sweep full-text rows left without an entry.
            with connection.cursor() as cursor:
                cursor.execute(
                    f"DELETE FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT id FROM wagtail_reseau_catalogueentry)"
                )

    def clear(self):
        from ...models import CatalogueEntry, CatalogueFacetValue

        with transaction.atomic():
            CatalogueFacetValue.objects.all().delete()
            CatalogueEntry.objects.all().delete()
            if full_text_kind() == "fts5":
                with connection.cursor() as cursor:
                    cursor.execute(f"DELETE FROM {FTS_TABLE}")

    def indexed_page_ids(self):
        from ...models import CatalogueEntry

        return set(CatalogueEntry.objects.values_list("page_id", flat=True))
