"""The catalogue in a real browser: a visitor's journey with and without JavaScript,
keyboard use, and an axe-core scan (WCAG 2.1 A and AA).

Data: the golden network (tests/catalogue/golden.py). With the text "habitants" the
catalogue finds p1, p3, o1 and n1; among them Participation des habitants gives p3,
o1 and n1, Prévention adds p1 (or within a facet), and Nord keeps n1 alone (and across
facets)."""

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils.translation import gettext, ngettext, override

from .conftest import SCREENSHOT_DIR

# No django_db marker: catalogue_site (tests/browser/conftest.py) is built once for the
# module and gives each test the `db` transaction, rolled back after it.
pytestmark = pytest.mark.browser

P1 = "Ateliers de prévention santé"
P3 = "Conseil citoyen du jardin"
O1 = "Centre social des Izards"
N1 = "Une initiative d'habitants"
SEARCH = {P1, P3, O1, N1}
PARTICIPATION = {P3, O1, N1}

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}


def count_text(count):
    with override("fr"):
        return ngettext("%(counter)s result", "%(counter)s results", count) % {"counter": count}


def fr(message):
    with override("fr"):
        return gettext(message)


def expect_state(page, count, titles, params):
    """The count, the result titles and the address bar's parameters (a dict of lists,
    in any order: the form sends the values in the order of the page)."""
    from playwright.sync_api import expect

    expect(page.locator("#reseau-result-count")).to_have_text(count_text(count))
    expect(page.locator("[data-reseau-catalogue-results]")).not_to_have_attribute("aria-busy", "true")
    assert set(page.locator(".reseau-hit__title a").all_inner_texts()) == set(titles)
    found = {key: sorted(values) for key, values in parse_qs(urlsplit(page.url).query).items()}
    if found.get("sort") == ["relevance"]:  # the default: the plain form sends it, the script leaves it out
        del found["sort"]
    assert found == {key: sorted(values) for key, values in params.items()}


def expect_checked(page, *checked, unchecked=()):
    from playwright.sync_api import expect

    for element_id in checked:
        expect(page.locator(f"#{element_id}")).to_be_checked()
    for element_id in unchecked:
        expect(page.locator(f"#{element_id}")).not_to_be_checked()


def assert_unique_ids(page):
    duplicates = page.evaluate(
        """() => {
            const seen = {};
            document.querySelectorAll("[id]").forEach(element => { seen[element.id] = (seen[element.id] || 0) + 1; });
            return Object.keys(seen).filter(id => seen[id] > 1);
        }"""
    )
    assert duplicates == [], f"ids used more than once after an update in place: {duplicates}"


def chip(page, label):
    return page.locator(".reseau-active-filters a.reseau-chip", has_text=label)


def test_journey_with_javascript(page, catalogue_site):
    from playwright.sync_api import expect

    requests = []
    page.on("request", lambda request: request.resource_type == "document" and requests.append(request.url))
    page.goto(catalogue_site["url"])
    expect(page.locator("[data-reseau-catalogue].reseau-catalogue--enhanced")).to_be_visible()
    expect(page.locator("#reseau-result-count")).to_have_text(count_text(8))
    # The apply button is for visitors without JavaScript: every change applies at once.
    expect(page.locator("[data-reseau-apply]")).to_be_hidden()
    page.evaluate("window.__reseauMarker = 1")

    # Search: type the text, press Enter.
    page.fill("#reseau-q", "habitants")
    page.press("#reseau-q", "Enter")
    page.wait_for_url(re.compile(r"q=habitants"))
    expect_state(page, 4, SEARCH, {"q": ["habitants"]})
    expect(page).to_have_title(re.compile("Catalogue"))

    # A first domain, with the mouse.
    page.click("#reseau-domain-participation")
    page.wait_for_url(re.compile(r"domain=participation"))
    expect_state(page, 3, PARTICIPATION, {"q": ["habitants"], "domain": ["participation"]})
    expect(page.locator(".reseau-active-filters")).to_contain_text("Participation des habitants")

    # A second domain, with the keyboard: focus, Space. Focus stays on the checkbox.
    page.focus("#reseau-domain-prevention")
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"domain=prevention"))
    expect_state(page, 4, SEARCH, {"q": ["habitants"], "domain": ["prevention", "participation"]})
    expect(page.locator("#reseau-domain-prevention")).to_be_focused()
    expect_checked(page, "reseau-domain-prevention", "reseau-domain-participation")

    # A territory.
    page.click("#reseau-territory-nord")
    page.wait_for_url(re.compile(r"territory=nord"))
    expect_state(
        page, 1, {N1}, {"q": ["habitants"], "domain": ["prevention", "participation"], "territory": ["nord"]}
    )
    expect_checked(page, "reseau-domain-prevention", "reseau-domain-participation", "reseau-territory-nord")
    expect(chip(page, "Nord")).to_have_count(1)

    # Remove the territory from the summary of active filters: focus goes to the count.
    chip(page, "Nord").click()
    page.wait_for_url(lambda url: "territory=" not in url)
    expect_state(page, 4, SEARCH, {"q": ["habitants"], "domain": ["prevention", "participation"]})
    expect(page.locator("#reseau-result-count")).to_be_focused()
    expect_checked(page, "reseau-domain-prevention", "reseau-domain-participation", unchecked=["reseau-territory-nord"])

    # Back: the previous state, boxes ticked again.
    page.go_back()
    page.wait_for_url(re.compile(r"territory=nord"))
    expect_state(
        page, 1, {N1}, {"q": ["habitants"], "domain": ["prevention", "participation"], "territory": ["nord"]}
    )
    expect_checked(page, "reseau-domain-prevention", "reseau-domain-participation", "reseau-territory-nord")
    expect(page.locator("#reseau-q")).to_have_value("habitants")

    # Back again, twice: the search with one domain, then the search alone.
    page.go_back()
    page.wait_for_url(lambda url: "territory=" not in url and "prevention" in url)
    expect_state(page, 4, SEARCH, {"q": ["habitants"], "domain": ["prevention", "participation"]})
    page.go_back()
    page.wait_for_url(lambda url: "prevention" not in url)
    expect_state(page, 3, PARTICIPATION, {"q": ["habitants"], "domain": ["participation"]})

    # Every step happened in place: one document load only, the page's state survived,
    # and the swapped region left no old node behind.
    assert_unique_ids(page)
    assert page.evaluate("window.__reseauMarker") == 1
    assert requests == [catalogue_site["url"]]


