"""Shared fixtures: locales, a site root, vocabulary terms and page builders."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from wagtail_reseau import models as m


@pytest.fixture
def locale_fr(db):
    return Locale.objects.get_or_create(language_code="fr")[0]


@pytest.fixture
def locale_en(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def home(locale_fr):
    """The default site's root page (French), under which tests build their tree."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def admin_user(db):
    """A superuser whose admin speaks English (the site's default language is French)."""
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "password")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def publish(parent, page):
    """Adds ``page`` under ``parent`` and publishes it; returns the saved page."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def vocab(locale_fr):
    """A small vocabulary: a domain tree, a territory tree, audiences, a type, people."""
    health = m.DomainOfAction.objects.create(name="Santé", slug="sante", locale=locale_fr)
    prevention = m.DomainOfAction.objects.create(
        name="Prévention", slug="prevention", parent=health, locale=locale_fr
    )
    participation = m.DomainOfAction.objects.create(
        name="Participation des habitants", slug="participation", locale=locale_fr
    )
    occitanie = m.Territory.objects.create(
        name="Occitanie", slug="occitanie", kind="region", code="76", locale=locale_fr
    )
    haute_garonne = m.Territory.objects.create(
        name="Haute-Garonne", slug="haute-garonne", kind="department", code="31", parent=occitanie, locale=locale_fr
    )
    volunteers = m.Audience.objects.create(name="Bénévoles", slug="benevoles", locale=locale_fr)
    social_centre = m.OrganisationType.objects.create(
        name="Centre social", slug="centre-social", code="CS", locale=locale_fr
    )
    expert = m.Person.objects.create(name="Claire Dubreuil", job_title="Sociologue", locale=locale_fr)
    speaker = m.Person.objects.create(name="Karim Benali", job_title="Directeur de centre social", locale=locale_fr)
    return {
        "health": health,
        "prevention": prevention,
        "participation": participation,
        "occitanie": occitanie,
        "haute_garonne": haute_garonne,
        "volunteers": volunteers,
        "social_centre": social_centre,
        "expert": expert,
        "speaker": speaker,
    }


@pytest.fixture
def directory(home):
    return publish(home, m.OrganisationIndexPage(title="Annuaire", slug="annuaire"))


@pytest.fixture
def federation(directory, vocab):
    return publish(
        directory,
        m.OrganisationPage(
            title="Fédération régionale Occitanie",
            slug="federation-occitanie",
            network_level=m.NetworkLevel.REGIONAL,
            organisation_type=vocab["social_centre"],
            commune="Toulouse",
            postcode="31000",
            insee_code="31555",
        ),
    )


@pytest.fixture
def social_centre(directory, federation, vocab):
    page = m.OrganisationPage(
        title="Centre social des Izards",
        slug="centre-social-izards",
        network_level=m.NetworkLevel.MEMBER,
        parent_organisation=federation,
        organisation_type=vocab["social_centre"],
        summary="Un centre social de quartier ouvert à tous les habitants.",
        street_address="12 rue des Chamois",
        postcode="31200",
        commune="Toulouse",
        insee_code="31555",
        latitude="43.633000",
        longitude="1.430000",
        phone="05 61 00 00 00",
        email="accueil@izards.example.org",
        website="https://izards.example.org",
        premises_accessibility=["step_free", "hearing_loop"],
        siret="73282932000074",
    )
    page = publish(directory, page)
    page.domains.set([vocab["participation"]])
    page.territories.set([vocab["haute_garonne"]])
    page.opening_hours.create(weekday=0, opens=datetime.time(9), closes=datetime.time(12))
    page.save_revision().publish()
    return page


def in_days(days, hour=14):
    moment = timezone.now() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)
