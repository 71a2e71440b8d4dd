"""A host extends the catalogue without touching the package (tests/testapp): its
page type becomes a catalogue document an editor can tick, its facet filters and
counts on every engine, and its facet values survive the Elasticsearch index's
fixed mapping."""

import pytest
from django.test import override_settings

from wagtail_reseau import models as m
from wagtail_reseau.catalogue.document_types import document_type_choices
from wagtail_reseau.catalogue.documents import build_document
from wagtail_reseau.catalogue.facets import facet_choices

from tests.conftest import publish
from tests.testapp.models import ToolkitPage

pytestmark = pytest.mark.django_db

ENGINES = ["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


@pytest.fixture(params=ENGINES)
def engine_name(request):
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch_settings")
        yield request.param
        return
    with override_settings(WAGTAIL_RESEAU_CATALOGUE_ENGINE=request.param):
        yield request.param


@pytest.fixture
def toolkits(engine_name, home, vocab, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        easy = publish(home, ToolkitPage(title="Kit d'accueil", slug="kit-accueil", summary="Pour débuter."))
        hard = publish(
            home,
            ToolkitPage(title="Kit de comptabilité", slug="kit-compta", summary="Bilans.", difficulty="hard"),
        )
        hard.domains.set([vocab["prevention"]])
        hard.save_revision().publish()
        practices = publish(home, m.GoodPracticeIndexPage(title="Pratiques", slug="pratiques"))
        publish(practices, m.GoodPracticePage(title="Kit pratique", slug="kit-pratique"))
        catalogue = publish(home, m.CataloguePage(title="Catalogue", slug="catalogue"))
        toolkits_only = publish(
            home,
            m.CataloguePage(
                title="Boîtes", slug="boites", content_types=["toolkit"], facets=["difficulty", "domain"]
            ),
        )
    return {"easy": easy, "hard": hard, "catalogue": catalogue, "toolkits_only": toolkits_only}


def search(client, page, **params):
    response = client.get(page.url, {"format": "json", **params})
    assert response.status_code == 200, response.content[:300]
    return response.json()


def test_the_host_page_type_and_facet_are_offered_to_editors(admin_client, home):
    assert ("toolkit", "Boîtes à outils") in document_type_choices()
    assert ("difficulty", "Difficulté") in facet_choices()
    response = admin_client.get(f"/admin/pages/add/wagtail_reseau/cataloguepage/{home.pk}/")
    html = response.content.decode()
    assert 'value="toolkit"' in html and 'value="difficulty"' in html


def test_a_host_page_becomes_a_document_with_its_facet(toolkits):
    document = build_document(toolkits["hard"])
    assert document.type == "toolkit"
    assert document.facets["difficulty"] == {"hard"}
    assert document.facets["domain"] == {"sante", "prevention"}  # the package's facets too
    assert "Bilans." in document.summary


def test_the_host_facet_filters_and_counts(client, toolkits):
    data = search(client, toolkits["catalogue"], q="kit")
    assert {hit["title"] for hit in data["results"]} == {"Kit d'accueil", "Kit de comptabilité", "Kit pratique"}
    counts = {value["value"]: value["count"] for value in data["facets"]["difficulty"]}
    assert counts == {"easy": 1, "hard": 1}
    labels = {value["value"]: value["label"] for value in data["facets"]["difficulty"]}
    assert labels == {"easy": "Facile", "hard": "Difficile"}

    data = search(client, toolkits["catalogue"], q="kit", difficulty="hard")
    assert [hit["title"] for hit in data["results"]] == ["Kit de comptabilité"]
    # Disjunctive: the other difficulty is still counted.
    assert {value["value"]: value["count"] for value in data["facets"]["difficulty"]} == {"easy": 1, "hard": 1}

    data = search(client, toolkits["catalogue"], difficulty="impossible")
    assert data["ignored"][0]["parameter"] == "difficulty"


def test_a_catalogue_of_the_host_type_alone(client, toolkits):
    data = search(client, toolkits["toolkits_only"])
    assert {hit["title"] for hit in data["results"]} == {"Kit d'accueil", "Kit de comptabilité"}
    assert set(data["facets"]) == {"difficulty", "domain"}
    data = search(client, toolkits["toolkits_only"], domain="sante")
    assert [hit["title"] for hit in data["results"]] == ["Kit de comptabilité"]
