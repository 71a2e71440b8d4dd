"""The search box's title suggestions in a real browser: the WAI-ARIA 1.2 combobox
(list autocomplete, listbox popup) that catalogue.js makes of the search field, with
the keyboard and the mouse, its announcements, an axe-core scan with the list open, a
phone's width, and the plain field without JavaScript.

Data: the golden network (tests/catalogue/golden.py). "Conseil ci" proposes Conseil
citoyen du jardin (p3) alone; "forum" proposes the two forums, Forum logement (f2)
then Forum prévention (f1), in the order of their titles."""

import re

import pytest
from django.utils.translation import gettext, ngettext, override

from .test_catalogue_browser import count_text, expect_state, run_axe

# No django_db marker: catalogue_site (tests/browser/conftest.py) is built once for the
# module and gives each test the `db` transaction, rolled back after it.
pytestmark = pytest.mark.browser

P3 = "Conseil citoyen du jardin"
F1 = "Forum prévention"
F2 = "Forum logement"
COMBOBOX = "#reseau-q"
LISTBOX = "#reseau-q-suggestions"


def suggestions_text(count):
    with override("fr"):
        return ngettext(
            "%(counter)s suggestion available; use the up and down arrows to choose it.",
            "%(counter)s suggestions available; use the up and down arrows to choose one.",
            count,
        ) % {"counter": count}


def fr(message):
    with override("fr"):
        return gettext(message)


def options(page):
    return page.locator(f"{LISTBOX} [role=option]")


def status(page):
    return page.locator(".reseau-autocomplete [role=status]")


def open_catalogue(page, catalogue_site):
    from playwright.sync_api import expect

    page.goto(catalogue_site["url"])
    expect(page.locator("[data-reseau-catalogue].reseau-catalogue--enhanced")).to_be_visible()
    combobox = page.locator(COMBOBOX)
    expect(combobox).to_have_attribute("role", "combobox")
    expect(combobox).to_have_attribute("aria-autocomplete", "list")
    expect(combobox).to_have_attribute("aria-expanded", "false")
    expect(combobox).to_have_attribute("aria-controls", "reseau-q-suggestions")
    expect(page.locator(LISTBOX)).to_be_hidden()
    return combobox


def type_text(page, text):
    page.locator(COMBOBOX).click()
    page.locator(COMBOBOX).press_sequentially(text, delay=20)


def expect_active(page, index, title):
    from playwright.sync_api import expect

    option = options(page).nth(index)
    option_id = option.get_attribute("id")
    assert option_id, "every option has an id for aria-activedescendant"
    expect(page.locator(COMBOBOX)).to_have_attribute("aria-activedescendant", option_id)
    expect(option).to_have_attribute("aria-selected", "true")
    expect(option).to_have_text(title)
    expect(page.locator(f"{LISTBOX} [aria-selected=true]")).to_have_count(1)


def test_keyboard_choose_a_title_and_axe(axe_js, page, catalogue_site):
    from playwright.sync_api import expect

    combobox = open_catalogue(page, catalogue_site)
    requests = []
    page.on("request", lambda request: "format=autocomplete" in request.url and requests.append(request.url))

    # One character: nothing asked yet. A prefix of a title: the list, announced.
    type_text(page, "C")
    page.wait_for_timeout(400)
    expect(page.locator(LISTBOX)).to_be_hidden()
    assert requests == []
    combobox.press_sequentially("onseil ci", delay=20)
    listbox = page.get_by_role("listbox", name=fr("Suggested pages"))
    expect(listbox).to_be_visible()
    expect(options(page)).to_have_text([P3])
    expect(combobox).to_have_attribute("aria-expanded", "true")
    expect(combobox).not_to_have_attribute("aria-activedescendant", re.compile(".*"))
    expect(status(page)).to_have_text(suggestions_text(1))
    expect(status(page)).to_have_attribute("aria-live", "polite")
    # Debounced: fewer requests than keystrokes, the last one for the whole text.
    assert len(requests) < len("onseil ci"), requests
    assert "q=Conseil+ci" in requests[-1] or "q=Conseil%20ci" in requests[-1], requests

    # The page with the list open: no serious or critical violation.
    run_axe(page, axe_js, "suggestions open")

    # Down arrow: the first option is active; the focus stays in the field.
    combobox.press("ArrowDown")
    expect_active(page, 0, P3)
    expect(combobox).to_be_focused()
    run_axe(page, axe_js, "an option active")

    # Escape closes the list and keeps the text; Down opens it again on the first option.
    combobox.press("Escape")
    expect(combobox).to_have_attribute("aria-expanded", "false")
    expect(page.locator(LISTBOX)).to_be_hidden()
    expect(combobox).not_to_have_attribute("aria-activedescendant", re.compile(".*"))
    expect(combobox).to_have_value("Conseil ci")
    combobox.press("ArrowDown")
    expect(combobox).to_have_attribute("aria-expanded", "true")
    expect_active(page, 0, P3)

    # Enter on the active option: that page.
    combobox.press("Enter")
    page.wait_for_url(re.compile(r"/p3/$"))
    expect(page.locator("h1")).to_have_text(P3)


