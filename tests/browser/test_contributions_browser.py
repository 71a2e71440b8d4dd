"""The proposal form, its error state and the reuse form in a real browser: axe-core
(WCAG 2.1 A and AA), the error summary announced and focusable, nothing typed lost;
screenshots at 1280 and 390 px."""

import pytest

from wagtail_reseau import models as m

from .conftest import SCREENSHOT_DIR
from .test_catalogue_browser import run_axe
from tests.conftest import publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def catalogue_site(live_server, home, locale_fr):
    """Replaces the catalogue's data (the ``browser`` fixture asks for it): a practice
    list, one practice and a few terms."""
    m.DomainOfAction.objects.create(name="Santé", slug="sante", locale=locale_fr)
    m.Territory.objects.create(name="Occitanie", slug="occitanie", kind="region", code="76", locale=locale_fr)
    index = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="pratiques"))
    practice = publish(index, m.GoodPracticePage(title="Le jardin partagé", slug="jardin", summary="Cultiver."))
    return {
        "propose": live_server.url + index.url + index.reverse_subpage("proposal_form"),
        "reuse": live_server.url + practice.url + practice.reverse_subpage("reuse_form"),
    }


def shoot(page, name):
    folder = SCREENSHOT_DIR / "proposals"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def test_the_proposal_form_and_its_errors(axe_js, page, catalogue_site):
    from playwright.sync_api import expect

    page.goto(catalogue_site["propose"])
    expect(page.locator("h1")).to_be_visible()
    run_axe(page, axe_js, "proposal form")
    shoot(page, "proposal-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    shoot(page, "proposal-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.fill("#id_title", "Le café des parents")
    page.fill("#id_contact_email", "pas-une-adresse")
    page.locator("button[name=submit]").click()
    summary = page.locator(".reseau-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_have_attribute("role", "alert")
    expect(page.locator("#id_title")).to_have_value("Le café des parents")  # nothing typed is lost
    run_axe(page, axe_js, "proposal form with errors")
    shoot(page, "proposal-errors-1280")


def test_the_reuse_form(axe_js, page, catalogue_site):
    from playwright.sync_api import expect

    page.goto(catalogue_site["reuse"])
    expect(page.locator("h1")).to_be_visible()
    run_axe(page, axe_js, "reuse form")
    page.locator(".reseau-form button[type=submit]").click()
    expect(page.locator(".reseau-error-summary")).to_be_visible()
    run_axe(page, axe_js, "reuse form with errors")
    shoot(page, "reuse-errors-1280")
