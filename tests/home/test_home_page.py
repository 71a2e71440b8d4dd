"""The network's home page: what each block lists and counts (only live, public
pages in the home page's language; counts right; empty states), its search box,
the text alternatives of card images, and a constant number of queries."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageViewRestriction, Site

from wagtail_reseau import models as m

from tests.conftest import in_days, publish

pytestmark = pytest.mark.django_db


def body(*blocks):
    return list(blocks)


EVERY_BLOCK = (
    ("upcoming", {"heading": "", "show": "both", "count": 12, "more_page": None}),
    ("practices", {"heading": "", "count": 12, "more_page": None}),
    ("news", {"heading": "", "kind": "", "count": 12, "more_page": None}),
    ("figures", {"heading": ""}),
    ("text", "<p>Bienvenue dans le réseau.</p>"),
)


@pytest.fixture
def network_home(locale_fr):
    """A NetworkHomePage at the root of the tree, the default site's root."""
    root = Page.get_first_root_node()
    home = publish(root, m.NetworkHomePage(title="Le réseau", slug="reseau", locale=locale_fr))
    Site.objects.filter(is_default_site=True).update(root_page=home)
    cache.clear()  # the site root paths
    return home


def set_body(home, *blocks):
    home.body = list(blocks)
    home.save_revision().publish()
    home.refresh_from_db()
    return home


