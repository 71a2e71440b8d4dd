"""Settings are read in one place with defaults, and bad values are reported by
``manage.py check`` with a clear message."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from wagtail_reseau.checks import check_reseau_settings
from wagtail_reseau.conf import DEFAULTS, reseau_settings


def test_defaults_apply_when_not_set():
    with override_settings():
        from django.conf import settings

        del settings.WAGTAIL_RESEAU_ITEMS_PER_PAGE
        assert reseau_settings.ITEMS_PER_PAGE == DEFAULTS["ITEMS_PER_PAGE"]


@override_settings(WAGTAIL_RESEAU_ITEMS_PER_PAGE=3)
def test_host_setting_overrides_default():
    assert reseau_settings.ITEMS_PER_PAGE == 3


def test_unknown_attribute_is_an_error():
    with pytest.raises(AttributeError):
        reseau_settings.NOT_A_SETTING  # noqa: B018


@pytest.mark.parametrize(
    ("name", "value", "check_id"),
    [
        ("WAGTAIL_RESEAU_ITEMS_PER_PAGE", "twelve", "wagtail_reseau.E001"),
        ("WAGTAIL_RESEAU_ITEMS_PER_PAGE", 0, "wagtail_reseau.E001"),
        ("WAGTAIL_RESEAU_ADMIN_MENU_ORDER", "first", "wagtail_reseau.E002"),
        ("WAGTAIL_RESEAU_VOCABULARIES", "domain", "wagtail_reseau.E003"),
        ("WAGTAIL_RESEAU_VOCABULARIES", ["domain", "colours"], "wagtail_reseau.E003"),
        ("WAGTAIL_RESEAU_ITEMS_PER_PAGES", 10, "wagtail_reseau.W001"),
        ("WAGTAIL_RESEAU_CATALOGUE_ENGINE", "solr", "wagtail_reseau.E004"),
        ("WAGTAIL_RESEAU_CATALOGUE_ENGINE", "wagtail_reseau.conf.ReseauSettings", "wagtail_reseau.E004"),
    ],
)
def test_bad_setting_is_reported(name, value, check_id):
    with override_settings(**{name: value}):
        messages = check_reseau_settings(None)
    assert [message.id for message in messages] == [check_id]
    assert name in messages[0].msg


def test_manage_check_fails_on_bad_setting():
    with override_settings(WAGTAIL_RESEAU_ITEMS_PER_PAGE=-5):
        with pytest.raises(SystemCheckError, match="ITEMS_PER_PAGE"):
            call_command("check")


def test_valid_settings_pass():
    assert check_reseau_settings(None) == []


@pytest.mark.parametrize(
    ("value", "check_id", "words"),
    [
        ({"HOSTS": "http://localhost:9200"}, "wagtail_reseau.E005", "HOSTS"),
        ({"HOSTS": ["localhost:9200"]}, "wagtail_reseau.E005", "HOSTS"),
        ({"INDEX": "My Catalogue"}, "wagtail_reseau.E005", "INDEX"),
        ({"FACET_SIZE": 0}, "wagtail_reseau.E005", "FACET_SIZE"),
        ({"SEARCH_TIMEOUT": "fast"}, "wagtail_reseau.E005", "SEARCH_TIMEOUT"),
        ({"ANALYZERS": ["french"]}, "wagtail_reseau.E005", "ANALYZERS"),
        ({"HOST": ["http://localhost:9200"]}, "wagtail_reseau.W002", "HOST"),
        ("http://localhost:9200", "wagtail_reseau.E005", "dictionary"),
    ],
)
def test_bad_elasticsearch_setting_is_reported(value, check_id, words):
    with override_settings(WAGTAIL_RESEAU_CATALOGUE_ENGINE="elasticsearch", WAGTAIL_RESEAU_ELASTICSEARCH=value):
        messages = check_reseau_settings(None)
    assert [message.id for message in messages] == [check_id]
    assert words in messages[0].msg


def test_elasticsearch_settings_are_only_checked_when_in_use():
    with override_settings(WAGTAIL_RESEAU_ELASTICSEARCH={"HOSTS": "nope"}):
        assert check_reseau_settings(None) == []
    with override_settings(
        WAGTAIL_RESEAU_CATALOGUE_ENGINE="elasticsearch",
        WAGTAIL_RESEAU_ELASTICSEARCH={"HOSTS": ["https://es1.example.org:9200"], "OPTIONS": {"api_key": "k"}},
    ):
        assert check_reseau_settings(None) == []
