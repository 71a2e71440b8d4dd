"""The term chooser in the page editor, in a real browser: the Classification tab's
territory field is a combobox (WAI-ARIA 1.2) operated with the keyboard alone, the
chosen commune is saved, and axe-core finds no serious or critical violation in the
chooser with its suggestions open.

Data: a small official geography (tests/taxonomy/geography_data.py) and a practice."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail_reseau import models as m

from .test_catalogue_browser import AXE_TAGS, BLOCKING_IMPACTS
from tests.conftest import publish
from tests.taxonomy.geography_data import geography, write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SEARCH = "#id_territories-search"
LISTBOX = "#id_territories-listbox"


@pytest.fixture
def catalogue_site(live_server, home, locale_fr, locale_en, tmp_path):
    """Overrides the browser fixture's data: an editor, territories and a practice."""
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "password")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    source = write(tmp_path, geography(30))
    call_command("reseau_load_geography", "--source", str(source), stdout=StringIO(), stderr=StringIO())
    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
    practice = publish(practices, m.GoodPracticePage(title="Repair café", slug="repair-cafe"))
    return {"url": f"{live_server.url}/admin/pages/{practice.pk}/edit/", "login": f"{live_server.url}/admin/login/"}


def scan_chooser(page, axe_js):
    page.add_script_tag(path=str(axe_js))
    results = page.evaluate(
        "tags => axe.run({include: [['[data-term-chooser]']]}, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, json.dumps(
        [{"id": v["id"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]]} for v in blocking], indent=2
    )


def test_a_commune_is_chosen_with_the_keyboard_and_saved(page, axe_js, catalogue_site):
    from playwright.sync_api import expect

    page.goto(catalogue_site["login"])
    page.fill("#id_username", "editor")
    page.fill("#id_password", "password")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")
    page.goto(catalogue_site["url"])
    page.get_by_role("tab", name="Classification").click()

    search = page.locator(SEARCH)
    expect(search).to_have_attribute("role", "combobox")
    expect(search).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_label("Territories")).to_have_attribute("id", "id_territories-search")
    search.focus()
    page.keyboard.type("toul")
    expect(search).to_have_attribute("aria-expanded", "true")
    options = page.locator(f"{LISTBOX} [role=option]")
    expect(options.first).to_contain_text("Toulouse (31555)")
    expect(options.first).to_contain_text("Haute-Garonne")
    page.keyboard.press("ArrowDown")
    active = search.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    scan_chooser(page, axe_js)  # with the suggestions open

    page.keyboard.press("Enter")
    chosen = page.locator("[data-term-chooser-chosen] input[name=territories]")
    expect(chosen).to_have_count(1)
    expect(page.locator("[data-term-chooser-chosen] label")).to_have_text(
        "France › Occitanie › Haute-Garonne › Toulouse (31555)"
    )
    expect(search).to_have_value("")
    expect(search).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#id_territories-status")).to_contain_text("Toulouse (31555)")

    # Escape closes the suggestions without choosing.
    page.keyboard.type("lill")
    expect(options.first).to_contain_text("Lille")
    page.keyboard.press("Escape")
    expect(search).to_have_attribute("aria-expanded", "false")
    search.fill("")
    scan_chooser(page, axe_js)

    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("has been updated").first).to_be_visible()
    page.get_by_role("tab", name="Classification").click()
    expect(page.locator("[data-term-chooser-chosen] label")).to_have_text(
        "France › Occitanie › Haute-Garonne › Toulouse (31555)"
    )
