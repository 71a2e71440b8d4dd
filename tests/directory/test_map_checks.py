"""``manage.py check`` of the map settings."""

from django.core.checks import run_checks


def ids():
    return [error.id for error in run_checks() if error.id in {"wagtail_reseau.E030", "wagtail_reseau.E031"}]


def test_the_defaults_pass():
    assert ids() == []


def test_a_tiles_url_without_placeholders_is_an_error(settings):
    settings.WAGTAIL_RESEAU_MAP_TILES_URL = "https://tiles.example.org/"
    assert ids() == ["wagtail_reseau.E030"]


def test_a_cap_must_be_a_positive_whole_number(settings):
    settings.WAGTAIL_RESEAU_MAP_MAX_FEATURES = "many"
    assert ids() == ["wagtail_reseau.E030"]


def test_a_geocoder_must_be_importable_and_callable(settings):
    settings.WAGTAIL_RESEAU_GEOCODER = "nowhere.geocode"
    assert ids() == ["wagtail_reseau.E031"]
    settings.WAGTAIL_RESEAU_GEOCODER = "wagtail_reseau.conf.PREFIX"
    assert ids() == ["wagtail_reseau.E031"]
    settings.WAGTAIL_RESEAU_GEOCODER = "tests.directory.test_location_picker.found_geocoder"
    assert ids() == []
