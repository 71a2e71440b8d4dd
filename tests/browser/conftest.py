"""Real-browser fixtures: Debian's Chromium driven by Playwright, and axe-core.

The tools come from scripts/browser.sh (Chromium from the Debian package, axe-core
from the npm registry into .cache/axe/) and the `test` extra (playwright). Playwright
never downloads a browser of its own: it launches /usr/bin/chromium.

When a tool is missing the tests are skipped with the reason, or fail when
RESEAU_REQUIRE_BROWSER is set (scripts/test.sh sets it in CI)."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from wagtail_reseau import models as m

from tests.catalogue.golden import build_golden
from tests.conftest import publish

REPO_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("RESEAU_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = Path(os.environ.get("RESEAU_AXE_JS", REPO_DIR / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"))
SCREENSHOT_DIR = Path(os.environ.get("RESEAU_SCREENSHOT_DIR", "/tmp"))


def browser_required():
    return os.environ.get("RESEAU_REQUIRE_BROWSER", "").strip().lower() not in {"", "0", "false", "no"}


def unavailable(reason):
    """Skips the test, or fails it when the browser tests are required."""
    if browser_required():
        pytest.fail(f"{reason} (RESEAU_REQUIRE_BROWSER is set, so this is a failure)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def sync_playwright():
    """Playwright's sync API, or a skip (a failure when required) with the reason."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the Python package playwright is not installed (scripts/bootstrap.sh installs the test extra)")
    if not os.access(CHROMIUM, os.X_OK):
        unavailable(f"{CHROMIUM} is missing (scripts/browser.sh installs the Debian package chromium)")
    return sync_playwright


@pytest.fixture
def browser(sync_playwright, catalogue_site):
    """Chromium, started for one test once its data is in the database.

    While Playwright's sync API runs, an asyncio loop counts as running in this
    thread, and Django then gives the thread another database connection (one per
    async context): not the one the test database was set up, filled and is rolled
    back with. So the data is built first, Playwright stops before the database is
    cleaned up, and the tests' bodies do not touch the database (the live server's
    thread does)."""
    from playwright.sync_api import expect

    expect.set_options(timeout=10_000)  # CI machines are small: 10 s for the page to settle
    with sync_playwright() as playwright:
        try:
            instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        except Exception as error:  # noqa: BLE001 (any launch failure means no browser)
            unavailable(f"Chromium ({CHROMIUM}) could not be started by Playwright: {error}")
        yield instance
        instance.close()


def _page(browser, **options):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}, **options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    return context, page


@pytest.fixture
def page(browser):
    """A page with JavaScript (the enhanced catalogue)."""
    context, page = _page(browser)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser):
    """A page with JavaScript disabled (the plain GET form and links)."""
    context, page = _page(browser, java_script_enabled=False)
    yield page
    context.close()


@pytest.fixture
def axe_js():
    if not AXE_JS.is_file():
        unavailable(f"axe-core is missing: {AXE_JS} (scripts/browser.sh installs it from the npm registry)")
    return AXE_JS


# -- The golden catalogue, built once per module ----------------------------------------
# Building the golden network and indexing it takes seconds: the modules that share
# this catalogue build it once (module scope), commit it (the live server's thread
# reads it through a connection of its own on PostgreSQL), and run each test in a
# transaction rolled back after it (`db`, not `transactional_db`: no flush after
# each test). What a test writes is undone; what the live server writes on
# PostgreSQL is not, so a test that shares the site only reads it (GET requests).
# After the module's last test the database is emptied and given back the data the
# migrations made, as a transactional test with serialized_rollback leaves it.


def restore_migrated_data():
    """The database as the migrations left it: what a transactional test with
    serialized_rollback does (flush, then the copy of the migrations' data that
    pytest-django keeps when a test asks for django_db_serialized_rollback), and an
    empty catalogue (SQLite's full-text table is not a model's: a flush leaves it)."""
    from django.core.cache import cache
    from django.db import connection

    contents = getattr(connection, "_test_serialized_contents", None)
    if contents is None:
        pytest.fail("no copy of the migrations' data: the test must ask for django_db_serialized_rollback")
    call_command("flush", verbosity=0, interactive=False, reset_sequences=False, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(contents)
    call_command("reseau_rebuild_catalogue", no_progress=True, verbosity=0)
    cache.clear()


@pytest.fixture(scope="module")
def shared_catalogue_site(request, django_db_setup, django_db_blocker):
    """The golden network and a catalogue page, committed, served by a live server of
    the module's own (pytest-django's `live_server` would make every test transactional).

    Five results a page (the unfiltered catalogue has two pages) and three values
    per facet before "show more" (the type and year facets have more)."""
    from django.test.utils import modify_settings
    from pytest_django.live_server_helper import LiveServer
    from wagtail.models import Locale, Site

    with django_db_blocker.unblock():
        if not Site.objects.exists():  # after a transactional test: an empty database
            restore_migrated_data()
        try:
            locale_fr = Locale.objects.get_or_create(language_code="fr")[0]
            locale_en = Locale.objects.get_or_create(language_code="en")[0]
            home = Site.objects.get(is_default_site=True).root_page.specific
            pages, terms = build_golden(home, locale_fr, locale_en)
            catalogue = publish(
                home, m.CataloguePage(title="Catalogue", slug="catalogue", results_per_page=5, facet_values_shown=3)
            )
            # The publish signals index the pages after each commit already; a rebuild also
            # empties the SQLite full-text table, which a flush leaves behind.
            call_command("reseau_rebuild_catalogue", no_progress=True, verbosity=0)
            url = catalogue.url
        except BaseException:
            restore_migrated_data()
            raise
    address = request.config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
    server = None
    try:
        server = LiveServer(address)
        with modify_settings(ALLOWED_HOSTS={"append": server.thread.host}):
            yield {
                "url": server.url + url,
                "catalogue": catalogue,
                "pages": pages,
                "terms": terms,
                "home": home,
                "live_server": server,
            }
    finally:
        if server is not None:
            server.stop()
        with django_db_blocker.unblock():
            restore_migrated_data()


@pytest.fixture
def catalogue_site(request, shared_catalogue_site, db, django_db_serialized_rollback):
    """The module's golden catalogue (``shared_catalogue_site``) for one test, in a
    transaction rolled back after it (``db``); ``django_db_serialized_rollback`` keeps
    the copy of the migrations' data that the module's teardown puts back."""
    marker = request.node.get_closest_marker("django_db")
    transactional = marker is not None and marker.kwargs.get("transaction")
    if transactional or {"transactional_db", "live_server"} & set(request.fixturenames):
        pytest.fail("catalogue_site is built once per module: a transactional test would empty it for the next ones")
    return shared_catalogue_site
