"""The golden catalogue tests that change the data (here: a second site), each on a
dataset of its own: the ones in test_golden.py share one per module and only search."""

import pytest
from django.test import override_settings

from wagtail_reseau import models as m
from wagtail_reseau.catalogue.views import scope_for

from tests.catalogue.golden import build_catalogues
from tests.conftest import publish

pytestmark = pytest.mark.django_db

ENGINES = ["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


@pytest.fixture(params=ENGINES)
def engine_name(request):
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch_settings")  # an index of this test's own
        yield request.param
        return
    with override_settings(WAGTAIL_RESEAU_CATALOGUE_ENGINE=request.param):
        yield request.param


@pytest.fixture
def golden(engine_name, home, locale_fr, locale_en, django_capture_on_commit_callbacks):
    # Pages are indexed by the publish signals, after each commit.
    with django_capture_on_commit_callbacks(execute=True):
        return build_catalogues(home, locale_fr, locale_en)


def test_a_catalogue_searches_its_own_site_or_every_site(
    client, golden, locale_fr, settings, django_capture_on_commit_callbacks
):
    """Several sites on one installation (a national site and a regional one): a
    catalogue searches its own site by default, every site when asked."""
    settings.ALLOWED_HOSTS = ["*"]
    from urllib.parse import urlsplit

    from wagtail.models import Page, Site

    def get(catalogue, **params):
        url = urlsplit(catalogue.full_url)
        response = client.get(url.path, {"format": "json", **params}, HTTP_HOST=url.hostname)
        assert response.status_code == 200, response.content[:500]
        return response.json()

    def found(data):
        return {hit["title"] for hit in data["results"]}

    national = golden["catalogue"]
    assert scope_for(national).root_path == ""  # one site: nothing to filter on
    with django_capture_on_commit_callbacks(execute=True):
        region_home = Page.get_first_root_node().add_child(
            instance=Page(title="Région", slug="region", locale=locale_fr)
        )
        Site.objects.create(hostname="region.example", port=80, root_page=region_home)
        practices = publish(region_home, m.GoodPracticeIndexPage(title="Pratiques", slug="pratiques"))
        publish(practices, m.GoodPracticePage(title="Potager régional", slug="potager", summary="Un jardin."))
        regional = publish(region_home, m.CataloguePage(title="Catalogue régional", slug="catalogue"))
        network = publish(
            golden["catalogue"].get_parent(),
            m.CataloguePage(title="Tout le réseau", slug="reseau", search_area="network"),
        )
    assert national.search_area == "site"
    assert scope_for(national).root_path == national.get_parent().path  # the national site's root
    assert scope_for(network).root_path == ""

    assert found(get(regional, q="jardin")) == {"Potager régional"}
    assert "Potager régional" not in found(get(national, q="jardin"))
    both = found(get(network, q="jardin"))
    assert "Potager régional" in both and both > found(get(national, q="jardin"))
    assert get(regional)["count"] == 1  # the landing page too
    assert get(network)["count"] == get(national)["count"] + 1
    # Autocomplete keeps to the same pages.
    completions = client.get(urlsplit(national.full_url).path, {"format": "autocomplete", "q": "potag"})
    assert completions.json()["results"] == []
    completions = client.get(
        urlsplit(regional.full_url).path, {"format": "autocomplete", "q": "potag"}, HTTP_HOST="region.example"
    )
    assert [result["title"] for result in completions.json()["results"]] == ["Potager régional"]
    assert completions.json()["results"][0]["url"].startswith("http://region.example/")
