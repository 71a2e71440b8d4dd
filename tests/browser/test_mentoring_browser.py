"""The mentoring forms in a real browser: axe-core (WCAG 2.1 A and AA) on the answer
form of an offer, on its error state after it is sent without the required fields
(error summary announced with role=alert, errors tied to their fields, nothing typed
lost) at 1280 and 390 px, and on the request form of the mentoring exchange.

One test, so the data is built once for the module: a mentoring exchange and one
open offer."""

import pytest

from wagtail_reseau import models as m

from .conftest import SCREENSHOT_DIR
from .test_catalogue_browser import run_axe
from tests.conftest import publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def catalogue_site(live_server, home, vocab, federation):
    """Replaces the catalogue's data (the ``browser`` fixture asks for it): a
    mentoring exchange with one open offer."""
    index = publish(home, m.MentoringIndexPage(title="Parrainage", slug="parrainage"))
    offer = m.MentoringPage(
        title="Offre budget participatif",
        slug="offre-budget",
        direction="offer",
        organisation=federation,
        mentoring_format="both",
        contact_name="Contact fédération",
        contact_email="parrainage@example.org",
    )
    offer.domains.set([vocab["participation"]])
    offer = publish(index, offer)
    return {
        "answer": live_server.url + offer.answer_form_url(),
        "request": live_server.url + index.request_form_url(),
    }


DANGLING_DESCRIBEDBY = """() => Array.from(document.querySelectorAll('.reseau-form [aria-describedby]')).flatMap(
    element => element.getAttribute('aria-describedby').split(/\\s+/).filter(id => id && !document.getElementById(id))
)"""


def shoot(page, name):
    folder = SCREENSHOT_DIR / "mentoring"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def test_the_answer_form_its_errors_and_the_request_form(axe_js, page, catalogue_site):
    from playwright.sync_api import expect

    # (1) The answer form of an offer.
    page.goto(catalogue_site["answer"])
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".reseau-error-summary")).to_have_count(0)
    run_axe(page, axe_js, "answer form")
    shoot(page, "answer-1280")

    # (2) Sent without the required fields: a 400, the summary announced and linked
    # to the fields, each field marked invalid, what was typed kept.
    page.fill("#id_organisation_name", "Maison de quartier du Mirail")
    page.fill("#id_message", "Nous voulons monter un budget participatif.")
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.locator(".reseau-form button[type=submit]").click()
    assert posted.value.status == 400
    summary = page.locator(".reseau-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_have_attribute("role", "alert")
    expect(summary.locator('a[href="#id_contact_name"]')).to_have_count(1)
    expect(summary.locator('a[href="#id_contact_email"]')).to_have_count(1)
    expect(page.locator("#id_contact_email")).to_have_attribute("aria-invalid", "true")
    # Each field's aria-describedby points to elements that exist: its errors are read with it.
    dangling = page.evaluate(DANGLING_DESCRIBEDBY)
    assert not dangling, f"aria-describedby points to missing ids: {dangling}"
    expect(page.locator("#id_contact_email_error")).to_be_visible()
    expect(page.locator("#id_organisation_name")).to_have_value("Maison de quartier du Mirail")
    expect(page.locator("#id_message")).to_have_value("Nous voulons monter un budget participatif.")
    run_axe(page, axe_js, "answer form with errors, 1280 px")
    shoot(page, "answer-errors-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    run_axe(page, axe_js, "answer form with errors, 390 px")
    shoot(page, "answer-errors-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    # (3) The request form of the mentoring exchange (it asks for a subject).
    page.goto(catalogue_site["request"])
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("#id_title")).to_be_visible()
    run_axe(page, axe_js, "request form")
    shoot(page, "request-1280")
