"""Placing an organisation: the admin's map widget on the coordinates, the
geocoding hook (none by default), and the small map of an organisation page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

CALLS = []


def found_geocoder(address):
    CALLS.append(address)
    return ("43.6047", 1.4442) if "Toulouse" in address else None


def failing_geocoder(address):
    raise ConnectionError("the service is down")


def out_of_bounds_geocoder(address):
    return (1.4442, 243.6)


def test_the_editor_has_a_map_to_place_the_organisation(admin_client, social_centre):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[social_centre.pk])).content.decode()
    assert "data-reseau-location-picker" in html
    assert 'data-latitude-input="id_latitude"' in html and 'data-longitude-input="id_longitude"' in html
    assert 'name="latitude"' in html and 'name="longitude"' in html  # the number inputs stay
    assert "wagtail_reseau/js/location_picker.js" in html
    assert "data-geocode-url" not in html  # no geocoder by default: no button


def test_a_geocoder_adds_the_button(admin_client, social_centre, settings):
    settings.WAGTAIL_RESEAU_GEOCODER = "tests.directory.test_location_picker.found_geocoder"
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[social_centre.pk])).content.decode()
    assert f'data-geocode-url="{reverse("wagtail_reseau_geocode")}"' in html
    assert "data-reseau-geocode" in html


def test_the_geocoding_url_calls_the_hosts_callable(admin_client, settings):
    settings.WAGTAIL_RESEAU_GEOCODER = "tests.directory.test_location_picker.found_geocoder"
    url = reverse("wagtail_reseau_geocode")
    response = admin_client.get(url, {"address": "12 rue des Chamois  31200 Toulouse"})
    assert response.status_code == 200
    assert response.json() == {"latitude": 43.6047, "longitude": 1.4442}
    assert CALLS[-1] == "12 rue des Chamois 31200 Toulouse"
    missing = admin_client.get(url, {"address": "Nulle part"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert missing.status_code == 404 and missing.json()["error"]


@pytest.mark.parametrize("geocoder", ["failing_geocoder", "out_of_bounds_geocoder"])
def test_a_failing_or_wrong_geocoder_gives_a_message_not_an_error(admin_client, settings, geocoder):
    settings.WAGTAIL_RESEAU_GEOCODER = f"tests.directory.test_location_picker.{geocoder}"
    response = admin_client.get(reverse("wagtail_reseau_geocode"), {"address": "Toulouse"})
    assert response.status_code == 404
    assert response.json()["error"]


def test_without_a_geocoder_the_url_says_so(admin_client):
    response = admin_client.get(reverse("wagtail_reseau_geocode"), {"address": "Toulouse"})
    assert response.status_code == 404


def test_the_geocoding_url_is_for_editors_only(client, settings):
    settings.WAGTAIL_RESEAU_GEOCODER = "tests.directory.test_location_picker.found_geocoder"
    response = client.get(reverse("wagtail_reseau_geocode"), {"address": "Toulouse"})
    assert response.status_code in {302, 403}


def test_the_organisation_page_shows_a_small_map_beside_its_address(client, social_centre):
    html = client.get(social_centre.url).content.decode()
    assert "<address" in html  # the address stays in text
    assert 'data-latitude="43.633000"' in html or 'data-latitude="43.633"' in html
    assert "reseau-map--point" in html and 'role="region"' in html
