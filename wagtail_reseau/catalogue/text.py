"""The catalogue's text analysis, shared by every engine.

Documents and queries go through the same functions here, whatever the engine
(SQLite FTS5, PostgreSQL, Elasticsearch), so the engines agree on what matches:

* ``fold``: lower case without accents ("Santé" -> "sante");
* ``tokens``: the folded words of a text (``\\w+``), at most ``MAX_QUERY_WORDS``:
  what a visitor typed, and the words the last of them may be a prefix of;
* ``stem`` / ``stems`` / ``analysed_text``: each folded word reduced by the
  Snowball stemmer of the document's language ("formations" -> "format"), so
  singular and plural, masculine and feminine forms match each other;
* ``query_words``: the visitor's words, each folded and stemmed.

A query word matches a document when its stem equals one of the document's
stems; the last word typed also matches when it is a prefix of one of the
document's folded words (search as you type, autocomplete).

Why stem the *folded* word: a stem must depend on the folded word alone, or a
visitor typing without accents would get another stem than the accented text
(stemming "sécurité" gives "secur" but "securite" gives "securit"; "accès"
"acces" but "acces" "acce"). Stemming folded words makes "éducation",
"education" and "Éducations" agree by construction. The one thing the French
stemmer loses on folded words is the feminine past participle ("formée" folds
to "formee", which no longer ends in "ée"), so French folded words ending in
"ee"/"ees" lose one "e" before stemming (``_french_feminine``): "formé",
"formée", "formées" and "former" all give "form", as they do stemmed with
their accents.

Stemmers come from PyStemmer (module ``Stemmer``), whose objects keep state
and "must not be called concurrently": each thread gets its own, one per
language, with its own memo of the words it stemmed (``_state``): no lock, and a
plain dict look-up is 2 to 3 times faster than PyStemmer's own cache, which is
turned off. A memo holds at most ``MEMO_SIZE`` words, and starts afresh when
full.

No Django import: this module can be used (and tested) without settings."""

import operator
import re
import threading
import unicodedata
from typing import NamedTuple

import Stemmer

TOKEN = re.compile(r"\w+", re.UNICODE)

#: At most this many words of a query are used (documents are not limited).
MAX_QUERY_WORDS = 32

#: Snowball algorithms (as PyStemmer names them) by language code (without
#: region): the languages of the default Elasticsearch analysers. Other
#: languages are not stemmed: their stems are their folded words.
STEMMER_LANGUAGES = {
    "fr": "french",
    "en": "english",
    "es": "spanish",
    "nl": "dutch",
    "de": "german",
    "it": "italian",
    "pt": "portuguese",
}

#: Words whose stems each thread remembers, per language. A rebuild meets a
#: large vocabulary (tens of thousands of words): a memo that holds it keeps
#: stemming cheap (about 10 MB per 100,000 words).
MEMO_SIZE = 100_000

_local = threading.local()


class QueryWord(NamedTuple):
    """One word a visitor typed: ``folded`` (for prefix matching) and ``stem``."""

    folded: str
    stem: str


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
    """The folded words of ``text``, at most ``MAX_QUERY_WORDS`` of them."""
    return TOKEN.findall(fold(text))[:MAX_QUERY_WORDS]


def stemmer_language(language_code):
    """The Snowball algorithm for a language code ("fr", "fr-ca", "en_GB"...),
    or None for a language without one here."""
    language = re.split(r"[-_]", (language_code or "").strip().lower(), maxsplit=1)[0]
    return STEMMER_LANGUAGES.get(language)


def _state(algorithm):
    """This thread's (stemmer, memo) for ``algorithm``: PyStemmer's stemmers are
    not thread-safe, and a per-thread memo needs no lock."""
    states = getattr(_local, "states", None)
    if states is None:
        states = _local.states = {}
    state = states.get(algorithm)
    if state is None:
        state = states[algorithm] = (Stemmer.Stemmer(algorithm, 0), {})
    return state


def _french_feminine(word):
    """A folded French word ending in "ee"/"ees" (from "ée"/"ées") with one "e"
    less, so the stemmer reads "formee" as it reads "formée"."""
    if "ee" not in word:
        return word
    if word.endswith("ee"):
        return word[:-1]
    if word.endswith("ees"):
        return word[:-2] + "s"
    return word


