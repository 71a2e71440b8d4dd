"""The registration form of a forum in a real browser: axe-core (WCAG 2.1 A and AA)
on the form, on its error state (focusable summary, errors tied to fields) and on
the registrant's private page, and on the page the e-mailed confirmation link opens
(its button, a POST with the CSRF token, is what confirms); screenshots at 1280 and 390 px."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from wagtail.models import Site

from wagtail_reseau import models as m

from .conftest import SCREENSHOT_DIR
from .test_catalogue_browser import run_axe
from tests.conftest import in_days, publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def catalogue_site(live_server, locale_fr):
    """Replaces the catalogue's data (the ``browser`` fixture asks for it): one forum."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    forums = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    forum = publish(
        forums,
        m.ForumPage(
            title="Forum : habiter le quartier",
            slug="habiter",
            start=in_days(12, 9),
            venue_name="Maison des associations",
            attendance_mode="hybrid",
            online_url="https://visio.example.org/salle",
            capacity=30,
            accessibility_services=["sign_interpretation", "step_free"],
        ),
    )
    return {"url": live_server.url + forum.url, "forum": forum, "live_server": live_server}


@override_settings(WAGTAIL_RESEAU_REGISTRATION_DOUBLE_OPT_IN=False)
def test_form_errors_and_private_page_pass_axe(axe_js, page, catalogue_site):
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(catalogue_site["url"])
    run_axe(page, axe_js, "form")
    page.screenshot(path=str(SCREENSHOT_DIR / "registration-form-1280.png"), full_page=True)

    # Sent empty: the summary lists the errors, each linked to its field; nothing is lost.
    page.fill("#id_name", "Awa Diallo")
    page.locator(".reseau-registration-form button[type=submit]").click()
    summary = page.locator(".reseau-error-summary")
    expect(summary).to_be_visible()
    assert page.input_value("#id_name") == "Awa Diallo"
    assert page.get_attribute("#id_email", "aria-invalid") == "true"
    run_axe(page, axe_js, "form with errors")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(SCREENSHOT_DIR / "registration-errors-390.png"), full_page=True)

    page.fill("#id_email", "awa@example.org")
    page.check("#id_consent")
    page.locator(".reseau-registration-form button[type=submit]").click()
    expect(page.locator(".reseau-registration__outcome")).to_be_visible()

    private = re.search(r"http://[^\s]+/registrations/r/[^\s]+/", mail.outbox[-1].body).group(0)
    private = re.sub(r"^http://[^/]+", catalogue_site["live_server"].url, private)
    page.goto(private)
    expect(page.get_by_role("link", name=re.compile("salle|Join|Rejoindre", re.I))).to_be_visible()
    run_axe(page, axe_js, "private page")
    page.screenshot(path=str(SCREENSHOT_DIR / "registration-private-390.png"), full_page=True)


@pytest.fixture
def pending(catalogue_site):
    """A registration waiting for its address to be confirmed, and its e-mailed link
    (made before Playwright's event loop starts: the ORM is synchronous)."""
    from wagtail_reseau.events.registrations import capacity, links
    from wagtail_reseau.events.registrations.models import Registration
    from wagtail_reseau.events.registrations.targets import EventTarget

    registration = capacity.register(
        EventTarget(catalogue_site["forum"]),
        Registration(name="Awa Diallo", email="awa@example.org", language="fr"),
        double_opt_in=True,
    )
    link = catalogue_site["live_server"].url + re.sub(r"^http://[^/]+", "", links.confirm_url(registration))
    return registration, link


def test_the_confirmation_link_shows_a_button_that_confirms(axe_js, pending, page, catalogue_site):
    from playwright.sync_api import expect

    registration, link = pending
    page.goto(link)
    button = page.get_by_role("button", name=re.compile("Confirmer mon inscription|Confirm my registration"))
    expect(button).to_be_visible()
    run_axe(page, axe_js, "confirmation page")
    page.screenshot(path=str(SCREENSHOT_DIR / "registration-confirm-1280.png"), full_page=True)
    # Had opening the link confirmed, the page would say so instead of offering the button.
    expect(page.locator(".reseau-notice")).to_have_count(0)
    button.click()
    expect(page.locator("h1")).to_have_text(re.compile("Votre inscription|Your registration"))
    expect(page.locator(".reseau-facts")).to_contain_text(re.compile("Confirmée|Confirmed"))
