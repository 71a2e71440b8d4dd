"""The database engine's full-text index, in the database's own dialect:
an FTS5 table on SQLite, a weighted tsvector column with a GIN index on PostgreSQL.
Other databases have neither; the engine then searches with icontains."""

from django.db import migrations

FTS_TABLE = "wagtail_reseau_catalogue_fts"


def create_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            try:
                cursor.execute(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                    "title, summary, text, tokenize = 'unicode61 remove_diacritics 2')"
                )
            except Exception:  # SQLite built without FTS5: the engine falls back.
                pass
    elif connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE wagtail_reseau_catalogueentry ADD COLUMN IF NOT EXISTS search_vector tsvector"
        )
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS wagtail_reseau_catalogue_search_vector "
            "ON wagtail_reseau_catalogueentry USING GIN (search_vector)"
        )


def drop_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS wagtail_reseau_catalogue_search_vector")
        schema_editor.execute("ALTER TABLE wagtail_reseau_catalogueentry DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("wagtail_reseau", "0002_catalogue")]

    operations = [migrations.RunPython(create_index, drop_index)]