def _stem_words(words, algorithm):
    """The stems of folded ``words`` (a list) with ``algorithm`` (not None)."""
    stemmer, memo = _state(algorithm)
    missing = [word for word in set(words) if word not in memo]
    if missing:
        if len(memo) + len(missing) > MEMO_SIZE:
            memo.clear()
            missing = list(set(words))
        prepared = [_french_feminine(word) for word in missing] if algorithm == "french" else missing
        memo.update(zip(missing, stemmer.stemWords(prepared), strict=True))
    return list(map(memo.__getitem__, words))


def stem(word, language_code):
    """The stem of one *folded* word (as ``tokens`` gives them) in a language;
    the word itself for a language without a stemmer."""
    algorithm = stemmer_language(language_code)
    if algorithm is None or not word:
        return word
    return _stem_words([word], algorithm)[0]


def stems(text, language_code):
    """The stems of all the words of ``text`` (folded first), in order. Not
    limited to ``MAX_QUERY_WORDS``: this is what documents are indexed with."""
    words = TOKEN.findall(fold(text))
    algorithm = stemmer_language(language_code)
    if algorithm is None or not words:
        return words
    return _stem_words(words, algorithm)


def analysed_text(text, language_code):
    """The stems of ``text``, space separated: what the engines store in their
    "stems" columns and fields (and split on whitespace only)."""
    return " ".join(stems(text, language_code))


def _fold_and_stem(chunk, algorithm):
    """``(folded words, their stems)`` of one chunk of text (no white space in
    it), each space separated: the reference computation of ``words_and_stems``."""
    words = TOKEN.findall(fold(chunk))
    folded = " ".join(words)
    if algorithm is None or not words:
        return folded, folded
    return folded, " ".join(_stem_words(words, algorithm))


class _ChunkMemo(dict):
    """``{chunk: (folded words, stems)}`` for one language, on one thread: a
    chunk missing is analysed once (``_fold_and_stem``), and the memo starts
    afresh when it holds ``MEMO_SIZE`` chunks."""

    def __init__(self, algorithm):
        super().__init__()
        self.algorithm = algorithm

    def __missing__(self, chunk):
        if len(self) >= MEMO_SIZE:
            self.clear()
        analysed = self[chunk] = _fold_and_stem(chunk, self.algorithm)
        return analysed


def _chunk_memo(algorithm):
    memos = getattr(_local, "chunks", None)
    if memos is None:
        memos = _local.chunks = {}
    memo = memos.get(algorithm)
    if memo is None:
        memo = memos[algorithm] = _ChunkMemo(algorithm)
    return memo


def words_and_stems(text, language_code):
    """``(folded words, their stems)`` of ``text``, each space separated: what an
    engine stores for one field.

    The same as folding the whole text, splitting it into words and stemming
    them, but a rebuild meets the same few thousand words again and again: the
    text is cut at white space into chunks ("l'éducation," "Formations"...),
    and each distinct chunk is folded, split and stemmed once per thread
    (``_ChunkMemo``), the rest is dictionary look-ups. Identical results,
    because folding works character by character (NFKD decomposes each
    character on its own; the combining marks it may reorder are the ones
    removed; lower case changes nothing across white space) and white space
    never belongs to a word (``tests/catalogue/test_text_chunks.py`` checks it)."""
    if not text:
        return "", ""
    analysed = list(map(_chunk_memo(stemmer_language(language_code)).__getitem__, text.split()))
    folded = " ".join(filter(None, map(_FOLDED, analysed)))
    return folded, " ".join(filter(None, map(_STEMS, analysed)))


_FOLDED = operator.itemgetter(0)
_STEMS = operator.itemgetter(1)


def query_words(text, language_code):
    """The words a visitor typed (at most ``MAX_QUERY_WORDS``), each folded and
    stemmed, as a tuple of ``QueryWord``."""
    words = tokens(text)
    algorithm = stemmer_language(language_code)
    if algorithm is None or not words:
        return tuple(QueryWord(word, word) for word in words)
    return tuple(QueryWord(*pair) for pair in zip(words, _stem_words(words, algorithm), strict=True))
