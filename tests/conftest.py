"""Shared fixtures: locales, a site root, vocabulary terms and page builders."""

import datetime
import os
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Site

from wagtail_reseau import models as m

# -- Tests that cannot reach the database ---------------------------------------------
# pytest-django refuses database access to a test that asks for none, so such a test
# does the same on SQLite and on PostgreSQL: it gets the marker `engine_agnostic`, and
# scripts/test.sh's PostgreSQL run leaves it out (-m "not engine_agnostic"); the SQLite
# run has run it (docs/testing.md). A test reaches the database through the
# `django_db` marker, one of these fixtures, a fixture built on django_db_blocker
# (module data), or a Django TestCase with databases.
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "django_db_setup",
    "_django_db_helper",
    "live_server",
}


def _reaches_database(item):
    if item.get_closest_marker("django_db") or item.get_closest_marker("postgres"):
        return True
    info = getattr(item, "_fixtureinfo", None)
    if info is None:  # not a plain test function: count it as reaching the database
        return True
    if DATABASE_FIXTURES.intersection(info.names_closure):
        return True
    for name, definitions in info.name2fixturedefs.items():
        # pytest-django's autouse unittest fixture asks for django_db_blocker for every test.
        if name != "_django_setup_unittest" and any("django_db_blocker" in d.argnames for d in definitions):
            return True
    cls = getattr(item, "cls", None)
    if cls is not None:
        from django.test import SimpleTestCase

        if issubclass(cls, SimpleTestCase) and cls.databases:
            return True
    return False


def pytest_collection_modifyitems(config, items):
    for item in items:
        if not _reaches_database(item):
            item.add_marker(pytest.mark.engine_agnostic)


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test starts with empty caches: Wagtail's site root paths, the
    catalogue's landing pages and vocabulary versions live in Django's cache, and
    a test that adds a site must not leave its roots to the next test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locale_fr(db):
    return Locale.objects.get_or_create(language_code="fr")[0]


