"""``words_and_stems`` analyses each distinct white-space-separated chunk once
(a memo per thread): it must give exactly what folding, splitting and stemming
the whole text gives, whatever the text."""

import random
import threading

import pytest

from wagtail_reseau.catalogue import text as text_module
from wagtail_reseau.catalogue.text import TOKEN, fold, stemmer_language, words_and_stems


def whole_text(text, language_code):
    """The reference: the whole text folded, split, then stemmed."""
    words = TOKEN.findall(fold(text))
    folded = " ".join(words)
    algorithm = stemmer_language(language_code)
    if algorithm is None or not words:
        return folded, folded
    return folded, " ".join(text_module._stem_words(words, algorithm))


#: Pieces that folding could treat differently in context: accents precomposed
#: and combining (several on one letter, or after a space), ligatures and other
#: compatibility forms, the Greek final sigma (lower case depends on the next
#: letter), a dotted capital I, Hangul, French feminine participles, and white
#: space of every kind.
# fmt: off
PIECES = [
    *"abcdeéÉèàçœŒ",
    "ﬁ", "ﬀ", "½", "²", "Ⅻ", "㎏", "ß", "ǅ", "ᾼ", "한", "İ",
    "Σ", "σ", "ς", "ΟΔΟΣ", "ΣΑΣ.", "Α",
    "\u0301", "\u0327", "\u0308", "a\u0323\u0301", " \u0301a",
    "ee", "ées", "formée", "Éducation", "l'été,", "’", "-", "_", ".", ";",
    " ", "  ", "\t", "\n", "\xa0", "\u2007", "\u202f", "\u3000", "\x1c", "\x1f",
]
# fmt: on


@pytest.mark.parametrize("language_code", ["fr", "en", "el", "de", "zh", None])
def test_chunks_give_what_the_whole_text_gives(language_code):
    rng = random.Random(20261129)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 24)))
        assert words_and_stems(text, language_code) == whole_text(text, language_code), repr(text)
    assert words_and_stems("", language_code) == ("", "")
    assert words_and_stems(None, language_code) == ("", "")


def test_a_full_memo_starts_afresh(monkeypatch):
    monkeypatch.setattr(text_module, "MEMO_SIZE", 5)
    texts = [f"Formations{number} animatrices, éducatives" for number in range(40)]
    for text in texts * 2:
        assert words_and_stems(text, "fr") == whole_text(text, "fr")
    assert len(text_module._chunk_memo("french")) <= 5


def test_each_thread_has_its_own_memo():
    texts = [f"formations{number % 50} animatrices éducatives" for number in range(300)]
    expected = [whole_text(text, "fr") for text in texts]
    results, errors = {}, []

    def work(number):
        try:
            results[number] = [words_and_stems(text, "fr") for text in texts]
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(number,)) for number in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert all(result == expected for result in results.values())
