"""The catalogue's one text analysis (catalogue/text.py): what every engine stores
and matches with."""

import threading

import pytest

from wagtail_reseau.catalogue.text import (
    MAX_QUERY_WORDS,
    analysed_text,
    fold,
    query_words,
    stem,
    stemmer_language,
    stems,
    tokens,
    words_and_stems,
)


def test_fold_and_tokens():
    assert fold("Santé ÉDUCATION Œuvre") == "sante education œuvre"
    assert tokens("L'école, c'est l'éducation !") == ["l", "ecole", "c", "est", "l", "education"]
    assert len(tokens("mot " * 100)) == MAX_QUERY_WORDS


@pytest.mark.parametrize(
    ("code", "algorithm"),
    [("fr", "french"), ("fr-ca", "french"), ("fr_CA", "french"), ("EN-gb", "english"), ("de-AT", "german"),
     ("zh-hans", None), ("", None), (None, None), ("frr", None)],
)
def test_stemmer_language(code, algorithm):
    assert stemmer_language(code) == algorithm


def test_accents_never_change_a_stem():
    """Stems are made from folded words: typing without accents finds the same."""
    for language, pairs in {
        "fr": [("sécurité", "securite"), ("accès", "acces"), ("éducation", "Education"), ("formée", "formee")],
        "en": [("résumé", "resume"), ("café", "cafe")],
    }.items():
        for accented, plain in pairs:
            assert stems(accented, language) == stems(plain, language), (language, accented)


def test_a_language_without_a_stemmer_keeps_folded_words():
    assert stems("Écoles ouvertes", "zh") == ["ecoles", "ouvertes"]
    assert stem("ecoles", "zh") == "ecoles"


def test_words_and_stems_is_what_the_engines_store():
    text = "Des formations pour les bénévoles, l'été."
    folded, stemmed = words_and_stems(text, "fr")
    assert folded == " ".join(tokens(text))
    assert stemmed == analysed_text(text, "fr")
    assert [word.stem for word in query_words(text, "fr")] == stemmed.split()


def test_stemming_is_the_same_from_many_threads():
    words = [f"formations{i % 50} animatrices éducatives" for i in range(200)]
    expected = [analysed_text(text, "fr") for text in words]
    results, errors = {}, []

    def work(number):
        try:
            results[number] = [analysed_text(text, "fr") for text in words]
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert all(result == expected for result in results.values())
