"""Forums and training sessions for the calendar and agenda tests, built once per
module (pytest-django's pattern for module-scoped data: a transaction rolled back
after the module's last test, each test in a savepoint of its own inside it)."""

import contextlib

from django.db import transaction
from wagtail.models import Locale, PageViewRestriction, Site

from wagtail_reseau import models as m

from tests.conftest import in_days, publish


@contextlib.contextmanager
def module_data(django_db_blocker, build):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            data = build()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    try:
        yield data
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def build_events():
    """Upcoming and past forums and sessions, classified; a draft, a private and an
    unpublished forum that must never be listed."""
    fr = Locale.objects.get_or_create(language_code="fr")[0]
    Locale.objects.get_or_create(language_code="en")
    home = Site.objects.get(is_default_site=True).root_page.specific
    health = m.DomainOfAction.objects.create(name="Santé", slug="sante", locale=fr)
    prevention = m.DomainOfAction.objects.create(name="Prévention", slug="prevention", parent=health, locale=fr)
    participation = m.DomainOfAction.objects.create(name="Participation des habitants", slug="participation", locale=fr)
    occitanie = m.Territory.objects.create(name="Occitanie", slug="occitanie", kind="region", code="76", locale=fr)
    haute_garonne = m.Territory.objects.create(
        name="Haute-Garonne", slug="haute-garonne", kind="department", code="31", parent=occitanie, locale=fr
    )
    trainer = m.Person.objects.create(name="Claire Dubreuil", job_title="Sociologue", locale=fr)
    directory = publish(home, m.OrganisationIndexPage(title="Annuaire", slug="annuaire"))
    federation = publish(
        directory,
        m.OrganisationPage(
            title="Fédération régionale Occitanie", slug="federation", network_level=m.NetworkLevel.REGIONAL,
            email="contact@federation.example.org",
        ),
    )
    forums = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    trainings = publish(home, m.TrainingIndexPage(title="Formations", slug="formations"))

    def forum(slug, days, domains=(), territories=(), **fields):
        return publish(
            forums,
            m.ForumPage(
                title=f"Forum {slug}", slug=slug, start=in_days(days, hour=9), end=in_days(days, hour=17),
                venue_name="Salle des fêtes", domains=domains, territories=territories, **fields,
            ),
        )

    pages = {
        "home": home,
        "federation": federation,
        "trainer": trainer,
        "health": forum(
            "sante", 5, [prevention], [haute_garonne], organiser=federation, summary="Un forum ouvert aux habitants.",
            attendance_mode="hybrid", venue_address="1 place du Capitole, Toulouse",
            online_url="https://visio.example.org/secret-room",
        ),
        "participation": forum("participation", 36, [participation], [occitanie]),
        "past": forum("passe", -5, [prevention]),
        "unpublished": forum("depublie", 7, [prevention]),
        "private": forum("prive", 8, [prevention]),
    }
    pages["unpublished"].unpublish()
    PageViewRestriction.objects.create(page=pages["private"], restriction_type=PageViewRestriction.LOGIN)
    draft = m.ForumPage(
        title="Forum brouillon", slug="brouillon", start=in_days(9), venue_name="Salle", live=False,
        domains=[prevention],
    )
    forums.add_child(instance=draft)
    pages["draft"] = draft

    capsule = publish(
        trainings,
        m.TrainingCapsulePage(
            title="Animer une réunion", slug="animer", domains=[health], duration_hours=6, provider=federation,
            trainers=[m.TrainingTrainer(person=trainer)],
            sessions=[
                m.TrainingSession(start=in_days(12, hour=9), end=in_days(12, hour=16), place="Albi"),
                m.TrainingSession(start=in_days(-12), place="Albi"),
            ],
        ),
    )
    pages["capsule"] = capsule
    pages["session"] = capsule.sessions.get(start__gt=in_days(0))
    pages["past_session"] = capsule.sessions.get(start__lt=in_days(0))
    return pages
