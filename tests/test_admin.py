"""Editors work in the Wagtail admin: create and edit a good practice there,
see tabs, and find the vocabularies grouped in one menu."""

import pytest
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html

from wagtail_reseau import models as m

from tests.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(home):
    return publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))


def form_from(response, model=m.GoodPracticePage, form_id="page-edit-form"):
    """The form's data as the browser would send it. StreamFields are drawn by
    JavaScript in the admin, so their (empty) management fields are added here."""
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id=form_id)
    for field in model._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            data[f"{field.name}-count"] = "0"
    return data


def test_good_practice_is_created_and_edited_in_the_admin(admin_client, practices, vocab, social_centre):
    add_url = reverse("wagtailadmin_pages:add", args=["wagtail_reseau", "goodpracticepage", practices.pk])
    response = admin_client.get(add_url)
    html = response.content.decode()
    # Tabs an editor expects, with help texts.
    for tab in ["Practice", "Organisations and scale", "Results and reuse", "Classification"]:
        assert tab in html, tab
    assert "How many people the practice reaches" in html
    # Domains and territories are searched in a chooser (tests/taxonomy/test_chooser.py), not listed.
    assert 'name="domains-search"' in html and 'name="territories-search"' in html

    data = form_from(response)
    data["title"] = "Jardin partagé au pied des immeubles"
    data["slug"] = "jardin-partage"
    data["summary"] = "Des habitants cultivent ensemble."
    data["public_reach"] = "2"
    data["recurrence"] = "4"
    data["lead_organisation"] = str(social_centre.pk)
    data.setlist("domains", [str(vocab["prevention"].pk)])
    data.setlist("territories", [str(vocab["haute_garonne"].pk)])
    data["tags"] = "jardin, lien social"
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    practice = m.GoodPracticePage.objects.get(slug="jardin-partage")
    assert practice.live
    assert practice.lead_organisation_id == social_centre.pk
    assert list(practice.domains.all()) == [vocab["prevention"]]
    assert sorted(practice.tags.names()) == ["jardin", "lien social"]
    assert practice.public_reach == 2 and practice.recurrence == 4

    edit_url = reverse("wagtailadmin_pages:edit", args=[practice.pk])
    data = form_from(admin_client.get(edit_url))
    assert data["title"] == "Jardin partagé au pied des immeubles"
    data["title"] = "Jardin partagé et solidaire"
    data["recurrence"] = "3"
    data["action-publish"] = "action-publish"
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    practice.refresh_from_db()
    assert practice.title == "Jardin partagé et solidaire"
    assert practice.recurrence == 3
    assert practice.revisions.count() == 2


def test_invalid_rating_is_refused_with_a_message_and_input_kept(admin_client, practices):
    add_url = reverse("wagtailadmin_pages:add", args=["wagtail_reseau", "goodpracticepage", practices.pk])
    data = form_from(admin_client.get(add_url))
    data["title"] = "Pratique au classement impossible"
    data["slug"] = "classement-impossible"
    data["public_reach"] = "7"
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url, data)
    assert response.status_code == 200  # the form comes back, no 5xx
    html = response.content.decode()
    assert "Pratique au classement impossible" in html  # nothing typed is lost
    assert not m.GoodPracticePage.objects.filter(slug="classement-impossible").exists()
    assert "public_reach" in response.context["form"].errors


def test_organisation_with_bad_siret_and_insee_code_gets_field_errors(admin_client, directory):
    add_url = reverse("wagtailadmin_pages:add", args=["wagtail_reseau", "organisationpage", directory.pk])
    data = form_from(admin_client.get(add_url), model=m.OrganisationPage)
    data["title"] = "Centre social du Mirail"
    data["slug"] = "mirail"
    data["siret"] = "12345678901234"
    data["insee_code"] = "3155"
    data["latitude"] = "43.6"
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "siret" in errors and "insee_code" in errors
    assert "longitude" in errors  # latitude without longitude


def test_vocabularies_are_grouped_in_one_menu_with_filters(admin_client, vocab):
    response = admin_client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert "Network" in html
    listing = admin_client.get(reverse("wagtailsnippets_wagtail_reseau_domainofaction:list"))
    assert listing.status_code == 200
    assert "Santé › Prévention" in listing.content.decode()
    searched = admin_client.get(
        reverse("wagtailsnippets_wagtail_reseau_territory:list"), {"q": "Garonne"}
    )
    assert "Haute-Garonne" in searched.content.decode()
    assert "Occitanie</a>" not in searched.content.decode()
    filtered = admin_client.get(
        reverse("wagtailsnippets_wagtail_reseau_territory:list"), {"kind": "region"}
    )
    assert "Occitanie" in filtered.content.decode()


def test_duplicate_slug_in_a_vocabulary_is_a_form_error(admin_client, vocab):
    add_url = reverse("wagtailsnippets_wagtail_reseau_domainofaction:add")
    response = admin_client.post(add_url, {"name": "Santé publique", "slug": "sante", "description": ""})
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert m.DomainOfAction.objects.filter(slug="sante").count() == 1


def test_a_domain_cannot_be_its_own_ancestor(vocab):
    health = vocab["health"]
    health.parent = vocab["prevention"]
    with pytest.raises(Exception) as error:
        health.full_clean()
    assert "parent" in error.value.message_dict