def test_journey_without_javascript(page_without_js, catalogue_site):
    from playwright.sync_api import expect

    page = page_without_js
    page.goto(catalogue_site["url"])
    expect(page.locator("#reseau-result-count")).to_have_text(count_text(8))
    expect(page.locator("[data-reseau-catalogue].reseau-catalogue--enhanced")).to_have_count(0)
    apply = page.get_by_role("button", name=fr("Apply the filters"))
    expect(apply).to_be_visible()

    # Search: a full page load.
    page.fill("#reseau-q", "habitants")
    with page.expect_navigation():
        page.get_by_role("button", name=fr("Search"), exact=True).click()
    expect_state(page, 4, SEARCH, {"q": ["habitants"]})

    # Tick two domains and a territory; nothing happens until the filters are applied.
    page.check("#reseau-domain-participation")
    page.check("#reseau-domain-prevention")
    page.check("#reseau-territory-nord")
    expect(page.locator("#reseau-result-count")).to_have_text(count_text(4))
    with page.expect_navigation():
        apply.click()
    expect_state(
        page, 1, {N1}, {"q": ["habitants"], "domain": ["prevention", "participation"], "territory": ["nord"]}
    )
    expect_checked(page, "reseau-domain-prevention", "reseau-domain-participation", "reseau-territory-nord")

    # Remove one filter with its link.
    with page.expect_navigation():
        chip(page, "Participation des habitants").click()
    expect_state(page, 0, set(), {"q": ["habitants"], "domain": ["prevention"], "territory": ["nord"]})
    expect(page.locator(".reseau-empty")).to_contain_text(fr("Nothing matches this search."))
    expect_checked(page, "reseau-domain-prevention", "reseau-territory-nord", unchecked=["reseau-domain-participation"])

    # Back.
    page.go_back()
    page.wait_for_url(re.compile(r"domain=participation"))
    expect_state(
        page, 1, {N1}, {"q": ["habitants"], "domain": ["prevention", "participation"], "territory": ["nord"]}
    )
    expect_checked(page, "reseau-domain-prevention", "reseau-domain-participation", "reseau-territory-nord")


def run_axe(page, axe_js, state):
    page.add_script_tag(path=str(axe_js))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    violations = results["violations"]
    for violation in violations:
        print(f"[axe, {state}] {violation['impact']}: {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            print("    ", node["target"], node.get("failureSummary", "").replace("\n", " "))
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe found serious or critical violations ({state}):\n" + json.dumps(
        [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]]}
            for v in blocking
        ],
        indent=2,
        ensure_ascii=False,
    )
    return violations


def test_axe_results_facets_open_and_empty_state(axe_js, page, catalogue_site):
    from playwright.sync_api import expect

    url = catalogue_site["url"]

    # The first page of everything: pagination, every facet, "show more" opened.
    page.goto(url)
    more = page.locator("details.reseau-facet__more")
    assert more.count() >= 1, "the test expects at least one facet with a “show more” disclosure"
    for index in range(more.count()):
        more.nth(index).locator("summary").click()
        expect(more.nth(index)).to_have_attribute("open", "")
    expect(page.locator(".reseau-pagination")).to_be_visible()
    run_axe(page, axe_js, "all results, show more opened")

    # After an update in place (JavaScript): the opened disclosure stays open.
    type_more = page.locator("#reseau-facet-type details.reseau-facet__more")
    expect(type_more).to_have_attribute("open", "")
    page.click("#reseau-type-practice")
    page.wait_for_url(re.compile(r"type=practice"))
    expect(page.locator("#reseau-result-count")).to_have_text(count_text(4))
    expect(type_more).to_have_attribute("open", "")
    assert_unique_ids(page)
    run_axe(page, axe_js, "after an update in place")

    # Filters selected: the summary of active filters and a selected value at zero.
    page.goto(url + "?q=habitants&domain=prevention&domain=participation&territory=nord&sort=title")
    expect(page.locator(".reseau-active-filters")).to_be_visible()
    run_axe(page, axe_js, "filtered results")

    # The empty state, with its suggestions, and an ignored parameter.
    page.goto(url + "?q=zzzzzz&domain=logement&colour=blue")
    expect(page.locator(".reseau-empty")).to_be_visible()
    expect(page.locator("#reseau-ignored")).to_be_visible()
    run_axe(page, axe_js, "empty state")


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots(page, catalogue_site, width):
    """Screenshots for a person to look at (in /tmp); no horizontal scrolling."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(catalogue_site["url"] + "?domain=participation&domain=prevention")
    from playwright.sync_api import expect

    expect(page.locator("[data-reseau-catalogue].reseau-catalogue--enhanced")).to_be_visible()
    toggle = page.locator("button[data-reseau-filters-toggle]")
    if toggle.is_visible():  # on a phone the filters are a closed panel
        toggle.click()
    page.locator("details.reseau-facet__more summary").first.click()
    path = SCREENSHOT_DIR / f"reseau-catalogue-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 0
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls horizontally at {width}px ({overflow}px too wide)"
