"""A demo-like tree for the SEO tests, built once per module (in a transaction
rolled back after the module's last test, each test in a savepoint inside it, as
tests/catalogue/test_golden.py does): one page of every type, an English
translation, a draft and a private page."""

import datetime

import pytest
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, PageViewRestriction, Site

from wagtail_reseau import models as m

from tests.conftest import in_days, publish


def rich(text):
    return f"<p>{text}</p>"


def translate(page, locale):
    """Publishes ``page``'s translation into ``locale`` (its parents translated first)."""
    copy = Page.objects.get(pk=page.pk).specific.copy_for_translation(locale, copy_parents=True)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy.specific


def build_tree():
    fr = Locale.objects.get_or_create(language_code="fr")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    home = Site.objects.get(is_default_site=True).root_page.specific
    vocab = {
        "health": m.DomainOfAction.objects.create(name="Santé", slug="sante", locale=fr),
        "participation": m.DomainOfAction.objects.create(name="Participation", slug="participation", locale=fr),
        "occitanie": m.Territory.objects.create(
            name="Occitanie", slug="occitanie", kind="region", code="76", locale=fr
        ),
    }
    vocab["prevention"] = m.DomainOfAction.objects.create(
        name="Prévention", slug="prevention", parent=vocab["health"], locale=fr
    )
    vocab["haute_garonne"] = m.Territory.objects.create(
        name="Haute-Garonne", slug="haute-garonne", kind="department", code="31", parent=vocab["occitanie"], locale=fr
    )
    vocab["volunteers"] = m.Audience.objects.create(name="Bénévoles", slug="benevoles", locale=fr)
    vocab["expert"] = m.Person.objects.create(name="Claire Dubreuil", job_title="Sociologue", locale=fr)
    classification = {
        "domains": [vocab["prevention"]],
        "territories": [vocab["haute_garonne"]],
        "audiences": [vocab["volunteers"]],
    }
    pages = {}

    directory = pages["OrganisationIndexPage"] = publish(
        home, m.OrganisationIndexPage(title="Annuaire", slug="annuaire")
    )
    federation = pages["federation"] = publish(
        directory,
        m.OrganisationPage(
            title="Fédération régionale Occitanie", slug="federation-occitanie", network_level=m.NetworkLevel.REGIONAL
        ),
    )
    logo = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    pages["OrganisationPage"] = centre = publish(
        directory,
        m.OrganisationPage(
            title="Centre social des Izards",
            slug="izards",
            parent_organisation=federation,
            summary="Un centre social </script><script>alert(1)</script> de quartier.",
            street_address="12 rue des Chamois",
            postcode="31200",
            commune="Toulouse",
            latitude="43.633000",
            longitude="1.430000",
            phone="05 61 00 00 00",
            email="accueil@izards.example.org",
            website="https://izards.example.org",
            siret="73282932000074",
            logo=logo,
            **classification,
        ),
    )

    forums = pages["ForumIndexPage"] = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    pages["ForumPage"] = publish(
        forums,
        m.ForumPage(
            title="Forum : la participation des habitants",
            slug="forum-participation",
            summary="Une demi-journée d'échanges.",
            start=in_days(10, 9),
            end=in_days(10, 13),
            attendance_mode=m.AttendanceMode.HYBRID,
            venue_name="Maison des associations",
            venue_address="3 place du Marché, Toulouse",
            online_url="https://visio.example.org/secret-room-4521",
            organiser=centre,
            capacity=80,
            contributors=[m.ForumContributor(person=vocab["expert"], role=m.ContributorRole.EXPERT)],
            **classification,
        ),
    )
    pages["past_forum"] = publish(
        forums,
        m.ForumPage(
            title="Forum passé",
            slug="forum-passe",
            start=in_days(-30, 9),
            end=in_days(-30, 12),
            venue_name="Salle",
            **classification,
        ),
    )
    pages["other_forum"] = publish(
        forums,
        m.ForumPage(
            title="Forum sur la participation",
            slug="forum-autre",
            start=in_days(20, 9),
            venue_name="Salle",
            domains=[vocab["participation"]],
        ),
    )

    trainings = pages["TrainingIndexPage"] = publish(home, m.TrainingIndexPage(title="Formations", slug="formations"))
    pages["TrainingCapsulePage"] = publish(
        trainings,
        m.TrainingCapsulePage(
            title="Animer un collectif d'habitants",
            slug="animer-collectif",
            summary="Trois demi-journées.",
            learning_objectives=[("objective", "Conduire une réunion")],
            duration_hours=9,
            provider=federation,
            trainers=[m.TrainingTrainer(person=vocab["expert"])],
            sessions=[
                m.TrainingSession(start=in_days(20, 9), end=in_days(20, 12), place="Toulouse", capacity=15),
                m.TrainingSession(start=in_days(40, 9), place="En ligne"),
            ],
            **classification,
        ),
    )

    practices = pages["GoodPracticeIndexPage"] = publish(
        home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="pratiques")
    )
    pages["GoodPracticePage"] = publish(
        practices,
        m.GoodPracticePage(
            title="Un repair café de quartier",
            slug="repair-cafe",
            summary="Des bénévoles réparent avec les habitants.",
            what=rich("Un atelier mensuel."),
            how=rich("Avec des bénévoles retraités."),
            lead_organisation=centre,
            start_date=datetime.date(2023, 9, 1),
            **classification,
        ),
    )
    pages["other_practice"] = publish(
        practices,
        m.GoodPracticePage(
            title="Un budget participatif", slug="budget", summary="…", domains=[vocab["participation"]]
        ),
    )

    mentoring = pages["MentoringIndexPage"] = publish(
        home, m.MentoringIndexPage(title="Compagnonnage", slug="compagnonnage")
    )
    pages["MentoringPage"] = publish(
        mentoring,
        m.MentoringPage(title="Accompagner un projet", slug="accompagner", organisation=centre, summary="De l'aide."),
    )
    project = pages["FederalProjectPage"] = publish(home, m.FederalProjectPage(title="Projet fédéral", slug="projet"))
    pages["ProjectAxisPage"] = publish(project, m.ProjectAxisPage(title="Axe 1", slug="axe-1", summary="Agir."))

    news = pages["NewsIndexPage"] = publish(home, m.NewsIndexPage(title="Actualités", slug="actualites"))
    image = get_image_model().objects.create(title="Atelier", file=get_test_image_file())
    pages["NewsPage"] = publish(
        news,
        m.NewsPage(
            title="Retour sur le forum",
            slug="retour-forum",
            intro="Quarante personnes ont lu les données ensemble.",
            organisation=centre,
            forum=pages["ForumPage"],
            image=image,
            image_alt="Des habitants autour d'une table",
            author_name="Léa Martin",
            **classification,
        ),
    )
    pages["other_news"] = publish(
        news, m.NewsPage(title="Une autre nouvelle", slug="autre", intro="Ailleurs.", domains=[vocab["participation"]])
    )
    # Never listed anywhere public: a draft and a page behind a password.
    pages["draft_news"] = m.NewsPage(title="Nouvelle en brouillon", slug="brouillon", intro="Secret.", live=False)
    news.add_child(instance=pages["draft_news"])
    pages["draft_news"].save_revision()
    pages["draft_news"].domains.set([vocab["prevention"]])
    pages["private_news"] = publish(news, m.NewsPage(title="Nouvelle privée", slug="privee", intro="Réservé."))
    pages["private_news"].domains.set([vocab["prevention"]])
    PageViewRestriction.objects.create(
        page=pages["private_news"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    pages["draft_practice"] = m.GoodPracticePage(title="Pratique en brouillon", slug="brouillon", live=False)
    practices.add_child(instance=pages["draft_practice"])

    pages["CataloguePage"] = publish(practices, m.CataloguePage(title="Chercher une pratique", slug="chercher"))
    pages["NetworkHomePage"] = publish(home, m.NetworkHomePage(title="Le réseau", slug="reseau"))

    # English: the home, the news list and one news item.
    pages["english_news"] = translate(pages["NewsPage"], en)
    pages["english_news_index"] = pages["english_news"].get_parent().specific
    if not pages["english_news_index"].live:
        pages["english_news_index"].save_revision().publish()
    for english in Page.objects.filter(locale=en, live=False):
        english.specific.save_revision().publish()
    pages["vocab"] = vocab
    pages["home"] = home
    return pages


@pytest.fixture(scope="module")
def tree(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            data = build_tree()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield data
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
