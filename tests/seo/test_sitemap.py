"""sitemap.xml: every language's live, public pages, each with its translations as
hreflang alternates; drafts and private pages absent."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def sitemap(client, tree):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.findtext("sm:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        for url in root.findall("sm:url", NS)
    }


def test_live_public_pages_of_every_language(sitemap, tree):
    for name in ("OrganisationPage", "ForumPage", "NewsPage", "CataloguePage", "english_news", "english_news_index"):
        assert tree[name].full_url in sitemap, name


def test_drafts_and_private_pages_are_absent(sitemap, tree):
    locations = "\n".join(sitemap)
    assert "brouillon" not in locations
    assert tree["private_news"].full_url not in sitemap


def test_translations_are_alternates_of_each_other(sitemap, tree):
    french, english = tree["NewsPage"].full_url, tree["english_news"].full_url
    assert "/en/" in english
    assert sitemap[french] == {"fr": french, "en": english}
    assert sitemap[english] == {"fr": french, "en": english}


def test_a_page_without_translation_has_no_alternates(sitemap, tree):
    assert sitemap[tree["ForumPage"].full_url] == {}
