"""The network's home page in a real browser: an axe-core scan (WCAG 2.1 A and AA) at
1280 and 390 px, screenshots for a person to look at, no horizontal scrolling, and
the search box taking a visitor to the catalogue."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

from wagtail_reseau import models as m

from .conftest import SCREENSHOT_DIR
from .test_catalogue_browser import run_axe
from tests.conftest import in_days, publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def catalogue_site(live_server, locale_fr):
    """Replaces the catalogue's data (the ``browser`` fixture asks for it): a network
    home page at the root of the default site, with every block and a few pages."""
    home = publish(
        Page.get_first_root_node(), m.NetworkHomePage(title="Réseau Trait d'Union", slug="reseau", locale=locale_fr)
    )
    Site.objects.filter(is_default_site=True).update(root_page=home, site_name="Réseau Trait d'Union")
    cache.clear()
    logo = get_image_model().objects.create(title="Logo", file=get_test_image_file(size=(320, 120)))
    photo = get_image_model().objects.create(title="Atelier", file=get_test_image_file(size=(960, 540)))
    directory = publish(home, m.OrganisationIndexPage(title="Annuaire", slug="annuaire", show_in_menus=True))
    centre = publish(directory, m.OrganisationPage(title="Centre social des Izards", slug="izards", logo=logo))
    forums = publish(home, m.ForumIndexPage(title="Forums", slug="forums", show_in_menus=True))
    publish(
        forums,
        m.ForumPage(
            title="Forum : habiter le quartier",
            slug="habiter",
            start=in_days(12, 9),
            venue_name="Maison des associations",
            summary="Une demi-journée d'échanges entre habitants et centres sociaux.",
        ),
    )
    trainings = publish(home, m.TrainingIndexPage(title="Formations", slug="formations", show_in_menus=True))
    publish(
        trainings,
        m.TrainingCapsulePage(
            title="Animer un collectif d'habitants",
            slug="animer",
            summary="Trois demi-journées pour animer un collectif.",
            sessions=[m.TrainingSession(start=in_days(20, 9), place="Toulouse")],
        ),
    )
    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="pratiques", show_in_menus=True))
    for number, title in enumerate(["Un repair café de quartier", "Le jardin partagé", "Des cafés des parents"]):
        publish(
            practices,
            m.GoodPracticePage(
                title=title,
                slug=f"pratique-{number}",
                summary="Des bénévoles et des habitants, ensemble.",
                lead_organisation=centre,
            ),
        )
    news = publish(home, m.NewsIndexPage(title="Actualités", slug="actualites", show_in_menus=True))
    publish(
        news,
        m.NewsPage(
            title="Des habitants repeignent les bancs du parc",
            slug="bancs",
            kind=m.NewsKind.RESIDENTS_INITIATIVE,
            intro="Une initiative née au café des parents.",
            image=photo,
            image_alt="Trois habitants repeignent un banc en vert",
        ),
    )
    catalogue = publish(home, m.CataloguePage(title="Rechercher", slug="rechercher"))
    home.body = [
        ("search", {"catalogue": catalogue, "heading": "", "label": ""}),
        ("upcoming", {"heading": "", "show": "both", "count": 4, "more_page": forums}),
        ("news", {"heading": "", "kind": "residents_initiative", "count": 3, "more_page": news}),
        ("practices", {"heading": "", "count": 3, "more_page": practices}),
        ("figures", {"heading": ""}),
        ("text", "<p>Trait d'Union relie les centres sociaux de la région.</p>"),
    ]
    home.save_revision().publish()
    call_command("reseau_rebuild_catalogue", no_progress=True, verbosity=0)
    return {"url": live_server.url + "/", "catalogue_url": live_server.url + catalogue.url}


@pytest.mark.parametrize("width", [1280, 390])
def test_home_has_no_serious_violation_and_no_horizontal_scroll(axe_js, page, catalogue_site, width):
    from playwright.sync_api import expect

    page.set_viewport_size({"width": width, "height": 900})
    page.goto(catalogue_site["url"])
    expect(page.locator(".reseau-home-search")).to_be_visible()
    run_axe(page, axe_js, f"home page at {width}px")
    path = SCREENSHOT_DIR / f"reseau-home-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 0
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls horizontally at {width}px ({overflow}px too wide)"


def test_the_search_box_leads_to_the_catalogue(page_without_js, catalogue_site):
    page = page_without_js
    page.goto(catalogue_site["url"])
    page.get_by_label("Rechercher dans le réseau").fill("jardin")
    page.locator(".reseau-home-search button").click()
    page.wait_for_url(catalogue_site["catalogue_url"] + "?q=jardin")
    assert "Le jardin partagé" in page.locator(".reseau-hit__title").all_inner_texts()
