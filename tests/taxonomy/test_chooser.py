"""The term chooser: its JSON search (names with or without accents, codes,
postcodes, only active terms of one language, bad input never a 5xx) and the
classification form it serves in the admin (with and without JavaScript)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from wagtail_reseau import models as m

from .geography_data import changed, geography, write
from tests.conftest import publish
from tests.test_admin import form_from

pytestmark = pytest.mark.django_db


@pytest.fixture
def territories(locale_fr, locale_en, tmp_path):
    data = geography(5, departments=("31", "59", "09", "2A"))
    call_command("reseau_load_geography", "--source", str(write(tmp_path, data)), stdout=StringIO(), stderr=StringIO())
    return data


@pytest.fixture
def domains(locale_fr):
    health = m.DomainOfAction.objects.create(name="Santé", slug="sante", locale=locale_fr)
    prevention = m.DomainOfAction.objects.create(name="Prévention", slug="prevention", parent=health, locale=locale_fr)
    return health, prevention


def search(client, q, vocabulary="territory", **params):
    url = reverse("wagtail_reseau_terms:search", args=[vocabulary])
    response = client.get(url, {"q": q, **params})
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()["results"]


def test_search_by_name_with_or_without_accents_shows_the_path(client, territories):
    results = search(client, "toulouse")
    assert results[0]["name"] == "Toulouse"
    assert results[0]["path"] == ["France", "Occitanie", "Haute-Garonne"]
    assert results[0]["path_label"] == "France › Occitanie › Haute-Garonne › Toulouse (31555)"
    assert results[0]["kind"] == "Commune"
    for typed in ("ariege", "ARIÈGE", "Ariège"):
        assert search(client, typed)[0]["name"] == "Ariège", typed
    # Words in any form of separation: "haute garonne" finds "Haute-Garonne".
    assert search(client, "haute garonne")[0]["code"] == "31"
    assert search(client, "st pierre")[0]["name"] == "Saint-Pierre"  # "st" for "saint"
    assert {r["name"] for r in search(client, "pier")} == {"Saint-Pierre-et-Miquelon", "Saint-Pierre"}


def test_search_by_code_and_postcode(client, territories):
    assert search(client, "31555")[0]["name"] == "Toulouse"
    assert search(client, "31")[0]["name"] == "Haute-Garonne"  # the département before its communes
    assert search(client, "2a004")[0]["name"] == "Ajaccio"
    assert [r["name"] for r in search(client, "31770")] == ["Colomiers"]
    assert search(client, "20090")[0]["name"] == "Ajaccio"


def test_an_empty_search_offers_the_top_of_the_tree(client, territories, domains):
    names = [r["name"] for r in search(client, "")]
    assert names[0] == "France" and "Occitanie" in names and "Toulouse" not in names
    assert [r["name"] for r in search(client, "", "domain")] == ["Santé", "Prévention"]
    assert search(client, "prev", "domain")[0]["path_label"] == "Santé › Prévention"


def test_only_active_terms_of_the_language_are_offered(client, territories, tmp_path, locale_en):
    call_command(
        "reseau_load_geography",
        "--source",
        str(write(tmp_path, changed(territories), "next.json")),
        stdout=StringIO(),
        stderr=StringIO(),
    )
    # Merged into Blagnac-Colomiers: the old commune is not offered any more.
    assert [r["name"] for r in search(client, "colomiers")] == ["Blagnac-Colomiers"]
    assert search(client, "blagnac")[0]["name"] == "Blagnac-Colomiers"
    english = search(client, "toulouse", locale="en")[0]
    assert m.Territory.objects.get(pk=english["id"]).locale == locale_en
    assert (
        search(client, "toulouse", locale="xx")[0]["id"]
        == m.Territory.objects.get(code="31555", locale__language_code="fr").pk
    )


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 5000},
        {"q": "\x00'; DROP TABLE--"},
        {"q": "%_%"},
        {"q": "toulouse", "limit": "abc"},
        {"q": "toulouse", "limit": "-4"},
        {"q": "toulouse", "limit": "100000"},
        {"q": ["a", "b"]},
        {"locale": "<script>"},
    ],
)
def test_bad_input_is_never_a_server_error(client, territories, params):
    response = client.get(reverse("wagtail_reseau_terms:search", args=["territory"]), params)
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)
    assert len(response.json()["results"]) <= 50


def test_an_unknown_vocabulary_is_a_404_in_json(client, territories):
    response = client.get(reverse("wagtail_reseau_terms:search", args=["people"]), {"q": "a"})
    assert response.status_code == 404
    assert "error" in json.loads(response.content)
    assert client.post(reverse("wagtail_reseau_terms:search", args=["territory"])).status_code == 405


def test_the_admin_has_its_own_search_url(admin_client, territories):
    response = admin_client.get(reverse("wagtail_reseau_term_search", args=["territory"]), {"q": "lille"})
    assert response.json()["results"][0]["name"] == "Lille"


# -- the classification form -------------------------------------------------------


@pytest.fixture
def practice(home):
    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
    return publish(practices, m.GoodPracticePage(title="Repair café", slug="repair-cafe"))


def test_the_form_lists_only_chosen_terms_and_saves_chosen_and_typed_ones(admin_client, territories, domains, practice):
    health, prevention = domains
    toulouse = m.Territory.objects.get(code="31555", locale__language_code="fr")
    lille = m.Territory.objects.get(code="59350", locale__language_code="fr")
    practice.territories.set([toulouse])
    practice.save_revision().publish()
    edit_url = reverse("wagtailadmin_pages:edit", args=[practice.pk])
    response = admin_client.get(edit_url)
    html = response.content.decode()
    assert html.count('type="checkbox" name="territories"') == 1  # the chosen term, not every commune
    assert "France › Occitanie › Haute-Garonne › Toulouse (31555)" in html
    assert "term-chooser.js" in html

    data = form_from(response, model=m.GoodPracticePage)
    assert data.getlist("territories") == [str(toulouse.pk)]
    data.setlist("territories", [str(toulouse.pk), str(lille.pk)])  # chosen with the combobox
    data["territories-search"] = "Ajaccio; 31770"  # typed without JavaScript
    data["domains-search"] = "prévention"
    data["action-publish"] = "action-publish"
    response = admin_client.post(edit_url, dict(data.lists()))  # every value of a list, not the last
    assert response.status_code == 302, response.content.decode()[:3000]
    page = m.GoodPracticePage.objects.get(pk=practice.pk)
    assert sorted(page.territories.values_list("code", flat=True)) == ["2A004", "31149", "31555", "59350"]
    assert list(page.domains.all()) == [prevention]


def test_an_unknown_typed_term_is_an_error_and_the_text_is_kept(admin_client, territories, practice):
    edit_url = reverse("wagtailadmin_pages:edit", args=[practice.pk])
    data = form_from(admin_client.get(edit_url), model=m.GoodPracticePage)
    data["territories-search"] = "Atlantide"
    data["action-publish"] = "action-publish"
    response = admin_client.post(edit_url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "No term matches “Atlantide” exactly" in html
    assert 'value="Atlantide"' in html
    assert not m.GoodPracticePage.objects.get(pk=practice.pk).territories.exists()


def test_a_term_chooser_field_in_a_public_form(territories, locale_fr):
    from django import forms
    from django.utils import translation

    from wagtail_reseau.taxonomy.chooser.widgets import TermChoiceField

    class ProposalForm(forms.Form):
        territories = TermChoiceField("territory", required=False)

    with translation.override("fr"):
        form = ProposalForm(data={"territories-search": "Pamiers"})
        assert form.is_valid(), form.errors
        assert [t.name for t in form.cleaned_data["territories"]] == ["Pamiers"]
        form = ProposalForm(data={"territories-search": "Saint"})
        assert not form.is_valid()
        assert "Saint" in str(form.errors["territories"])
        html = str(form["territories"])
    assert 'value="Saint"' in html and 'role="status"' in html and "<option" not in html


def test_the_territory_listing_filters_by_parent_without_offering_every_commune(admin_client, territories):
    nord = m.Territory.objects.get(code="59", kind="department", locale__language_code="fr")
    toulouse = m.Territory.objects.get(code="31555", locale__language_code="fr")
    response = admin_client.get(reverse("wagtailsnippets_wagtail_reseau_territory:list"), {"parent": nord.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lille" in html and "Toulouse" not in html
    assert f'<option value="{nord.pk}"' in html
    assert f'<option value="{toulouse.pk}"' not in html  # communes are not parents
    inactive = admin_client.get(reverse("wagtailsnippets_wagtail_reseau_territory:list"), {"is_active": "false"})
    assert inactive.status_code == 200
