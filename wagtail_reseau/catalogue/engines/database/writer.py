"""Writes to the database engine's tables: entries, facet values and full text
(the FTS5 table on SQLite, the tsvector column on PostgreSQL). Every write
changes the index's generation, so the cached landing page follows."""

from django.db import connection, transaction

from ...text import fold
from .full_text import FTS_TABLE, full_text_kind, pg_config
from .landing import index_changed


def index_documents(documents):
    from ...models import CatalogueEntry, CatalogueFacetValue

    documents = list(documents)
    if not documents:
        return
    with transaction.atomic():
        delete_entries(CatalogueEntry.objects.filter(page_id__in=[doc.page_id for doc in documents]))
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
        write_full_text(entries, documents)
    index_changed()


def write_full_text(entries, documents):
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


def remove_pages(page_ids):
    from ...models import CatalogueEntry

    delete_entries(CatalogueEntry.objects.filter(page_id__in=list(page_ids)))
    if full_text_kind() == "fts5":
        # A deleted page takes its entry with it (foreign key cascade) before
        # this runs: sweep full-text rows left without an entry.
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT id FROM wagtail_reseau_catalogueentry)")
    index_changed()


def clear():
    from ...models import CatalogueEntry, CatalogueFacetValue

    with transaction.atomic():
        CatalogueFacetValue.objects.all().delete()
        CatalogueEntry.objects.all().delete()
        if full_text_kind() == "fts5":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")
    index_changed()


def indexed_page_ids():
    from ...models import CatalogueEntry

    return set(CatalogueEntry.objects.values_list("page_id", flat=True))
