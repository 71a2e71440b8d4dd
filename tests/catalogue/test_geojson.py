"""``?format=geojson`` on a catalogue and on the directory: RFC 7946 (a
FeatureCollection of Points, [longitude, latitude], within bounds), every
located document the filters match (not one page), nothing unpublished or
private; on each engine, and the engines giving the same features (parity).

The data (tests/catalogue/located.py) is built once per engine for the module,
as in test_golden.py: the tests here only read."""

import json

import pytest
from django.db import transaction
from django.test import TestCase, override_settings
from wagtail.models import Locale, Site

from wagtail_reseau import models as m
from wagtail_reseau.catalogue.engines import get_engine
from wagtail_reseau.catalogue.query import parse_query
from wagtail_reseau.catalogue.views import scope_for
from wagtail_reseau.directory.search import directory_scope

from tests.catalogue.located import DIRECTORY_LOCATED, LOCATED, PLACES, build_located
from tests.conftest import publish

pytestmark = pytest.mark.django_db

ENGINES = ["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


@pytest.fixture(scope="module", params=ENGINES)
def engine_name(request):
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch_module_settings")
        yield request.param
        return
    with override_settings(WAGTAIL_RESEAU_CATALOGUE_ENGINE=request.param):
        yield request.param


@pytest.fixture(scope="module")
def located(engine_name, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            locale_fr = Locale.objects.get_or_create(language_code="fr")[0]
            home = Site.objects.get(is_default_site=True).root_page.specific
            with TestCase.captureOnCommitCallbacks(execute=True):
                pages, _terms = build_located(home, locale_fr)
                pages["catalogue"] = publish(
                    home, m.CataloguePage(title="Catalogue", slug="catalogue", results_per_page=5)
                )
            pages["slugs"] = {page.title: key for key, page in pages.items() if hasattr(page, "title")}
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield pages
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def geojson(client, target, **params):
    response = client.get(target.url, {"format": "geojson", **params})
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/geo+json"
    return json.loads(response.content)


def found(located, data):
    return {located["slugs"][feature["properties"]["title"]] for feature in data["features"]}


def assert_rfc_7946(data):
    """The RFC's rules the map relies on: a FeatureCollection of Point features,
    positions of two numbers, longitude first, within WGS 84 bounds, no "crs"."""
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data
    assert isinstance(data["features"], list)
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["id"], str | int)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        longitude, latitude = geometry["coordinates"]
        assert all(isinstance(value, float | int) for value in (longitude, latitude))
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
        assert set(feature["properties"]) >= {"title", "url", "type", "type_label"}


def test_every_located_document_of_the_catalogue_not_only_one_page(client, located):
    data = geojson(client, located["catalogue"])
    assert_rfc_7946(data)
    assert found(located, data) == LOCATED  # 6 features; the HTML pages hold 5 results
    assert data["numberMatched"] == data["numberReturned"] == len(LOCATED)
    assert data["truncated"] is False


def test_coordinates_are_longitude_then_latitude(client, located):
    data = geojson(client, located["catalogue"])
    by_title = {feature["properties"]["title"]: feature for feature in data["features"]}
    izards = by_title["Centre social des Izards"]
    latitude, longitude = PLACES["izards"]
    assert izards["geometry"]["coordinates"] == [float(longitude), float(latitude)]
    assert izards["properties"]["url"] == located["izards"].url
    assert izards["properties"]["type"] == "organisation"
    # A forum met in person is placed at its organiser's coordinates.
    forum = by_title["Forum de la participation"]
    assert forum["geometry"]["coordinates"] == [float(longitude), float(latitude)]
    assert forum["properties"]["type"] == "forum"


def test_drafts_private_and_unpublished_pages_are_never_on_the_map(client, located):
    for page in (located["catalogue"], located["directory"]):
        data = geojson(client, page)
        titles = {feature["properties"]["title"] for feature in data["features"]}
        assert not titles & {"Structure brouillon", "Structure privée", "Structure dépubliée"}
        # Nor a forum placed at a private organisation's address, nor an online one.
        assert not titles & {"Forum de la structure privée", "Forum en ligne", "Forum sans lieu connu"}


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"territory": "occitanie"}, {"federation", "izards", "forum-izards"}),
        ({"territory": "nord"}, {"lille", "roubaix"}),
        ({"type": "forum"}, {"forum-izards"}),
        ({"network_level": "regional"}, {"federation"}),
        ({"network_level": ["regional", "departmental"]}, {"federation", "lille"}),
        ({"domain": "participation", "territory": "nord"}, {"roubaix"}),
        ({"q": "Roubaix"}, {"roubaix"}),
        ({"q": "participation"}, {"izards", "roubaix", "forum-izards"}),
        ({"q": "centres sociaux"}, {"federation", "izards", "lille", "other"}),
        ({"q": "fédération"}, {"federation"}),
    ],
)
def test_the_catalogue_filters_are_honoured(client, located, params, expected):
    data = geojson(client, located["catalogue"], **params)
    assert_rfc_7946(data)
    assert found(located, data) == expected


def test_the_directory_gives_its_own_organisations_with_its_filters(client, located):
    data = geojson(client, located["directory"])
    assert_rfc_7946(data)
    assert found(located, data) == DIRECTORY_LOCATED
    assert found(located, geojson(client, located["directory"], territory="occitanie")) == {"federation", "izards"}
    assert found(located, geojson(client, located["other_directory"])) == {"other"}


def test_the_number_of_features_is_capped_by_a_setting(client, located, settings):
    settings.WAGTAIL_RESEAU_MAP_MAX_FEATURES = 2
    data = geojson(client, located["catalogue"])
    assert data["numberReturned"] == 2 and len(data["features"]) == 2
    assert data["numberMatched"] == len(LOCATED)
    assert data["truncated"] is True


def test_bad_parameters_still_give_a_valid_collection(client, located):
    data = geojson(client, located["catalogue"], page="abc", territory="<script>", sort="x", unknown="1")
    assert_rfc_7946(data)
    assert found(located, data) == LOCATED


@pytest.mark.elasticsearch
def test_both_engines_locate_the_same_documents(located, engine_name):
    """Parity: on the Elasticsearch run, the database engine (kept current beside
    it) and Elasticsearch answer the same located documents for each query."""
    if engine_name != "elasticsearch":
        pytest.skip("compares the engines on the Elasticsearch run")
    from django.http import QueryDict

    scopes = [scope_for(located["catalogue"]), directory_scope(located["directory"])]
    queries = ["", "territory=occitanie", "q=participation", "network_level=member&territory=nord", "type=forum"]
    for scope in scopes:
        for raw in queries:
            query = parse_query(QueryDict(raw), scope)
            database = get_engine("database").locations(query, scope, 100)
            elasticsearch = get_engine("elasticsearch").locations(query, scope, 100)
            assert database.total == elasticsearch.total, raw
            assert database.locations == elasticsearch.locations, raw
