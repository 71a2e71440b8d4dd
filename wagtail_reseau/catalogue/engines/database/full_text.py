"""Full-text matching on the site's database: FTS5 on SQLite, weighted tsvectors
on PostgreSQL, ``icontains`` elsewhere. Words are analysed by ``catalogue.text``,
as every engine does: both databases store each field's folded words and their
stems; a query word matches by its stem, the last one typed also as the prefix
of a folded word."""

from django.db import connection
from django.db.models import BooleanField, FloatField, Q
from django.db.models.expressions import RawSQL

from ...text import MAX_QUERY_WORDS, TOKEN, query_words, tokens

FTS_TABLE = "wagtail_reseau_catalogue_fts"
#: The FTS5 table's columns: folded words, then their stems, per field.
FTS_WORDS = "{title summary text}"
FTS_STEMS = "{title_stems summary_stems text_stems}"
#: bm25 weights of the FTS5 columns (title, summary, text; then their stems).
FTS_WEIGHTS = "10.0, 4.0, 1.0, 10.0, 4.0, 1.0"


def fts5_match(text, language_code, *, words_columns=FTS_WORDS, stems_columns=FTS_STEMS):
    """An FTS5 query: every word required by its stem, the last one also as a
    prefix of a folded word; all quoted so nothing a visitor types is read as
    FTS5 syntax (words and stems are ``\\w+`` runs)."""
    words = query_words(text, language_code)
    parts = [f'{stems_columns} : "{word.stem}"' for word in words[:-1]]
    last = words[-1]
    parts.append(f'({stems_columns} : "{last.stem}" OR {words_columns} : "{last.folded}"*)')
    return " AND ".join(parts)


def pg_queries(text, language_code):
    """``(stems query, last word's prefix query)`` for PostgreSQL ("simple"
    configuration: the words are analysed already): every stem but the last
    required in the stems vector, and the last one there or as a prefix."""
    words = query_words(text, language_code)
    required = " & ".join(word.stem for word in words[:-1])
    return required, words[-1].stem, f"{words[-1].folded}:*"


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


def typed_words(text):
    """The words as typed, lower case with their accents: the ``icontains``
    fallback matches the stored text, which keeps its accents."""
    return TOKEN.findall((text or "").lower())[:MAX_QUERY_WORDS]


def with_text(queryset, text, scope):
    """``(entries matching text, rank expression or None)`` for the ORM search:
    PostgreSQL and the ``icontains`` fallback (SQLite matches in ``sqlite_matched``)."""
    if not tokens(text):
        return queryset, None
    kind = full_text_kind()
    if kind == "postgresql":
        required, last_stem, last_prefix = pg_queries(text, scope.language_code)
        condition = (
            "(numnode(to_tsquery('simple', %s)) = 0 OR stems_vector @@ to_tsquery('simple', %s)) "
            "AND (stems_vector @@ to_tsquery('simple', %s) OR search_vector @@ to_tsquery('simple', %s))"
        )
        queryset = queryset.annotate(
            _text_match=RawSQL(condition, [required, required, last_stem, last_prefix], output_field=BooleanField())
        ).filter(_text_match=True)
        every = " | ".join(word.stem for word in query_words(text, scope.language_code))
        rank = RawSQL(
            "-(ts_rank_cd(stems_vector, to_tsquery('simple', %s)) "
            "+ ts_rank_cd(search_vector, to_tsquery('simple', %s)))",
            [every, last_prefix],
            output_field=FloatField(),
        )
        return queryset, rank
    # No full-text index: the stored text keeps its accents, so match words as typed.
    for word in typed_words(text):
        queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word) | Q(text__icontains=word))
    return queryset, None


def with_title(entries, text, scope):
    """The entries whose title holds every word of ``text`` (not empty), by their
    stems, the last one as a prefix of a folded word (unstemmed: what is being
    typed): the FTS5 title columns on SQLite, the title's weight (A) on PostgreSQL."""
    words = query_words(text, scope.language_code)
    kind = full_text_kind()
    if kind == "fts5":
        match = " AND ".join(
            [f'title_stems : "{word.stem}"' for word in words[:-1]] + [f'title : "{words[-1].folded}"*']
        )
        return entries.filter(pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match]))
    if kind == "postgresql":
        complete = " & ".join(f"{word.stem}:A" for word in words[:-1])
        return entries.annotate(
            _title_match=RawSQL(
                "(numnode(to_tsquery('simple', %s)) = 0 OR stems_vector @@ to_tsquery('simple', %s)) "
                "AND search_vector @@ to_tsquery('simple', %s)",
                [complete, complete, f"{words[-1].folded}:*A"],
                output_field=BooleanField(),
            )
        ).filter(_title_match=True)
    for word in typed_words(text):
        entries = entries.filter(title__icontains=word)
    return entries