def test_arrows_wrap_and_escape_twice_clears(page, catalogue_site):
    from playwright.sync_api import expect

    combobox = open_catalogue(page, catalogue_site)
    type_text(page, "forum")
    expect(options(page)).to_have_text([F2, F1])
    expect(status(page)).to_have_text(suggestions_text(2))

    combobox.press("ArrowDown")
    expect_active(page, 0, F2)
    combobox.press("ArrowDown")
    expect_active(page, 1, F1)
    combobox.press("ArrowDown")  # wraps to the first
    expect_active(page, 0, F2)
    combobox.press("ArrowUp")  # wraps to the last
    expect_active(page, 1, F1)
    combobox.press("ArrowUp")
    expect_active(page, 0, F2)

    # Typing again: no active option until the arrows are used again.
    combobox.press_sequentially(" l", delay=20)
    expect(options(page)).to_have_text([F2])
    expect(combobox).not_to_have_attribute("aria-activedescendant", re.compile(".*"))

    # Escape closes, a second Escape clears the field.
    combobox.press("Escape")
    expect(combobox).to_have_attribute("aria-expanded", "false")
    expect(combobox).to_have_value("forum l")
    combobox.press("Escape")
    expect(combobox).to_have_value("")
    expect(page.locator(LISTBOX)).to_be_hidden()

    # Tab closes the list too, and moves on.
    type_text(page, "forum")
    expect(page.locator(LISTBOX)).to_be_visible()
    combobox.press("Tab")
    expect(combobox).to_have_attribute("aria-expanded", "false")
    expect(combobox).not_to_be_focused()


def test_enter_without_an_active_option_searches_in_place(page, catalogue_site):
    from playwright.sync_api import expect

    combobox = open_catalogue(page, catalogue_site)
    page.evaluate("window.__reseauMarker = 1")
    type_text(page, "habitants")
    expect(options(page)).to_have_text(["Une initiative d'habitants"])
    combobox.press("Enter")
    page.wait_for_url(re.compile(r"q=habitants"))
    expect_state(
        page,
        4,
        {"Ateliers de prévention santé", P3, "Centre social des Izards", "Une initiative d'habitants"},
        {"q": ["habitants"]},
    )
    expect(page.locator(LISTBOX)).to_be_hidden()
    expect(combobox).to_have_attribute("aria-expanded", "false")
    # Updated in place, as before: the same document.
    assert page.evaluate("window.__reseauMarker") == 1
    # And the box still proposes titles after the update.
    combobox.fill("")
    type_text(page, "forum")
    expect(options(page)).to_have_text([F2, F1])


def test_mouse_outside_closes_and_a_click_goes_to_the_page(page, catalogue_site):
    from playwright.sync_api import expect

    combobox = open_catalogue(page, catalogue_site)
    type_text(page, "forum")
    expect(page.locator(LISTBOX)).to_be_visible()
    page.locator("h1").click()
    expect(page.locator(LISTBOX)).to_be_hidden()
    expect(combobox).to_have_attribute("aria-expanded", "false")

    combobox.fill("")
    type_text(page, "forum")
    expect(options(page)).to_have_text([F2, F1])
    options(page).nth(1).click()
    page.wait_for_url(re.compile(r"/f1/$"))
    expect(page.locator("h1")).to_have_text(F1)


def test_no_suggestion_and_failures_leave_a_plain_search_field(page, catalogue_site):
    from playwright.sync_api import expect

    combobox = open_catalogue(page, catalogue_site)
    type_text(page, "forum")
    expect(page.locator(LISTBOX)).to_be_visible()
    combobox.press_sequentially("zzz", delay=20)
    expect(page.locator(LISTBOX)).to_be_hidden()
    expect(status(page)).to_have_text(fr("No suggestions."))

    # The endpoint fails: nothing shows, the search still works.
    page.route(re.compile(r"format=autocomplete"), lambda route: route.fulfill(status=500, body="no"))
    combobox.fill("")
    type_text(page, "Conseil")
    page.wait_for_timeout(500)
    expect(page.locator(LISTBOX)).to_be_hidden()
    combobox.press("Enter")
    page.wait_for_url(re.compile(r"q=Conseil"))
    expect(page.locator("#reseau-result-count")).to_have_text(count_text(1))


def test_phone_width(page, catalogue_site):
    """The list fits the screen of a phone; a screenshot for a person to look at."""
    from playwright.sync_api import expect

    from .conftest import SCREENSHOT_DIR

    page.set_viewport_size({"width": 320, "height": 640})
    open_catalogue(page, catalogue_site)
    type_text(page, "forum")
    expect(options(page)).to_have_count(2)
    page.locator(COMBOBOX).press("ArrowDown")
    box = page.locator(LISTBOX).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320, box
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls horizontally with the suggestions open ({overflow}px too wide)"
    page.screenshot(path=str(SCREENSHOT_DIR / "reseau-autocomplete-320.png"))


def test_without_javascript_a_plain_search_field(page_without_js, catalogue_site):
    from playwright.sync_api import expect

    page = page_without_js
    page.goto(catalogue_site["url"])
    field = page.get_by_role("searchbox", name=fr("Search the network"))
    expect(field).to_be_visible()
    expect(page.locator(COMBOBOX)).not_to_have_attribute("role", re.compile(".*"))
    expect(page.locator("[role=listbox]")).to_have_count(0)
    field.fill("Conseil ci")
    page.wait_for_timeout(300)
    expect(page.locator("[role=listbox]")).to_have_count(0)
    with page.expect_navigation():
        field.press("Enter")
    expect(page).to_have_url(re.compile(r"q=Conseil\+ci"))
