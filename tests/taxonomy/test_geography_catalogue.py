"""The catalogue with the official geography loaded: the territory facet stays a
tree of the values that have documents, a page classified with a merged commune
is found under its successor, and a catalogue request takes as many SQL queries
with thousands of communes as with a handful."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail_reseau import models as m

from .geography_data import changed, geography, write
from tests.conftest import publish

pytestmark = pytest.mark.django_db

MANY_DEPARTMENTS = [f"{number:02d}" for number in range(10, 16)]


def load_geography(tmp_path, data, name="geography.json"):
    call_command(
        "reseau_load_geography", "--source", str(write(tmp_path, data, name)), stdout=StringIO(), stderr=StringIO()
    )


def commune(code):
    return m.Territory.objects.get(code=code, kind="commune", locale__language_code="fr")


@pytest.fixture
def catalogue(home, locale_fr, locale_en, tmp_path):
    data = geography(5)
    load_geography(tmp_path, data)
    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
    for slug, code in (("jardin", "31555"), ("cafe", "59350"), ("velo", "31149")):
        page = publish(practices, m.GoodPracticePage(title=f"Pratique {slug}", slug=slug))
        page.territories.set([commune(code)])
        page.save_revision().publish()
    page = publish(home, m.CataloguePage(title="Chercher", slug="chercher"))
    call_command("reseau_rebuild_catalogue", no_progress=True, verbosity=0)
    return page, data


def territory_tree(client, page, **params):
    response = client.get(page.url, {"format": "json", **params})
    assert response.status_code == 200
    payload = response.json()
    return payload["facets"]["territory"], payload


def flatten(values, parent=None):
    for value in values:
        yield value["value"], parent, value["count"]
        yield from flatten(value["children"], value["value"])


def test_the_territory_facet_is_a_tree_of_values_with_documents(client, catalogue):
    page, _data = catalogue
    tree, _payload = territory_tree(client, page)
    shown = {value: (parent, count) for value, parent, count in flatten(tree)}
    assert shown["france"] == (None, 3)
    assert shown["occitanie"] == ("france", 2)
    assert shown["haute-garonne"] == ("occitanie", 2)
    assert shown["toulouse-31555"] == ("haute-garonne", 1)
    assert shown["lille-59350"] == ("nord", 1)
    # Only values with documents: none of the other communes, nor Ariège, nor Roubaix.
    assert "roubaix-59512" not in shown and "blagnac-31069" not in shown
    assert len(shown) == 8  # France, 2 regions, 2 départements, 3 communes
    assert all(count > 0 for _parent, count in shown.values())


def test_a_page_of_a_merged_commune_is_found_under_its_successor(
    client, catalogue, tmp_path, django_capture_on_commit_callbacks
):
    page, data = catalogue
    with django_capture_on_commit_callbacks(execute=True):
        load_geography(tmp_path, changed(data), "next.json")
    _tree, payload = territory_tree(client, page, territory="blagnac-31069")
    assert [hit["title"] for hit in payload["results"]] == ["Pratique velo"]
    tree, _payload = territory_tree(client, page)
    shown = {value: parent for value, parent, _count in flatten(tree)}
    assert shown["colomiers-31149"] == "blagnac-31069"  # the old commune, under the new one


def count_queries(client, page, **params):
    client.get(page.url, {"format": "json", **params})  # warms the caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url, {"format": "json", **params})
    assert response.status_code == 200
    return len(queries)


def test_catalogue_queries_do_not_grow_with_thousands_of_communes(client, catalogue, tmp_path):
    page, _data = catalogue
    requests = [{}, {"territory": "haute-garonne"}, {"territory": "toulouse-31555", "q": "pratique"}]
    few = [count_queries(client, page, **params) for params in requests]
    load_geography(tmp_path, geography(500, departments=["31", "59", *MANY_DEPARTMENTS]), "many.json")
    assert m.Territory.objects.filter(kind="commune").count() > 7900  # in two languages
    many = [count_queries(client, page, **params) for params in requests]
    assert many == few
