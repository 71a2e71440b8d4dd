"""The vocabulary is loaded in every content language (English-first and
French-first sites alike), and the Classification tab says how to fix a language
without terms instead of showing empty lists."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale

from wagtail_reseau import models as m

from tests.conftest import publish

pytestmark = pytest.mark.django_db

THREE_LANGUAGES = [("en", "English"), ("fr", "French"), ("de", "German")]


def load(*args):
    err = StringIO()
    call_command("reseau_load_vocabulary", *args, stdout=StringIO(), stderr=err)
    return err.getvalue()


@override_settings(LANGUAGE_CODE="en", WAGTAIL_CONTENT_LANGUAGES=THREE_LANGUAGES, LANGUAGES=THREE_LANGUAGES)
def test_an_english_first_site_gets_terms_in_each_of_its_languages():
    Locale.objects.get_or_create(language_code="en")
    warnings = load()
    english, french, german = (Locale.objects.get(language_code=code) for code in ("en", "fr", "de"))
    assert Locale.get_default() == english
    health_en = m.DomainOfAction.objects.get(locale=english, slug="sante")
    assert health_en.name == "Health"
    assert health_en.get_translation(french).name == "Santé"
    # No default names in German: the terms exist (with the default language's names) for the editors to translate.
    health_de = health_en.get_translation(german)
    assert health_de.name == "Health"
    assert "“de”" in warnings
    for model in (m.DomainOfAction, m.Territory, m.Audience, m.OrganisationType):
        counts = {code: model.objects.filter(locale__language_code=code).count() for code in ("en", "fr", "de")}
        assert counts["en"] == counts["fr"] == counts["de"] > 0, (model, counts)


def test_default_language_only(locale_fr, locale_en):
    load("--default-language-only")
    assert m.Audience.objects.filter(locale=locale_fr).exists()
    assert not m.Audience.objects.filter(locale=locale_en).exists()


def add_page_form(client, parent):
    url = reverse("wagtailadmin_pages:add", args=("wagtail_reseau", "goodpracticepage", parent.pk))
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_classification_tab_says_how_to_fix_a_language_without_terms(admin_client, home, locale_en):
    call_command("reseau_load_vocabulary", "--default-language-only", stdout=StringIO(), stderr=StringIO())
    french_index = publish(home, m.GoodPracticeIndexPage(title="Pratiques", slug="pratiques"))
    html = add_page_form(admin_client, french_index)
    assert "data-reseau-empty-vocabulary" not in html

    english_home = home.copy_for_translation(locale_en)
    english_index = publish(english_home, m.GoodPracticeIndexPage(title="Practices", slug="practices"))
    html = add_page_form(admin_client, english_index)
    assert "data-reseau-empty-vocabulary" in html
    assert "reseau_load_vocabulary" in html
    message = html.split("data-reseau-empty-vocabulary", 1)[1].split("</div>", 1)[0]
    assert "domains of action" in message.lower() and "audiences" in message.lower()

    call_command("reseau_load_vocabulary", stdout=StringIO(), stderr=StringIO())
    assert "data-reseau-empty-vocabulary" not in add_page_form(admin_client, english_index)
