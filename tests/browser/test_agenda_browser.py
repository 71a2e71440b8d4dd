"""The agenda page in a real browser: an axe-core scan (WCAG 2.1 A and AA) at 1280
and 390 px with a filter chosen, no horizontal scrolling, and the filters form
a plain GET form (the page has no script)."""

import pytest
from django.core.cache import cache

from wagtail_reseau import models as m

from .conftest import SCREENSHOT_DIR
from .test_catalogue_browser import run_axe
from tests.conftest import in_days, publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def catalogue_site(live_server, home, locale_fr):
    """Replaces the catalogue's data (the ``browser`` fixture asks for it): a few
    classified forums and sessions and an agenda page."""
    cache.clear()
    health = m.DomainOfAction.objects.create(name="Santé", slug="sante", locale=locale_fr)
    other = m.DomainOfAction.objects.create(name="Participation des habitants", slug="participation", locale=locale_fr)
    forums = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    for number, (title, domain) in enumerate(
        [("Forum : la santé dans le quartier", health), ("Forum : habiter ensemble", other)]
    ):
        publish(
            forums,
            m.ForumPage(
                title=title, slug=f"forum-{number}",
                start=in_days(10 + 30 * number, 9), end=in_days(10 + 30 * number, 17),
                venue_name="Maison des associations", venue_address="12 rue des Chamois, 31200 Toulouse",
                domains=[domain],
            ),
        )
    trainings = publish(home, m.TrainingIndexPage(title="Formations", slug="formations"))
    publish(
        trainings,
        m.TrainingCapsulePage(
            title="Animer un collectif d'habitants", slug="animer", domains=[health],
            sessions=[m.TrainingSession(start=in_days(20, 9), end=in_days(20, 12), place="Toulouse")],
        ),
    )
    agenda = publish(home, m.AgendaPage(title="Agenda", slug="agenda", intro="<p>Ce qui vient dans le réseau.</p>"))
    return {"url": live_server.url + agenda.url}


@pytest.mark.parametrize("width", [1280, 390])
def test_agenda_has_no_serious_violation_and_no_horizontal_scroll(axe_js, page, catalogue_site, width):
    from playwright.sync_api import expect

    page.set_viewport_size({"width": width, "height": 900})
    page.goto(catalogue_site["url"])
    expect(page.locator(".reseau-agenda__event")).to_have_count(3)
    # The filters are a plain GET form.
    page.get_by_label("Domaine d’action").select_option("sante")
    page.locator(".reseau-agenda__filters button").click()
    page.wait_for_url("**/agenda/?domain=sante*")
    expect(page.locator(".reseau-agenda__event")).to_have_count(2)
    expect(page.locator("[role=alert]")).to_have_count(0)  # the other filters' "All" is no filter
    assert "domain=sante" in page.locator("#agenda-feed-address").input_value()
    run_axe(page, axe_js, f"agenda at {width}px")
    path = SCREENSHOT_DIR / f"reseau-agenda-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls horizontally at {width}px ({overflow}px too wide)"
