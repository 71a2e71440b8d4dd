"""Forums and a training capsule taking registrations, built once per module
(a transaction rolled back after the module, each test in a savepoint)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale, Site

from wagtail_reseau import models as m
from wagtail_reseau.events.registrations.models import ForumRegistrationQuestion

from tests.conftest import in_days, publish
from tests.events.calendar_data import module_data


def build():
    fr = Locale.objects.get_or_create(language_code="fr")[0]
    Locale.objects.get_or_create(language_code="en")
    home = Site.objects.get(is_default_site=True).root_page.specific
    volunteers = m.Audience.objects.create(name="Bénévoles", slug="benevoles", locale=fr)
    directory = publish(home, m.OrganisationIndexPage(title="Annuaire", slug="annuaire"))
    centre = publish(directory, m.OrganisationPage(title="Centre social des Izards", slug="izards"))
    forums = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    trainings = publish(home, m.TrainingIndexPage(title="Formations", slug="formations"))

    def forum(slug, days=20, **fields):
        fields.setdefault("venue_name", "Salle des fêtes")
        return publish(forums, m.ForumPage(title=f"Forum {slug}", slug=slug, start=in_days(days), **fields))

    small = forum(
        "petit",
        capacity=2,
        online_url="https://visio.example.org/secret-room",
        attendance_mode="hybrid",
        accessibility_services=["sign_interpretation", "step_free"],
    )
    small.registration_questions.add(
        ForumRegistrationQuestion(label="Votre repas ?", kind="choice", choices="Végétarien\nSans restriction")
    )
    small.save_revision().publish()
    no_waiting = forum("sans-attente", capacity=1, waiting_list=False)
    later = forum("plus-tard", registration_opens=timezone.now() + datetime.timedelta(days=5))
    open_door = forum("entree-libre", registration_required=False)
    capsule = m.TrainingCapsulePage(title="Animer un conseil citoyen", slug="animer")
    trainings.add_child(instance=capsule)
    capsule.sessions.add(m.TrainingSession(start=in_days(10), place="Toulouse", capacity=1))
    capsule.sessions.add(m.TrainingSession(start=in_days(-10), place="Albi", capacity=5))
    capsule.save_revision().publish()
    capsule = m.TrainingCapsulePage.objects.get(pk=capsule.pk)
    return {
        "home": home,
        "volunteers": volunteers,
        "centre": centre,
        "small": small,
        "no_waiting": no_waiting,
        "later": later,
        "open_door": open_door,
        "capsule": capsule,
        "session": m.TrainingSession.objects.get(page=capsule, place="Toulouse"),
    }


@pytest.fixture(scope="module")
def events(django_db_setup, django_db_blocker):
    with module_data(django_db_blocker, build) as data:
        yield data


@pytest.fixture
def data(events, db):
    return events
