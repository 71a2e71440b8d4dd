"""The open-data exports and sitemap.xml are cached under the public content version
(core/public_version.py): served from the cache while nothing changes, and a page
unpublished, restricted, deleted or moved under a private page is gone at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from wagtail_reseau import models as m
from wagtail_reseau.core.public_version import public_content_version

from tests.conftest import publish

pytestmark = pytest.mark.django_db

EXPORT = "/opendata/structures-json/"
SITEMAP = "/sitemap.xml"
EMAIL = "accueil@izards.example.org"


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def both(client):
    return get(client, EXPORT), get(client, SITEMAP)


def assert_listed(client, page, listed=True):
    export, sitemap = both(client)
    assert (page.title in export) is listed
    assert (page.full_url in sitemap) is listed


@pytest.mark.parametrize("url", [EXPORT, SITEMAP, "/opendata/hsds-organizations-json/"])
def test_an_unchanged_site_is_served_from_the_cache(client, tree, url):
    with CaptureQueriesContext(connection) as first:
        body = get(client, url)
    with CaptureQueriesContext(connection) as second:
        again = get(client, url)
    assert again == body
    assert len(first) > 5
    assert len(second) < len(first) and len(second) <= 2, [query["sql"] for query in second]


def test_the_cache_keeps_headers_and_varies_with_the_address(client, tree):
    response = client.get("/opendata/structures-csv/")
    cached = client.get("/opendata/structures-csv/")
    assert cached["Content-Type"] == response["Content-Type"]
    assert cached["Content-Disposition"] == 'attachment; filename="structures-csv.csv"'
    assert cached["X-Licence"] == response["X-Licence"]
    assert "max-age" not in cached.get("Cache-Control", "")
    assert get(client, "/opendata/structures-json/") != cached.content.decode()


def test_an_unpublished_page_is_gone_at_once(client, tree):
    centre = Page.objects.get(pk=tree["OrganisationPage"].pk).specific
    export, _sitemap = both(client)
    assert EMAIL in export
    assert_listed(client, centre)
    centre.unpublish()
    export, _sitemap = both(client)
    assert EMAIL not in export
    assert_listed(client, centre, listed=False)


def test_a_restricted_page_is_gone_at_once_and_back_when_the_restriction_goes(client, tree):
    centre = tree["OrganisationPage"]
    assert_listed(client, centre)
    restriction = PageViewRestriction.objects.create(page=centre, restriction_type=PageViewRestriction.LOGIN)
    assert EMAIL not in get(client, EXPORT)
    assert_listed(client, centre, listed=False)
    restriction.delete()
    assert_listed(client, centre)


def test_a_published_then_deleted_page_appears_and_disappears_at_once(client, tree):
    both(client)  # cached without it
    page = publish(tree["OrganisationIndexPage"], m.OrganisationPage(title="Centre éphémère", slug="ephemere"))
    assert_listed(client, page)
    url = page.full_url
    Page.objects.get(pk=page.pk).delete()
    export, sitemap = both(client)
    assert "Centre éphémère" not in export and url not in sitemap


def test_a_page_moved_under_a_private_page_is_gone_at_once(client, tree):
    private = publish(tree["home"], m.OrganisationIndexPage(title="Réservé", slug="reserve"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    centre = Page.objects.get(pk=tree["OrganisationPage"].pk).specific
    assert_listed(client, centre)
    version, url = public_content_version(), centre.full_url
    centre.move(private, pos="last-child")
    assert public_content_version() != version
    assert EMAIL not in get(client, EXPORT)
    sitemap = get(client, SITEMAP)
    assert url not in sitemap and "/reserve/izards/" not in sitemap
