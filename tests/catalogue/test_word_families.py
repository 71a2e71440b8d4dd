"""Language-aware matching, the same on every engine: every form of a word family
(singular and plural, masculine and feminine, with and without accents) finds the
same documents, in French and in English, on SQLite, PostgreSQL (the suite's
PostgreSQL run) and Elasticsearch. All three analyse text with
``catalogue.text`` (folding and Snowball stems)."""

import pytest
from django.test import override_settings

from wagtail_reseau import models as m
from wagtail_reseau.catalogue.text import query_words

from tests.conftest import publish

pytestmark = pytest.mark.django_db

ENGINES = ["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]

#: (title, text) of the pages, by language; each family's words are in the text
#: of the pages named in FAMILIES, and in no other.
PAGES = {
    "fr": {
        "formation": ("Session d'hiver", "Une formation pour les nouvelles équipes."),
        "animatrice": ("Portrait de quartier", "L'animatrice accompagne les jeunes."),
        "benevoles": ("Appel à l'aide", "Les bénévoles tiennent la buvette."),
        "education": ("Ateliers populaires", "Éducation populaire et santé au quotidien."),
        "citoyens": ("Conseil du quartier", "Des citoyens se réunissent chaque mois."),
        "logement": ("Toit pour tous", "Un logement digne pour chaque famille."),
        "jardin": ("Potager", "Des légumes cultivés ensemble."),
    },
    "en": {
        "gardening": ("Green corner", "Gardening with the neighbours every Saturday."),
        "volunteers": ("Helping hands", "Volunteers run the café."),
        "houses": ("Roof for all", "Houses renovated by their residents."),
        "trained": ("New skills", "Staff trained in mediation."),
        "kitchen": ("Shared kitchen", "Cooking together on Fridays."),
    },
}

FAMILIES = {
    "fr": [
        (["formation", "formations", "Formations", "FORMATION"], {"formation"}),
        (["animateur", "animatrice", "animateurs", "animatrices"], {"animatrice"}),
        (["bénévole", "bénévoles", "benevole", "Bénévoles"], {"benevoles"}),
        (["éducation", "education", "Éducations", "éducatif"], {"education"}),
        (["santé", "sante", "santés"], {"education"}),
        (["citoyen", "citoyenne", "citoyens", "citoyennes"], {"citoyens"}),
        (["logement", "logements"], {"logement"}),
        # Two words: each by its stem (the last also as a prefix).
        (["bénévoles buvette", "benevole buvettes"], {"benevoles"}),
    ],
    "en": [
        (["garden", "gardens", "gardening"], {"gardening"}),
        (["volunteer", "volunteers", "volunteering"], {"volunteers"}),
        (["house", "houses", "housing"], {"houses"}),
        (["training", "trainings", "trained"], {"trained"}),
    ],
}


@pytest.fixture(params=ENGINES)
def engine_name(request):
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch_settings")
        yield request.param
        return
    with override_settings(WAGTAIL_RESEAU_CATALOGUE_ENGINE=request.param):
        yield request.param


@pytest.fixture
def network(engine_name, home, locale_fr, locale_en, django_capture_on_commit_callbacks):
    catalogues, titles = {}, {}
    with django_capture_on_commit_callbacks(execute=True):
        english_home = home.copy_for_translation(locale_en)
        english_home.save_revision().publish()
        homes = {"fr": home, "en": english_home}
        for language, pages in PAGES.items():
            index = publish(homes[language], m.GoodPracticeIndexPage(title="Pratiques", slug=f"pratiques-{language}"))
            for key, (title, text) in pages.items():
                publish(index, m.GoodPracticePage(title=title, slug=key, what=f"<p>{text}</p>"))
                titles[title] = key
            catalogues[language] = publish(
                homes[language], m.CataloguePage(title="Catalogue", slug=f"catalogue-{language}")
            )
    return catalogues, titles


def found(client, catalogue, titles, text):
    response = client.get(catalogue.url, {"format": "json", "q": text})
    assert response.status_code == 200
    return {titles[hit["title"]] for hit in response.json()["results"]}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_form_of_a_word_finds_the_same_documents(client, network, language):
    catalogues, titles = network
    for forms, expected in FAMILIES[language]:
        for form in forms:
            assert found(client, catalogues[language], titles, form) == expected, (language, form)


def test_autocomplete_keeps_the_word_being_typed_as_a_prefix(client, network):
    """What is being typed is not stemmed: a title word completes from its first
    letters, whatever its stem ("potag" is no stem of "Potager")."""
    catalogues, _titles = network
    response = client.get(catalogues["fr"].url, {"format": "autocomplete", "q": "potag"})
    assert [result["title"] for result in response.json()["results"]] == ["Potager"]
    response = client.get(catalogues["en"].url, {"format": "autocomplete", "q": "help"})
    assert [result["title"] for result in response.json()["results"]] == ["Helping hands"]


def test_the_families_share_a_stem():
    """The premise of the tests above, on the analysis itself."""
    for language, families in FAMILIES.items():
        for forms, _expected in families:
            stems = {tuple(word.stem for word in query_words(form, language)) for form in forms}
            assert len(stems) == 1, (language, forms, stems)
