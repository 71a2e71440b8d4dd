"""The language switch always offers the other languages: the page's translation if
it is live, otherwise that language's home page, otherwise its root; the site name
and the tags follow the language of the page."""

import re

import pytest
from django.utils import translation
from wagtail.models import Page, Site
from wagtail_localize.models import TranslationSource

from wagtail_reseau import models as m

from tests.conftest import publish

pytestmark = pytest.mark.django_db


def switch(html):
    """The language switch's links, as ``{language: href}``, and the current language."""
    nav = re.search(r'<nav class="reseau-languages".*?</nav>', html, re.S)
    assert nav, "no language switch"
    links = dict(re.findall(r'<a href="([^"]*)" hreflang="([^"]+)"', nav.group(0)))
    current = re.search(r'hreflang="([^"]+)"[^>]*aria-current="page"', nav.group(0)).group(1)
    return {code: href for href, code in links.items()}, current


def translate(page, locale, **fields):
    """The page's translation through wagtail-localize (as the loader and the admin
    do), with ``fields`` set, published."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translated, _created = source.create_or_update_translation(locale, publish=False, fallback=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return type(translated).objects.get(pk=translated.pk)


@pytest.fixture
def practices(home):
    return publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))


@pytest.fixture
def english_home(home, locale_en):
    return translate(Page.objects.get(pk=home.pk).specific, locale_en, title="Trait d'Union network")


def test_switch_links_to_the_translation_when_there_is_one(client, practices, english_home, locale_en):
    english = translate(practices, locale_en, title="Good practices", slug="good-practices")
    links, current = switch(client.get(practices.url).content.decode())
    assert current == "fr"
    assert links == {"fr": practices.url, "en": english.url}
    with translation.override("en"):
        links, current = switch(client.get(english.url).content.decode())
    assert current == "en"
    assert links == {"fr": practices.url, "en": english.url}


def test_switch_links_to_the_other_language_home_when_the_page_is_not_translated(client, practices, english_home):
    html = client.get(practices.url).content.decode()
    links, current = switch(html)
    assert current == "fr"
    assert links["en"] == english_home.url == "/en/"
    # The link says where it leads, in the language it leads to.
    assert "This page is not translated: home page in this language" in html


def test_switch_ignores_a_translation_that_is_not_live(client, practices, english_home, locale_en):
    english = translate(practices, locale_en, title="Good practices", slug="good-practices")
    english.unpublish()
    links, _current = switch(client.get(practices.url).content.decode())
    assert links["en"] == english_home.url


def test_switch_links_to_the_language_root_when_there_is_no_home_in_that_language(client, practices, locale_en):
    links, current = switch(client.get(practices.url).content.decode())
    assert current == "fr"
    assert links["en"] == "/en/"


def test_site_name_follows_the_language(client, practices, english_home, locale_en):
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Réseau Trait d'Union"
    site.save()
    english = translate(practices, locale_en, title="Good practices", slug="good-practices")
    french_html = client.get(practices.url).content.decode()
    assert "Réseau Trait d&#x27;Union</a>" in french_html
    with translation.override("en"):
        english_html = client.get(english.url).content.decode()
    assert "Trait d&#x27;Union network</a>" in english_html
    assert "<title>Good practices – Trait d&#x27;Union network</title>" in english_html
    assert "Réseau Trait" not in english_html


def test_tags_of_the_source_are_not_shown_on_its_translation(client, practices, english_home, locale_en, vocab):
    practice = m.GoodPracticePage(title="Jardin partagé", slug="jardin", summary="Un jardin.")
    practice.tags.add("potager")
    publish(practices, practice)
    translate(practices, locale_en, title="Good practices", slug="good-practices")
    english = translate(practice, locale_en, title="Shared garden", slug="garden")
    assert list(english.tags.names()) == ["potager"]  # wagtail-localize copies them
    assert "potager" in client.get(practice.url).content.decode()
    with translation.override("en"):
        html = client.get(english.url).content.decode()
    assert "Shared garden" in html
    assert "potager" not in html
