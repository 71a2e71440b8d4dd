"""The directory's map in a real browser: no serious or critical axe violation on
the page with its map drawn, keyboard users reach every organisation of the list
and the map lets the focus go, the map follows a filter (the same organisations as
the list), and screenshots at 1280 and 390 px in French and English.

Data: tests/catalogue/located.py (five organisations in the directory, four of them
located). Tiles are pointed at a path the live server does not serve: no network."""

import re

import pytest
from django.core.management import call_command

from .conftest import SCREENSHOT_DIR
from .test_catalogue_browser import run_axe
from tests.catalogue.located import DIRECTORY_LOCATED, build_located

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SHOTS = SCREENSHOT_DIR / "shots" / "map"


@pytest.fixture
def catalogue_site(live_server, home, locale_fr, locale_en, settings):
    """The located network served by the live server, and an English directory."""
    settings.WAGTAIL_RESEAU_MAP_TILES_URL = "/no-tiles/{z}/{x}/{y}.png"
    pages, _terms = build_located(home, locale_fr)
    english_home = home.copy_for_translation(locale_en)
    english_home.save_revision().publish()
    english_directory = pages["directory"].copy_for_translation(locale_en)
    english_directory.save_revision().publish()
    for key in ("federation", "izards", "lille", "roubaix", "unlocated"):
        translation = pages[key].copy_for_translation(locale_en)
        translation.save_revision().publish()
    call_command("reseau_rebuild_catalogue", no_progress=True, verbosity=0)
    english_directory.refresh_from_db()
    return {
        "url": live_server.url + pages["directory"].url,
        "english_url": live_server.url + english_directory.url,
        "pages": pages,
        "located_urls": {pages[key].url for key in DIRECTORY_LOCATED},
    }


def wait_for_map(page):
    from playwright.sync_api import expect

    expect(page.locator("[data-reseau-map]")).to_be_visible()
    expect(page.locator(".leaflet-marker-icon").first).to_be_attached()


def test_the_directory_map_is_accessible_and_the_list_reachable_by_keyboard(axe_js, page, catalogue_site):
    page.goto(catalogue_site["url"])
    wait_for_map(page)
    run_axe(page, axe_js, "directory with its map")

    list_links = page.eval_on_selector_all(
        ".reseau-hit__title a", "links => links.map(link => link.getAttribute('href'))"
    )
    assert len(list_links) == 5
    reached, in_map, left_map = [], False, False
    for _step in range(150):
        page.keyboard.press("Tab")
        state = page.evaluate(
            "() => { const el = document.activeElement; return {href: el && el.getAttribute('href'),"
            " inMap: !!(el && el.closest('.reseau-map__canvas')),"
            " inList: !!(el && el.closest('.reseau-hit__title'))}; }"
        )
        if state["inMap"]:
            in_map = True
        elif in_map:
            left_map = True
        if state["inList"]:
            reached.append(state["href"])
        if set(list_links) <= set(reached):
            break
    assert set(list_links) <= set(reached), f"not reached by keyboard: {set(list_links) - set(reached)}"
    assert in_map and left_map, "the focus should enter the map and leave it"


def test_the_map_follows_a_filter_and_screenshots(page, catalogue_site):
    from playwright.sync_api import expect

    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(catalogue_site["url"] + "?territory=nord")
    wait_for_map(page)
    expect(page.locator(".reseau-hit")).to_have_count(2)
    expect(page.locator("[data-reseau-map-count]")).to_have_text(re.compile(r"^2 "))

    # Choosing another filter in place (catalogue.js) redraws the map from the new address.
    page.goto(catalogue_site["url"])
    wait_for_map(page)
    expect(page.locator("[data-reseau-map-count]")).to_have_text(re.compile(rf"^{len(DIRECTORY_LOCATED)} "))
    page.locator('input[name="territory"][value="occitanie"]').check()
    expect(page.locator(".reseau-hit")).to_have_count(3)  # two located, one without coordinates
    expect(page.locator("[data-reseau-map-count]")).to_have_text(re.compile(r"^2 "))

    for language, url in (("fr", catalogue_site["url"]), ("en", catalogue_site["english_url"])):
        for width, height in ((1280, 900), (390, 844)):
            page.set_viewport_size({"width": width, "height": height})
            page.goto(url)
            wait_for_map(page)
            page.wait_for_timeout(300)
            page.screenshot(path=str(SHOTS / f"directory-{language}-{width}.png"), full_page=True)
