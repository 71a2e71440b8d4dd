"""The directory as a search through the catalogue: its filters (territory,
organisation type, domain, level in the network), restricted to the
organisations under it, and the federation tree."""

import pytest
from django.db import transaction
from django.test import TestCase, override_settings
from wagtail.models import Locale, Site

from wagtail_reseau.directory.hierarchy import federation_tree

from tests.catalogue.located import build_located

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def located(django_db_setup, django_db_blocker):
    with override_settings(WAGTAIL_RESEAU_CATALOGUE_ENGINE="database"), django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            locale_fr = Locale.objects.get_or_create(language_code="fr")[0]
            home = Site.objects.get(is_default_site=True).root_page.specific
            with TestCase.captureOnCommitCallbacks(execute=True):
                pages, _terms = build_located(home, locale_fr)
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
        yield pages
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def titles(client, directory, **params):
    response = client.get(directory.url, {"format": "json", **params})
    assert response.status_code == 200
    data = response.json()
    return {hit["title"] for hit in data["results"]}, data


ALL = {
    "Fédération des centres sociaux d'Occitanie",
    "Centre social des Izards",
    "Centre social de Lille-Sud",
    "Espace de vie sociale de Roubaix",
    "Centre social sans adresse",
}


def test_the_directory_lists_its_own_public_organisations_a_to_z(client, located):
    found, data = titles(client, located["directory"])
    assert found == ALL  # not Lyon (another directory), nor the draft, private or unpublished ones
    assert [hit["title"] for hit in data["results"]] == sorted(ALL, key=str.casefold)
    assert set(data["facets"]) == {"territory", "organisation_type", "domain", "network_level"}


@pytest.mark.parametrize(
    "params, expected",
    [
        (
            {"territory": "occitanie"},
            {"Fédération des centres sociaux d'Occitanie", "Centre social des Izards", "Centre social sans adresse"},
        ),
        ({"territory": "nord"}, {"Centre social de Lille-Sud", "Espace de vie sociale de Roubaix"}),
        ({"organisation_type": "federation"}, {"Fédération des centres sociaux d'Occitanie"}),
        ({"domain": "participation"}, {"Centre social des Izards", "Espace de vie sociale de Roubaix"}),
        (
            {"network_level": "member"},
            {"Centre social des Izards", "Espace de vie sociale de Roubaix", "Centre social sans adresse"},
        ),
        ({"network_level": "departmental", "territory": "nord"}, {"Centre social de Lille-Sud"}),
        ({"q": "Roubaix"}, {"Espace de vie sociale de Roubaix"}),
    ],
)
def test_the_directory_filters_through_the_catalogue(client, located, params, expected):
    found, _data = titles(client, located["directory"], **params)
    assert found == expected


def test_network_level_counts_and_labels(client, located):
    _found, data = titles(client, located["directory"])
    levels = {value["value"]: (value["count"], value["label"]) for value in data["facets"]["network_level"]}
    assert levels["member"][0] == 3
    assert levels["regional"] == (1, "Fédération régionale")
    assert [value["value"] for value in data["facets"]["network_level"]] == ["regional", "departmental", "member"]


def test_the_html_page_has_the_filters_the_list_and_the_map(client, located):
    response = client.get(located["directory"].url, {"territory": "nord"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Centre social de Lille-Sud" in html
    results = html[html.index('id="reseau-catalogue-hits"') : html.index('id="reseau-federations-title"')]
    assert "Centre social des Izards" not in results, results
    assert "<time" not in results  # an organisation's publication date says nothing
    assert 'name="network_level"' in html and 'name="territory"' in html
    assert "data-reseau-map" in html and 'role="region"' in html
    assert 'href="#reseau-catalogue-hits"' in html  # the map can be skipped


def test_bad_input_never_breaks_the_directory(client, located):
    for params in ({"page": "abc"}, {"territory": "<b>"}, {"network_level": "king"}, {"sort": "x" * 500}):
        response = client.get(located["directory"].url, params)
        assert response.status_code == 200


def test_federation_tree(located):
    roots = federation_tree(located["directory"])
    by_title = {node.title: node for node in roots}
    federation = by_title["Fédération des centres sociaux d'Occitanie"]
    assert [child.title for child in federation.children] == ["Centre social des Izards", "Centre social sans adresse"]
    assert federation.member_count == 2
    lille = by_title["Centre social de Lille-Sud"]
    assert [child.title for child in lille.children] == ["Espace de vie sociale de Roubaix"]
    every = set()

    def walk(nodes):
        for node in nodes:
            every.add(node.title)
            walk(node.children)

    walk(roots)
    assert every == ALL


def test_the_tree_is_nested_lists_of_links(client, located):
    html = client.get(located["directory"].url).content.decode()
    tree = html[html.index('id="reseau-federations-title"') :]
    assert "<details" in tree and "<summary>" in tree
    assert f'href="{located["roubaix"].url}"' in tree
    # Roubaix's list sits inside Lille-Sud's disclosure.
    lille = tree.index("Centre social de Lille-Sud")
    assert lille < tree.index("Espace de vie sociale de Roubaix")
    assert tree.count('<ul class="reseau-tree') >= 3


def test_a_loop_of_parents_still_gives_a_tree(located):
    from wagtail_reseau import models as m

    federation = m.OrganisationPage.objects.get(pk=located["federation"].pk)
    m.OrganisationPage.objects.filter(pk=federation.pk).update(parent_organisation=located["izards"].pk)
    roots = federation_tree(located["directory"])
    titles_at_root = {node.title for node in roots}
    assert (
        "Fédération des centres sociaux d'Occitanie" in titles_at_root or "Centre social des Izards" in titles_at_root
    )