@pytest.fixture
def locale_en(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def home(locale_fr):
    """The default site's root page (French), under which tests build their tree."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def admin_user(db):
    """A superuser whose admin speaks English (the site's default language is French)."""
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "password")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def publish(parent, page):
    """Adds ``page`` under ``parent`` and publishes it; returns the saved page."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def vocab(locale_fr):
    """A small vocabulary: a domain tree, a territory tree, audiences, a type, people."""
    return build_vocab(locale_fr)


def build_vocab(locale_fr):
    """The ``vocab`` fixture's terms (for data built once per module, too)."""
    health = m.DomainOfAction.objects.create(name="Santé", slug="sante", locale=locale_fr)
    prevention = m.DomainOfAction.objects.create(
        name="Prévention", slug="prevention", parent=health, locale=locale_fr
    )
    participation = m.DomainOfAction.objects.create(
        name="Participation des habitants", slug="participation", locale=locale_fr
    )
    occitanie = m.Territory.objects.create(
        name="Occitanie", slug="occitanie", kind="region", code="76", locale=locale_fr
    )
    haute_garonne = m.Territory.objects.create(
        name="Haute-Garonne", slug="haute-garonne", kind="department", code="31", parent=occitanie, locale=locale_fr
    )
    volunteers = m.Audience.objects.create(name="Bénévoles", slug="benevoles", locale=locale_fr)
    social_centre = m.OrganisationType.objects.create(
        name="Centre social", slug="centre-social", code="CS", locale=locale_fr
    )
    expert = m.Person.objects.create(name="Claire Dubreuil", job_title="Sociologue", locale=locale_fr)
    speaker = m.Person.objects.create(name="Karim Benali", job_title="Directeur de centre social", locale=locale_fr)
    return {
        "health": health,
        "prevention": prevention,
        "participation": participation,
        "occitanie": occitanie,
        "haute_garonne": haute_garonne,
        "volunteers": volunteers,
        "social_centre": social_centre,
        "expert": expert,
        "speaker": speaker,
    }


@pytest.fixture
def directory(home):
    return publish(home, m.OrganisationIndexPage(title="Annuaire", slug="annuaire"))


@pytest.fixture
def federation(directory, vocab):
    return build_federation(directory, vocab)


def build_federation(directory, vocab):
    return publish(
        directory,
        m.OrganisationPage(
            title="Fédération régionale Occitanie",
            slug="federation-occitanie",
            network_level=m.NetworkLevel.REGIONAL,
            organisation_type=vocab["social_centre"],
            commune="Toulouse",
            postcode="31000",
            insee_code="31555",
        ),
    )


@pytest.fixture
def social_centre(directory, federation, vocab):
    return build_social_centre(directory, federation, vocab)


def build_social_centre(directory, federation, vocab):
    page = m.OrganisationPage(
        title="Centre social des Izards",
        slug="centre-social-izards",
        network_level=m.NetworkLevel.MEMBER,
        parent_organisation=federation,
        organisation_type=vocab["social_centre"],
        summary="Un centre social de quartier ouvert à tous les habitants.",
        street_address="12 rue des Chamois",
        postcode="31200",
        commune="Toulouse",
        insee_code="31555",
        latitude="43.633000",
        longitude="1.430000",
        phone="05 61 00 00 00",
        email="accueil@izards.example.org",
        website="https://izards.example.org",
        premises_accessibility=["step_free", "hearing_loop"],
        siret="73282932000074",
    )
    page = publish(directory, page)
    page.domains.set([vocab["participation"]])
    page.territories.set([vocab["haute_garonne"]])
    page.opening_hours.create(weekday=0, opens=datetime.time(9), closes=datetime.time(12))
    page.save_revision().publish()
    return page


def in_days(days, hour=14):
    moment = timezone.now() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


# -- Elasticsearch ------------------------------------------------------------------
# Tests marked `elasticsearch` use a real server: RESEAU_ELASTICSEARCH_URL (which
# `eval "$(scripts/elasticsearch.sh)"` exports). Without one they skip, with the
# reason; with RESEAU_REQUIRE_ELASTICSEARCH set (scripts/test.sh sets it in CI) a
# missing server is a failure.


def _elasticsearch_required():
    return os.environ.get("RESEAU_REQUIRE_ELASTICSEARCH", "").strip().lower() not in {"", "0", "false", "no"}


def _elasticsearch_problem(url):
    if not url:
        return (
            "no Elasticsearch server: RESEAU_ELASTICSEARCH_URL is not set "
            "(run: eval \"$(scripts/elasticsearch.sh)\")"
        )
    try:
        from elasticsearch import Elasticsearch
    except ImportError:
        return "the elasticsearch package is not installed (pip install -e '.[elasticsearch]')"
    try:
        health = Elasticsearch(url, request_timeout=5).cluster.health()
    except Exception as error:  # noqa: BLE001 - any failure means "not usable"
        return f"the Elasticsearch server at {url} does not answer: {error}"
    if health["status"] == "red":
        return f"the Elasticsearch server at {url} is red"
    return None


@pytest.fixture(scope="session")
def elasticsearch_url():
    url = os.environ.get("RESEAU_ELASTICSEARCH_URL", "").strip()
    problem = _elasticsearch_problem(url)
    if problem:
        if _elasticsearch_required():
            pytest.fail(f"{problem} (RESEAU_REQUIRE_ELASTICSEARCH is set, so this is a failure)", pytrace=False)
        pytest.skip(problem)
    return url


def _elasticsearch_configuration(url):
    """WAGTAIL_RESEAU_ELASTICSEARCH for a test: an index of its own, findable at once."""
    return {
        "HOSTS": [url],
        "INDEX": f"reseau_test_{uuid.uuid4().hex[:12]}",
        "INDEX_SETTINGS": {"number_of_shards": 1, "number_of_replicas": 0},
        # Findable at once: tests search right after publishing.
        "REFRESH": True,
        "SEARCH_TIMEOUT": 10.0,
    }


@pytest.fixture
def elasticsearch_settings(elasticsearch_url, settings):
    """The Elasticsearch engine selected, on an index of this test's own, dropped after it."""
    from django.core.cache import cache

    settings.WAGTAIL_RESEAU_CATALOGUE_ENGINE = "elasticsearch"
    settings.WAGTAIL_RESEAU_ELASTICSEARCH = _elasticsearch_configuration(elasticsearch_url)
    cache.clear()
    from wagtail_reseau.catalogue.engines import get_engine

    engine = get_engine("elasticsearch")  # holds this configuration, whatever the test changes
    yield settings.WAGTAIL_RESEAU_ELASTICSEARCH
    engine.delete_everything()
    cache.clear()


@pytest.fixture(scope="module")
def elasticsearch_module_settings(elasticsearch_url):
    """The same for a whole module (data built once per module, see
    tests/catalogue/test_golden.py): one index, dropped after the module's last test.
    The tests of that module must not change what is indexed."""
    from django.core.cache import cache
    from django.test import override_settings

    configuration = _elasticsearch_configuration(elasticsearch_url)
    with override_settings(WAGTAIL_RESEAU_CATALOGUE_ENGINE="elasticsearch", WAGTAIL_RESEAU_ELASTICSEARCH=configuration):
        cache.clear()
        from wagtail_reseau.catalogue.engines import get_engine

        engine = get_engine("elasticsearch")
        try:
            yield configuration
        finally:
            engine.delete_everything()
            cache.clear()
