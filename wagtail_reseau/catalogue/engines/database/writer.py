"""Writes to the database engine's tables: entries, facet values and full text
(the FTS5 table on SQLite, the tsvector column on PostgreSQL). Every write
changes the index's generation, so the cached landing page follows."""

from django.db import connection

from ....core.transactions import write_transaction
from ...documents import ANALYSED_FIELDS
from .full_text import FTS_TABLE, full_text_kind
from .landing import index_changed


def index_documents(documents):
    """Everything is prepared (entries, facet values, analysed text) before the
    transaction, which then only writes: SQLite's write lock, taken at its start
    (``core.transactions``), is held no longer than the writes themselves."""
    from ...models import CatalogueEntry, CatalogueFacetValue

    documents = list(documents)
    if not documents:
        return
    entries = [
        CatalogueEntry(
            key=doc.key,
            origin=doc.origin,
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
            latitude=doc.location[0] if doc.location else None,
            longitude=doc.location[1] if doc.location else None,
            reuse_count=doc.reuse_count,
        )
        for doc in documents
    ]
    facet_values = [
        [
            CatalogueFacetValue(facet=key, value=value[:120], label=doc.facet_labels.get(key, {}).get(value, "")[:255])
            for key, values in doc.facets.items()
            for value in sorted(values)
        ]
        for doc in documents
    ]
    full_text = full_text_rows(documents)
    with write_transaction(CatalogueEntry):
        delete_entries(CatalogueEntry.objects.filter(key__in=[doc.key for doc in documents]))
        entries = CatalogueEntry.objects.bulk_create(entries)
        for entry, values in zip(entries, facet_values, strict=True):
            for value in values:
                value.entry = entry
        CatalogueFacetValue.objects.bulk_create([value for values in facet_values for value in values], batch_size=2000)
        write_full_text(entries, full_text)
    index_changed()


def full_text_rows(documents):
    """Each document's fields as folded words and as stems (``catalogue.text``)."""
    if full_text_kind() not in {"fts5", "postgresql"}:
        return None
    rows = []
    for doc in documents:
        analysed = [doc.analysed_fields()[name] for name in ANALYSED_FIELDS]
        rows.append(([words for words, _stems in analysed], [stems for _words, stems in analysed]))
    return rows


def write_full_text(entries, rows):
    """The prepared words and stems, in the FTS5 table on SQLite, in two
    weighted tsvectors on PostgreSQL."""
    if rows is None:
        return
    kind = full_text_kind()
    rows = [(entry.pk, words, stems) for entry, (words, stems) in zip(entries, rows, strict=True)]
    with connection.cursor() as cursor:
        if kind == "fts5":
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE}(rowid, title, summary, text, title_stems, summary_stems, text_stems) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [(pk, *words, *stems) for pk, words, stems in rows],
            )
        else:
            vector = (
                "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B') || "
                "setweight(to_tsvector('simple', %s), 'C')"
            )
            cursor.executemany(
                f"UPDATE wagtail_reseau_catalogueentry SET search_vector = {vector}, stems_vector = {vector} "
                "WHERE id = %s",
                [(*words, *stems, pk) for pk, words, stems in rows],
            )


def delete_entries(entries):
    ids = list(entries.values_list("pk", flat=True))
    if not ids:
        return
    if full_text_kind() == "fts5":
        with connection.cursor() as cursor:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk)
    entries.model.objects.filter(pk__in=ids).delete()


def remove_documents(keys):
    from ...models import CatalogueEntry

    keys = list(keys)
    with write_transaction(CatalogueEntry):
        delete_entries(CatalogueEntry.objects.filter(key__in=keys))
        if full_text_kind() == "fts5":
            # A deleted page takes its entry with it (foreign key cascade) before
            # this runs: sweep full-text rows left without an entry.
            with connection.cursor() as cursor:
                cursor.execute(
                    f"DELETE FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT id FROM wagtail_reseau_catalogueentry)"
                )
    index_changed()


def clear():
    from ...models import CatalogueEntry, CatalogueFacetValue

    with write_transaction(CatalogueEntry):
        CatalogueFacetValue.objects.all().delete()
        CatalogueEntry.objects.all().delete()
        if full_text_kind() == "fts5":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")
    index_changed()


def indexed_keys():
    from ...models import CatalogueEntry

    return set(CatalogueEntry.objects.values_list("key", flat=True))