def get_html(client, home):
    response = client.get(home.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def indexes(network_home):
    return {
        "forums": publish(network_home, m.ForumIndexPage(title="Forums", slug="forums")),
        "trainings": publish(network_home, m.TrainingIndexPage(title="Formations", slug="formations")),
        "practices": publish(network_home, m.GoodPracticeIndexPage(title="Pratiques", slug="pratiques")),
        "news": publish(network_home, m.NewsIndexPage(title="Actualités", slug="actualites")),
        "directory": publish(network_home, m.OrganisationIndexPage(title="Annuaire", slug="annuaire")),
    }


def forum(parent, title, days, **kwargs):
    kwargs.setdefault("venue_name", "Maison des associations")
    return publish(parent, m.ForumPage(title=title, slug=slugify(title), start=in_days(days, 9), **kwargs))


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")


def draft(parent, page):
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return page


def titles(html, section_class):
    section = html.split(f'class="reseau-section {section_class}"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'reseau-card__title">\s*<a href="[^"]*">([^<]*)</a>', section)


# -- Upcoming forums and training sessions ------------------------------------------


def test_upcoming_lists_live_public_future_events_in_the_page_language_soonest_first(
    client, network_home, indexes, locale_en
):
    forums, trainings = indexes["forums"], indexes["trainings"]
    forum(forums, "Forum dans dix jours", 10)
    forum(forums, "Forum demain", 1)
    forum(forums, "Forum passé", -3)
    restrict(forum(forums, "Forum privé", 2))
    draft(forums, m.ForumPage(title="Forum brouillon", slug="brouillon", start=in_days(3), venue_name="Salle"))
    forum(forums, "Forum in English", 4, locale=locale_en)
    publish(
        trainings,
        m.TrainingCapsulePage(
            title="Animer un collectif",
            slug="animer",
            sessions=[
                m.TrainingSession(start=in_days(-5, 9)),
                m.TrainingSession(start=in_days(20, 9)),
                m.TrainingSession(start=in_days(5, 9)),
            ],
        ),
    )
    publish(
        trainings,
        m.TrainingCapsulePage(title="Formation finie", slug="finie", sessions=[m.TrainingSession(start=in_days(-5))]),
    )
    set_body(network_home, EVERY_BLOCK[0])

    html = get_html(client, network_home)

    assert titles(html, "reseau-home-upcoming") == ["Forum demain", "Animer un collectif", "Forum dans dix jours"]
    # The capsule is listed once, with its next session's date.
    next_session = timezone.localtime(in_days(5, 9))
    assert f'datetime="{next_session:%Y-%m-%dT%H:%M:%S%z}"' in html


def test_upcoming_keeps_the_count_and_the_kind_chosen(client, network_home, indexes):
    for days in range(1, 6):
        forum(indexes["forums"], f"Forum {days}", days)
    publish(
        indexes["trainings"],
        m.TrainingCapsulePage(title="Formation", slug="formation", sessions=[m.TrainingSession(start=in_days(2, 12))]),
    )
    set_body(
        network_home, ("upcoming", {"heading": "À venir", "show": "both", "count": 3, "more_page": indexes["forums"]})
    )
    html = get_html(client, network_home)
    assert titles(html, "reseau-home-upcoming") == ["Forum 1", "Forum 2", "Formation"]
    assert ">À venir</h2>" in html
    assert f'href="{indexes["forums"].url}"' in html

    set_body(network_home, ("upcoming", {"heading": "", "show": "trainings", "count": 3, "more_page": None}))
    assert titles(get_html(client, network_home), "reseau-home-upcoming") == ["Formation"]
    set_body(network_home, ("upcoming", {"heading": "", "show": "forums", "count": 2, "more_page": None}))
    assert titles(get_html(client, network_home), "reseau-home-upcoming") == ["Forum 1", "Forum 2"]


def test_empty_blocks_say_so(client, network_home, indexes):
    set_body(network_home, *EVERY_BLOCK)
    html = get_html(client, network_home)
    assert "Aucun forum ni aucune formation" in html or "No forum or training session" in html
    assert html.count('class="reseau-empty"') == 3
    assert re.search(r'reseau-figures__number">0<', html)


# -- Latest practices and news -------------------------------------------------------


def test_latest_practices_newest_first_with_the_lead_organisation_logo(client, network_home, indexes, locale_en):
    logo = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    lead = publish(indexes["directory"], m.OrganisationPage(title="Centre social Bellevue", slug="bellevue", logo=logo))
    for number in range(1, 5):
        publish(
            indexes["practices"],
            m.GoodPracticePage(title=f"Pratique {number}", slug=f"p{number}", lead_organisation=lead),
        )
    restrict(publish(indexes["practices"], m.GoodPracticePage(title="Pratique privée", slug="privee")))
    draft(indexes["practices"], m.GoodPracticePage(title="Pratique brouillon", slug="brouillon"))
    publish(indexes["practices"], m.GoodPracticePage(title="Practice in English", slug="english", locale=locale_en))
    set_body(network_home, ("practices", {"heading": "", "count": 3, "more_page": indexes["practices"]}))

    html = get_html(client, network_home)

    assert titles(html, "reseau-home-practices") == ["Pratique 4", "Pratique 3", "Pratique 2"]
    # The logo says who leads the practice: its text alternative is the organisation's name.
    assert html.count('alt="Centre social Bellevue"') == 3
    assert 'class="reseau-card__logo"' in html


def test_latest_news_by_kind_with_the_image_text_alternative(client, network_home, indexes):
    image = get_image_model().objects.create(title="Atelier", file=get_test_image_file())
    news = indexes["news"]
    today = datetime.date.today()
    publish(
        news,
        m.NewsPage(
            title="Initiative ancienne",
            slug="i1",
            kind=m.NewsKind.RESIDENTS_INITIATIVE,
            date=today - datetime.timedelta(days=9),
        ),
    )
    publish(
        news,
        m.NewsPage(
            title="Initiative récente",
            slug="i2",
            kind=m.NewsKind.RESIDENTS_INITIATIVE,
            date=today,
            image=image,
            image_alt="Des habitants repeignent un banc",
        ),
    )
    publish(news, m.NewsPage(title="Nouvelle du réseau", slug="n1", kind=m.NewsKind.NEWS, date=today, image=image))
    restrict(publish(news, m.NewsPage(title="Initiative privée", slug="i3", kind=m.NewsKind.RESIDENTS_INITIATIVE)))

    set_body(network_home, ("news", {"heading": "", "kind": "residents_initiative", "count": 5, "more_page": None}))
    html = get_html(client, network_home)
    assert titles(html, "reseau-home-news") == ["Initiative récente", "Initiative ancienne"]
    assert 'alt="Des habitants repeignent un banc"' in html

    set_body(network_home, ("news", {"heading": "", "kind": "", "count": 5, "more_page": None}))
    html = get_html(client, network_home)
    assert set(titles(html, "reseau-home-news")) == {"Initiative récente", "Nouvelle du réseau", "Initiative ancienne"}
    # An image whose alternative was left empty is decorative.
    assert 'alt=""' in html


# -- Key figures ------------------------------------------------------------------------


def figures(html):
    return [int(number) for number in re.findall(r'reseau-figures__number">(\d+)<', html)]


def test_key_figures_count_live_public_pages_of_the_language_and_follow_publication(
    client, network_home, indexes, locale_en
):
    directory, practices, forums = indexes["directory"], indexes["practices"], indexes["forums"]
    for number in range(3):
        publish(directory, m.OrganisationPage(title=f"Centre {number}", slug=f"centre-{number}"))
    restrict(publish(directory, m.OrganisationPage(title="Centre privé", slug="centre-prive")))
    publish(directory, m.OrganisationPage(title="Centre in English", slug="centre-en", locale=locale_en))
    publish(practices, m.GoodPracticePage(title="Pratique", slug="pratique"))
    draft(practices, m.GoodPracticePage(title="Brouillon", slug="brouillon"))
    now = timezone.now()
    this_year = now.replace(month=6, day=15)
    publish(forums, m.ForumPage(title="Forum de juin", slug="juin", start=this_year, venue_name="Salle"))
    publish(
        forums,
        m.ForumPage(
            title="Forum de l'an dernier", slug="avant", start=this_year.replace(year=now.year - 1), venue_name="Salle"
        ),
    )
    set_body(network_home, ("figures", {"heading": ""}))

    assert figures(get_html(client, network_home)) == [3, 1, 1]

    # Cached, but publishing or unpublishing a counted page counts again.
    publish(practices, m.GoodPracticePage(title="Nouvelle pratique", slug="nouvelle"))
    assert figures(get_html(client, network_home)) == [3, 2, 1]
    m.OrganisationPage.objects.get(slug="centre-0").unpublish()
    assert figures(get_html(client, network_home)) == [2, 2, 1]
    # Made private: gone from the counts at once too (the public content version).
    restrict(m.OrganisationPage.objects.get(slug="centre-1"))
    assert figures(get_html(client, network_home)) == [1, 2, 1]


def test_key_figures_are_kept_per_home_page_hence_per_language(client, network_home, indexes, locale_en):
    publish(indexes["directory"], m.OrganisationPage(title="Centre", slug="centre"))
    set_body(network_home, ("figures", {"heading": ""}))
    english_home = network_home.copy_for_translation(locale_en)
    english_home.save_revision().publish()
    english_home = m.NetworkHomePage.objects.get(pk=english_home.pk)
    english_directory = indexes["directory"].copy_for_translation(locale_en)
    english_directory.save_revision().publish()

    assert figures(get_html(client, network_home)) == [1, 0, 0]
    assert figures(get_html(client, english_home)) == [0, 0, 0]


# -- The search box ---------------------------------------------------------------------


def test_search_box_is_a_labelled_get_form_into_the_catalogue(client, network_home):
    catalogue = publish(network_home, m.CataloguePage(title="Catalogue", slug="catalogue"))
    set_body(network_home, ("search", {"catalogue": catalogue, "heading": "", "label": ""}))
    html = get_html(client, network_home)
    form = re.search(r'<form class="reseau-home-search__form" method="get" action="([^"]+)" role="search">', html)
    assert form and form.group(1) == catalogue.url
    field = re.search(r'<label class="reseau-home-search__label" for="([^"]+)">', html)
    assert field and f'id="{field.group(1)}" name="q"' in html

    # Once the catalogue is unpublished, no box leads to a 404.
    catalogue.unpublish()
    assert "reseau-home-search" not in get_html(client, network_home)


# -- Queries ----------------------------------------------------------------------------


def fill(network_home, indexes, size, locale):
    logo = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    image = get_image_model().objects.create(title="Photo", file=get_test_image_file())
    lead = publish(indexes["directory"], m.OrganisationPage(title=f"Centre {size}", slug=f"centre-{size}", logo=logo))
    for number in range(size):
        forum(indexes["forums"], f"Forum {size}-{number}", number + 1, organiser=lead)
        publish(
            indexes["trainings"],
            m.TrainingCapsulePage(
                title=f"Formation {size}-{number}",
                slug=f"formation-{size}-{number}",
                provider=lead,
                sessions=[m.TrainingSession(start=in_days(day + 1)) for day in range(3)],
            ),
        )
        publish(
            indexes["practices"],
            m.GoodPracticePage(
                title=f"Pratique {size}-{number}", slug=f"pratique-{size}-{number}", lead_organisation=lead
            ),
        )
        publish(
            indexes["news"],
            m.NewsPage(
                title=f"Nouvelle {size}-{number}", slug=f"nouvelle-{size}-{number}", image=image, image_alt="Photo"
            ),
        )


def count_queries(client, home):
    assert client.get(home.url).status_code == 200  # warms the caches and creates the renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(home.url)
    assert response.status_code == 200
    return len(queries)


def test_home_renders_in_a_constant_number_of_queries(client, locale_fr):
    root = Page.get_first_root_node()
    counts = []
    for size in (2, 30):
        home = publish(root, m.NetworkHomePage(title=f"Réseau {size}", slug=f"reseau-{size}", locale=locale_fr))
        Site.objects.filter(is_default_site=True).update(root_page=home)
        cache.clear()
        indexes = {
            "forums": publish(home, m.ForumIndexPage(title="Forums", slug="forums")),
            "trainings": publish(home, m.TrainingIndexPage(title="Formations", slug="formations")),
            "practices": publish(home, m.GoodPracticeIndexPage(title="Pratiques", slug="pratiques")),
            "news": publish(home, m.NewsIndexPage(title="Actualités", slug="actualites")),
            "directory": publish(home, m.OrganisationIndexPage(title="Annuaire", slug="annuaire")),
        }
        catalogue = publish(home, m.CataloguePage(title="Catalogue", slug="catalogue"))
        fill(home, indexes, size, locale_fr)
        set_body(home, ("search", {"catalogue": catalogue, "heading": "", "label": ""}), *EVERY_BLOCK)
        cache.clear()
        counts.append(count_queries(client, home))
        html = get_html(client, home)
        assert len(titles(html, "reseau-home-practices")) == min(size, 12)
    assert counts[0] == counts[1], f"queries with 2 and 30 of each: {counts}"
