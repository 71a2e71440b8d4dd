"""A mentoring exchange with two open offers and one open request, and a
territory tree with a parent, children and a far region."""

import pytest

from wagtail_reseau import models as m

from tests.conftest import publish
from tests.events.calendar_data import module_data


@pytest.fixture
def exchange(home, vocab, federation, social_centre, locale_fr):
    tarn = m.Territory.objects.create(
        name="Tarn", slug="tarn", kind="department", code="81", parent=vocab["occitanie"], locale=locale_fr
    )
    bretagne = m.Territory.objects.create(name="Bretagne", slug="bretagne", kind="region", code="53", locale=locale_fr)
    index = publish(home, m.MentoringIndexPage(title="Parrainage", slug="parrainage"))

    def page(title, direction, organisation, domains, territories, fmt="both", **extra):
        new = m.MentoringPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            direction=direction,
            organisation=organisation,
            mentoring_format=fmt,
            contact_name="Contact " + title,
            contact_email=title.lower().replace(" ", ".") + "@example.org",
            **extra,
        )
        new.domains.set(domains)
        new.territories.set(territories)
        return publish(index, new)

    request = page("Besoin budget", "request", social_centre, [vocab["participation"]], [vocab["haute_garonne"]])
    near = page("Offre proche", "offer", federation, [vocab["participation"]], [vocab["haute_garonne"]])
    sibling = page("Offre voisine", "offer", federation, [vocab["participation"]], [tarn], fmt="in_person")
    far = page("Offre lointaine", "offer", federation, [vocab["health"]], [bretagne], fmt="remote")
    return {
        "index": index,
        "request": request,
        "near": near,
        "sibling": sibling,
        "far": far,
        "tarn": tarn,
        "bretagne": bretagne,
        "vocab": vocab,
        "social_centre": social_centre,
    }


# -- Built once per module (tests/events/calendar_data.module_data: a transaction
# rolled back after the module, each test in a savepoint): an exchange with an
# offer and a request, staff users. ---------------------------------------------


def build_small_exchange():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Locale, Site
    from wagtail.users.models import UserProfile

    fr = Locale.objects.get_or_create(language_code="fr")[0]
    Locale.objects.get_or_create(language_code="en")
    home = Site.objects.get(is_default_site=True).root_page.specific
    directory = publish(home, m.OrganisationIndexPage(title="Annuaire", slug="annuaire"))
    mentor = publish(directory, m.OrganisationPage(title="Fédération Occitanie", slug="federation"))
    mentee = publish(directory, m.OrganisationPage(title="Centre social des Izards", slug="izards"))
    participation = m.DomainOfAction.objects.create(name="Participation", slug="participation", locale=fr)
    index = publish(home, m.MentoringIndexPage(title="Parrainage", slug="parrainage"))
    offer = m.MentoringPage(
        title="Offre budget participatif",
        slug="offre",
        direction="offer",
        organisation=mentor,
        contact_name="Paul Mentor",
        contact_email="paul@federation.example.org",
    )
    offer.domains.set([participation])
    offer = publish(index, offer)
    wanted = m.MentoringPage(
        title="Besoin accueil jeunes",
        slug="besoin",
        direction="request",
        organisation=mentee,
        summary="Ouvrir un accueil jeunes.",
        contact_name="Rita Demande",
        contact_email="rita@izards.example.org",
    )
    wanted.domains.set([participation])
    wanted = publish(index, wanted)
    haute_garonne = m.Territory.objects.create(
        name="Haute-Garonne", slug="haute-garonne", kind="department", code="31", locale=fr
    )
    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
    practice = publish(practices, m.GoodPracticePage(title="Jardin partagé", slug="jardin", summary="Cultiver."))
    news_index = publish(home, m.NewsIndexPage(title="Actualités", slug="actualites"))
    news = publish(news_index, m.NewsPage(title="Nouvelle du réseau", slug="nouvelle", intro="Une nouvelle."))
    users = get_user_model().objects
    admin = users.create_superuser("chef", "chef@example.org", "pw")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    moderator = users.create_user("moderatrice", "moderation@example.org", "pw")
    moderator.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    return {
        "home": home,
        "index": index,
        "offer": offer,
        "request": wanted,
        "mentor": mentor,
        "mentee": mentee,
        "participation": participation,
        "haute_garonne": haute_garonne,
        "practice": practice,
        "news": news,
        "admin": admin,
        "moderator": moderator,
    }


@pytest.fixture(scope="module")
def small_exchange_module(django_db_setup, django_db_blocker):
    with module_data(django_db_blocker, build_small_exchange) as data:
        yield data


@pytest.fixture
def small_exchange(small_exchange_module, db):
    return small_exchange_module
