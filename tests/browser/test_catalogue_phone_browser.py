"""The catalogue on a phone (issue 10, improvement 9): the filters are a panel that a
button opens (a link without JavaScript), the result count and the active filters stay
above the results, and the first result is on the first screen. On a desktop the
filters stay a sidebar beside the results.

Data: the golden network (tests/catalogue/golden.py), 8 French results, 5 a page."""

import re

import pytest
from django.utils.translation import gettext, ngettext, override

from wagtail_reseau import models as m

from .conftest import SCREENSHOT_DIR
from .test_catalogue_browser import count_text, expect_state, run_axe
from tests.conftest import publish

# No django_db marker: catalogue_site (tests/browser/conftest.py) is built once for the
# module and gives each test the `db` transaction, rolled back after it.
pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
FILTERED = "?domain=participation&domain=prevention"


@pytest.fixture(scope="module")
def shared_catalogue_site(shared_catalogue_site, django_db_blocker):
    """The browser tests' catalogue, and an English one under the English home
    (committed with the module's data, see tests/browser/conftest.py)."""
    from django.core.management import call_command
    from wagtail.models import Locale

    with django_db_blocker.unblock():
        english_home = shared_catalogue_site["home"].get_translation(Locale.objects.get(language_code="en"))
        english = publish(english_home, m.CataloguePage(title="Catalogue", slug="catalogue"))
        call_command("reseau_rebuild_catalogue", no_progress=True, verbosity=0)
        root = shared_catalogue_site["url"].split("/", 3)
        return {**shared_catalogue_site, "english_url": "/".join(root[:3]) + english.url}


def toggle_text(count, language="fr"):
    with override(language):
        if not count:
            return gettext("Filters")
        return ngettext("Filters (%(counter)s active)", "Filters (%(counter)s active)", count) % {"counter": count}


def fr(message):
    with override("fr"):
        return gettext(message)


def first_result_top(page):
    return page.locator(".reseau-hit").first.bounding_box()["y"]


def assert_summary_above_results(page):
    """The count and the active filters (when any) come before the results, in the page
    and on the screen."""
    hits_top = first_result_top(page)
    assert page.locator("#reseau-result-count").bounding_box()["y"] < hits_top
    if page.locator(".reseau-active-filters").count():
        assert page.locator(".reseau-active-filters").bounding_box()["y"] < hits_top
    order = page.evaluate(
        """() => {
            const hit = document.querySelector(".reseau-hit");
            const before = selector => {
                const element = document.querySelector(selector);
                return !element || !!(element.compareDocumentPosition(hit) & Node.DOCUMENT_POSITION_FOLLOWING);
            };
            return [before("#reseau-result-count"), before(".reseau-active-filters")];
        }"""
    )
    assert order == [True, True]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("query", ["", FILTERED], ids=["all", "filtered"])
