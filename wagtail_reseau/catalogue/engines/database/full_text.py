"""Full-text matching on the site's database: FTS5 on SQLite, a weighted
tsvector on PostgreSQL, ``icontains`` elsewhere. Words are folded and split by
``catalogue.text``, as every engine does."""

from django.db import connection
from django.db.models import BooleanField, FloatField, Q
from django.db.models.expressions import RawSQL

from ...text import MAX_QUERY_WORDS, TOKEN, tokens

FTS_TABLE = "wagtail_reseau_catalogue_fts"

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


def typed_words(text):
    """The words as typed, lower case with their accents: the ``icontains``
    fallback matches the stored text, which keeps its accents."""
    return TOKEN.findall((text or "").lower())[:MAX_QUERY_WORDS]


def with_text(queryset, text, scope):
    """``(entries matching text, rank expression or None)`` for the ORM search:
    PostgreSQL and the ``icontains`` fallback (SQLite matches in ``sqlite_matched``)."""
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
    for word in typed_words(text):
        queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word) | Q(text__icontains=word))
    return queryset, None


def with_title(entries, text, scope):
    """The entries whose title holds every word of ``text`` (not empty), the last
    one as a prefix: the FTS5 title column on SQLite, the title's weight (A) on
    PostgreSQL."""
    words = tokens(text)
    kind = full_text_kind()
    if kind == "fts5":
        match = "title : (" + fts5_match(text) + ")"
        return entries.filter(pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match]))
    if kind == "postgresql":
        # The word being typed is a prefix. Its language may take it for a stop
        # word ("l" in French) and drop it, which would match every title:
        # then it is looked up without the language ("simple").
        config = pg_config(scope.language_code)
        complete = " & ".join(f"{word}:A" for word in words[:-1])
        last = f"{words[-1]}:*A"
        return entries.annotate(
            _title_match=RawSQL(
                "search_vector @@ (to_tsquery(%s::regconfig, %s) && CASE "
                "WHEN numnode(to_tsquery(%s::regconfig, %s)) = 0 THEN to_tsquery('simple', %s) "
                "ELSE to_tsquery(%s::regconfig, %s) END)",
                [config, complete, config, last, last, config, last],
                output_field=BooleanField(),
            )
        ).filter(_title_match=True)
    for word in typed_words(text):
        entries = entries.filter(title__icontains=word)
    return entries