def test_phone_first_result_on_first_screen(browser, catalogue_site, javascript, query):
    from playwright.sync_api import expect

    context = browser.new_context(locale="fr-FR", viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto(catalogue_site["url"] + query)
        if javascript:
            expect(page.locator("[data-reseau-catalogue].reseau-catalogue--enhanced")).to_be_visible()
        expect(page.locator("#reseau-catalogue-filters")).to_be_hidden()
        top = first_result_top(page)
        assert top < PHONE["height"], f"the first result starts at {top}px, below the first screen"
        assert_summary_above_results(page)
        expect(page.locator("[data-reseau-filters-toggle]")).to_have_text(toggle_text(2 if query else 0))
    finally:
        context.close()


def test_phone_without_javascript_the_link_opens_the_panel(browser, catalogue_site):
    from playwright.sync_api import expect

    context = browser.new_context(locale="fr-FR", viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(catalogue_site["url"])
        panel = page.locator("#reseau-catalogue-filters")
        link = page.get_by_role("link", name=toggle_text(0), exact=True)
        expect(panel).to_be_hidden()

        # The link opens the panel; its first link leads past it to the results.
        link.click()
        expect(panel).to_be_visible()
        panel.get_by_role("link", name=fr("Skip the filters, go to the results")).click()
        expect(panel).to_be_hidden()
        assert page.url.endswith("#reseau-catalogue-hits")

        # Open again, tick two boxes, apply: the page reloads with the panel closed, the
        # count of active filters on the link, the results on the first screen.
        link.click()
        expect(panel).to_be_visible()
        page.check("#reseau-domain-participation")
        page.check("#reseau-domain-prevention")
        apply = panel.get_by_role("button", name=fr("Apply the filters"))
        expect(apply).to_be_visible()
        with page.expect_navigation():
            apply.click()
        expect(page.locator("#reseau-result-count")).to_have_text(count_text(5))
        expect(panel).to_be_hidden()
        expect(page.get_by_role("link", name=toggle_text(2), exact=True)).to_be_visible()
        assert first_result_top(page) < PHONE["height"]
        assert_summary_above_results(page)

        # "Close the filters", at the end of the panel, closes it too.
        page.get_by_role("link", name=toggle_text(2), exact=True).click()
        expect(panel).to_be_visible()
        panel.get_by_role("link", name=fr("Close the filters")).click()
        expect(panel).to_be_hidden()
    finally:
        context.close()


def test_phone_with_javascript_the_button_opens_and_closes_by_keyboard(browser, catalogue_site):
    from playwright.sync_api import expect

    context = browser.new_context(locale="fr-FR", viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(catalogue_site["url"])
        expect(page.locator("[data-reseau-catalogue].reseau-catalogue--enhanced")).to_be_visible()
        panel = page.locator("#reseau-catalogue-filters")
        button = page.get_by_role("button", name=toggle_text(0), exact=True)
        expect(button).to_have_attribute("aria-expanded", "false")
        expect(button).to_have_attribute("aria-controls", "reseau-catalogue-filters")
        expect(page.locator("a[data-reseau-filters-toggle]")).to_have_count(0)
        expect(panel).to_be_hidden()

        # Enter opens the panel and moves the focus into it.
        button.focus()
        page.keyboard.press("Enter")
        expect(button).to_have_attribute("aria-expanded", "true")
        expect(panel).to_be_visible()
        assert page.evaluate("document.getElementById('reseau-catalogue-filters').contains(document.activeElement)")

        # A filter, with the keyboard: the results reload in place, the panel stays open,
        # the focus stays on the box, the button counts the filter.
        page.focus("#reseau-domain-participation")
        page.keyboard.press("Space")
        page.wait_for_url(re.compile(r"domain=participation"))
        expect_state(page, 3, {"Conseil citoyen du jardin", "Centre social des Izards", "Une initiative d'habitants"},
                     {"domain": ["participation"]})
        button = page.get_by_role("button", name=toggle_text(1), exact=True)
        expect(button).to_have_attribute("aria-expanded", "true")
        expect(panel).to_be_visible()
        expect(page.locator("#reseau-domain-participation")).to_be_focused()

        # Escape closes it and gives the focus back to the button.
        page.keyboard.press("Escape")
        expect(panel).to_be_hidden()
        expect(button).to_have_attribute("aria-expanded", "false")
        expect(button).to_be_focused()

        # Space opens it again; "Close the filters" closes it, focus on the button.
        page.keyboard.press("Space")
        expect(panel).to_be_visible()
        expect(button).to_have_attribute("aria-expanded", "true")
        panel.get_by_role("link", name=fr("Close the filters")).focus()
        page.keyboard.press("Enter")
        expect(panel).to_be_hidden()
        expect(button).to_be_focused()

        # A second filter from the summary's removal link updates the count again.
        page.locator(".reseau-active-filters a.reseau-chip").first.click()
        page.wait_for_url(lambda url: "domain=" not in url)
        expect(page.get_by_role("button", name=toggle_text(0), exact=True)).to_have_attribute("aria-expanded", "false")
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_axe_panel_open_and_closed(browser, axe_js, catalogue_site, viewport):
    from playwright.sync_api import expect

    context = browser.new_context(locale="fr-FR", viewport=viewport)
    page = context.new_page()
    try:
        page.goto(catalogue_site["url"] + FILTERED)
        expect(page.locator("[data-reseau-catalogue].reseau-catalogue--enhanced")).to_be_visible()
        run_axe(page, axe_js, f"{viewport['width']}px, panel closed")
        if viewport is PHONE:
            page.locator("button[data-reseau-filters-toggle]").click()
            expect(page.locator("#reseau-catalogue-filters")).to_be_visible()
            run_axe(page, axe_js, f"{viewport['width']}px, panel open")
    finally:
        context.close()


def test_desktop_filters_beside_the_results(page, catalogue_site):
    from playwright.sync_api import expect

    page.goto(catalogue_site["url"] + FILTERED)
    expect(page.locator("[data-reseau-catalogue].reseau-catalogue--enhanced")).to_be_visible()
    expect(page.locator("[data-reseau-filters-toggle]")).to_be_hidden()
    expect(page.locator(".reseau-catalogue__back")).to_be_hidden()
    facets = page.locator("#reseau-catalogue-filters").bounding_box()
    hits = page.locator("#reseau-catalogue-hits").bounding_box()
    assert facets["x"] + facets["width"] <= hits["x"], "the filters are not beside the results"
    assert abs(facets["y"] - hits["y"]) < 5
    assert first_result_top(page) < DESKTOP["height"]
    # The skip link is there for the keyboard, shown when it has the focus.
    skip = page.locator(".reseau-catalogue__skip a")
    skip.focus()
    expect(skip).to_be_visible()
    assert skip.bounding_box()["width"] > 10


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_phone_and_desktop_screenshots(browser, catalogue_site, language, viewport):
    """Screenshots for a person to look at (in /tmp), closed and (on a phone) open."""
    from playwright.sync_api import expect

    context = browser.new_context(locale=f"{language}-{language.upper()}", viewport=viewport)
    page = context.new_page()
    try:
        url = catalogue_site["url" if language == "fr" else "english_url"]
        page.goto(url + ("?domain=participation" if language == "fr" else ""))
        expect(page.locator("[data-reseau-catalogue].reseau-catalogue--enhanced")).to_be_visible()
        width = viewport["width"]
        page.screenshot(path=str(SCREENSHOT_DIR / f"reseau-catalogue-{language}-{width}.png"))
        if viewport is PHONE:
            page.locator("button[data-reseau-filters-toggle]").click()
            page.screenshot(path=str(SCREENSHOT_DIR / f"reseau-catalogue-{language}-{width}-open.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the page scrolls horizontally at {width}px ({overflow}px too wide)"
    finally:
        context.close()
