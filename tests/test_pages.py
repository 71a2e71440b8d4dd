"""Every page type is created under its allowed parent, published, and rendered
with its fields shown to the visitor."""

import html

import pytest
from django.core.exceptions import ValidationError

from wagtail_reseau import models as m

from tests.conftest import in_days, publish

pytestmark = pytest.mark.django_db


def get_html(client, page):
    """The page as served, with HTML entities decoded so texts compare as typed."""
    response = client.get(page.url)
    assert response.status_code == 200, (page.url, response.status_code)
    return html.unescape(response.content.decode())


def test_organisation_page_shows_its_directory_entry(client, social_centre, federation, vocab):
    html = get_html(client, social_centre)
    for expected in [
        "Centre social des Izards",
        "Un centre social de quartier ouvert à tous les habitants.",
        "12 rue des Chamois",
        "31200",
        "Toulouse",
        "accueil@izards.example.org",
        "https://izards.example.org",
        "Participation des habitants",
        "Haute-Garonne",
        "Centre social",  # organisation type
        federation.title,  # place in the federation hierarchy
    ]:
        assert expected in html, expected
    assert 'href="mailto:accueil@izards.example.org"' in html
    assert "<address" in html


def test_federation_lists_its_member_organisations(client, federation, social_centre):
    html = get_html(client, federation)
    assert social_centre.title in html
    assert social_centre.url in html


def test_directory_lists_live_organisations_only(client, directory, social_centre):
    draft = m.OrganisationPage(title="Structure en brouillon", slug="brouillon", live=False)
    directory.add_child(instance=draft)
    draft.save_revision()
    html = get_html(client, directory)
    assert social_centre.title in html
    assert "Structure en brouillon" not in html


def test_forum_page_shows_programme_registration_and_report(client, home, vocab, social_centre):
    forums = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    forum = m.ForumPage(
        title="Forum : la participation des habitants",
        slug="forum-participation",
        kind=m.ForumKind.FORUM,
        summary="Une demi-journée d'échanges sur les données de l'observatoire.",
        start=in_days(-10, 9),
        end=in_days(-10, 13),
        attendance_mode=m.AttendanceMode.HYBRID,
        venue_name="Maison des associations",
        venue_address="3 place Guy Hersant, Toulouse",
        organiser=social_centre,
        accessibility_services=["sign_interpretation", "childcare"],
        capacity=80,
        agenda=[("item", {"title": "Accueil et présentation des données", "description": "", "speaker": ""})],
        report_summary="<p>Quarante personnes ont échangé sur les chiffres clés.</p>",
        perspectives=[
            (
                "perspective",
                {
                    "title": "Faire vivre la participation au quotidien",
                    "text": "",
                    "sub_points": ["Ouvrir les instances aux habitants", "Valoriser les bénévoles"],
                },
            )
        ],
        attendee_count=40,
    )
    forum = publish(forums, forum)
    forum.contributors.create(person=vocab["expert"], role=m.ContributorRole.EXPERT, topic="Lecture des données")
    forum.contributors.create(person=vocab["speaker"], role=m.ContributorRole.SPEAKER)
    forum.participating_organisations = [m.ForumParticipant(organisation=social_centre)]
    forum.save_revision().publish()

    html = get_html(client, forum)
    for expected in [
        "Forum : la participation des habitants",
        "Maison des associations",
        "Claire Dubreuil",
        "Lecture des données",
        "Karim Benali",
        "Accueil et présentation des données",
        "Quarante personnes ont échangé sur les chiffres clés.",
        "Faire vivre la participation au quotidien",
        "Ouvrir les instances aux habitants",
        "Valoriser les bénévoles",
        "40",
        social_centre.title,
    ]:
        assert expected in html, expected
    # Accessibility services are shown with their (translated) labels, not their codes.
    assert str(m.AccessibilityService.SIGN_INTERPRETATION.label) in html
    assert "sign_interpretation" not in html
    # Perspectives are numbered: an ordered list.
    assert "<ol" in html


def test_forum_index_separates_upcoming_and_past(client, home):
    forums = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    publish(forums, m.ForumPage(title="Atelier à venir", slug="a-venir", start=in_days(20), venue_name="Salle A"))
    publish(forums, m.ForumPage(title="Forum passé", slug="passe", start=in_days(-20), venue_name="Salle B"))
    response = client.get(forums.url)
    assert [p.title for p in response.context["upcoming"]] == ["Atelier à venir"]
    assert [p.title for p in response.context["items"]] == ["Forum passé"]
    html = response.content.decode()
    assert "Atelier à venir" in html and "Forum passé" in html


def test_training_capsule_shows_objectives_format_and_sessions(client, home, vocab):
    trainings = publish(home, m.TrainingIndexPage(title="Formations", slug="formations"))
    capsule = m.TrainingCapsulePage(
        title="Rechercher des financements",
        slug="collecte-de-fonds",
        summary="Diversifier les ressources d'une association.",
        learning_objectives=[("objective", "Construire un plan de collecte")],
        training_format=m.TrainingFormat.BLENDED,
        pacing=m.Pacing.MIXED,
        duration_hours="7.5",
        workload="2 heures par semaine pendant 4 semaines",
        prerequisites="Aucun prérequis.",
        cost="Gratuit pour les adhérents",
    )
    capsule = publish(trainings, capsule)
    capsule.trainers.create(person=vocab["expert"])
    capsule.sessions.create(start=in_days(30), place="Centre social des Izards", capacity=12)
    capsule.audiences.set([vocab["volunteers"]])
    capsule.save_revision().publish()

    html = get_html(client, capsule)
    for expected in [
        "Rechercher des financements",
        "Construire un plan de collecte",
        str(m.TrainingFormat.BLENDED.label),
        "7,5",  # French decimal format
        "2 heures par semaine pendant 4 semaines",
        "Aucun prérequis.",
        "Gratuit pour les adhérents",
        "Claire Dubreuil",
        "Centre social des Izards",
        "Bénévoles",
    ]:
        assert expected in html, expected
    assert get_html(client, trainings).count("Rechercher des financements") >= 1


def test_good_practice_shows_what_who_why_how_and_ratings(client, home, vocab, social_centre):
    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
    practice = m.GoodPracticePage(
        title="Améliorer la collaboration entre les associations",
        slug="collaboration-associations",
        summary="Un réseau local d'associations qui mutualise ses moyens.",
        what="<p>Une plateforme d'échanges entre associations.</p>",
        who="<p>Le centre social et vingt associations.</p>",
        why="<p>Éviter l'isolement des petites associations.</p>",
        how="<p>Des rencontres trimestrielles et un annuaire partagé.</p>",
        lead_organisation=social_centre,
        other_partners="Ville de Toulouse\nCaisse d'allocations familiales",
        public_reach=1,
        recurrence=3,
        maturity=m.Maturity.ESTABLISHED,
        contact_name="Léa Martin",
        resources=[
            ("link", {"url": "https://example.org/guide", "title": "Guide de la mutualisation", "description": ""})
        ],
    )
    practice = publish(practices, practice)
    practice.domains.set([vocab["prevention"]])
    practice.tags.add("mutualisation")
    practice.save_revision().publish()

    html = get_html(client, practice)
    for expected in [
        "Une plateforme d'échanges entre associations.",
        "Le centre social et vingt associations.",
        "Éviter l'isolement des petites associations.",
        "Des rencontres trimestrielles et un annuaire partagé.",
        social_centre.title,
        "Ville de Toulouse",
        "Guide de la mutualisation",
        "https://example.org/guide",
        "Prévention",
        "mutualisation",
        "Léa Martin",
        str(m.Rating(1).label),
        str(m.Rating(3).label),
    ]:
        assert expected in html, expected
    assert social_centre.url in html
    assert practice.title in get_html(client, practices)


def test_mentoring_page_and_index(client, home, social_centre, vocab):
    mentoring = publish(home, m.MentoringIndexPage(title="Parrainage", slug="parrainage"))
    offer = m.MentoringPage(
        title="Accompagner un nouvel espace de vie sociale",
        slug="accompagner-evs",
        direction=m.MentoringDirection.OFFER,
        organisation=social_centre,
        summary="Nous partageons notre expérience de l'agrément CAF.",
        availability="Deux demi-journées par mois",
        contact_email="parrainage@izards.example.org",
    )
    offer = publish(mentoring, offer)
    html = get_html(client, offer)
    for expected in [
        "Accompagner un nouvel espace de vie sociale",
        social_centre.title,
        "Deux demi-journées par mois",
        "parrainage@izards.example.org",
        str(m.MentoringDirection.OFFER.label),
    ]:
        assert expected in html, expected
    response = client.get(mentoring.url)
    assert list(response.context["open_offers"]) == [offer]
    assert list(response.context["open_requests"]) == []


def test_project_axis_shows_every_section(client, home):
    project = publish(
        home, m.FederalProjectPage(title="Projet fédéral", slug="projet-federal", period_start=2024, period_end=2028)
    )
    axis = m.ProjectAxisPage(
        title="Impact social",
        slug="impact-social",
        global_context="<p>Les centres sociaux mesurent leur utilité sociale.</p>",
        stakes="<p>Rendre visible l'impact du réseau.</p>",
        previous_actions="<p>Une première enquête en 2022.</p>",
        operational_objectives=[("objective", "Outiller les centres pour l'évaluation")],
        avenues_for_action="<p>Créer un référentiel commun.</p>",
    )
    axis = publish(project, axis)
    axis.projects.create(
        title="Observatoire SENACS", start_year=2023, end_year=2026, status="in_progress", locale=axis.locale
    )
    axis.save_revision().publish()
    html = get_html(client, axis)
    for expected in [
        "Les centres sociaux mesurent leur utilité sociale.",
        "Rendre visible l'impact du réseau.",
        "Une première enquête en 2022.",
        "Outiller les centres pour l'évaluation",
        "Créer un référentiel commun.",
        "Observatoire SENACS",
        "2023",
        "2026",
    ]:
        assert expected in html, expected
    assert "Impact social" in get_html(client, project)


def test_news_page_linked_to_forum_report(client, home, social_centre):
    forums = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    forum = publish(
        forums, m.ForumPage(title="Forum SENACS", slug="forum-senacs", start=in_days(-3), venue_name="Toulouse")
    )
    news_index = publish(home, m.NewsIndexPage(title="Actualités", slug="actualites"))
    news = m.NewsPage(
        title="Retour sur le forum SENACS",
        slug="retour-forum-senacs",
        kind=m.NewsKind.FORUM_REPORT,
        forum=forum,
        organisation=social_centre,
        author_name="Équipe fédérale",
        intro="Ce qu'il faut retenir de la demi-journée.",
        body=[("paragraph", "<p>Les données de l'observatoire ont nourri les échanges.</p>")],
    )
    news = publish(news_index, news)
    news.tags.add("observatoire")
    news.save_revision().publish()
    html = get_html(client, news)
    for expected in [
        "Retour sur le forum SENACS",
        "Équipe fédérale",
        "Les données de l'observatoire ont nourri les échanges.",
        forum.url,
        social_centre.title,
        "observatoire",
    ]:
        assert expected in html, expected
    assert news.title in get_html(client, news_index)


@pytest.mark.parametrize(
    ("child", "allowed_parent"),
    [
        (m.OrganisationPage, m.OrganisationIndexPage),
        (m.ForumPage, m.ForumIndexPage),
        (m.TrainingCapsulePage, m.TrainingIndexPage),
        (m.GoodPracticePage, m.GoodPracticeIndexPage),
        (m.MentoringPage, m.MentoringIndexPage),
        (m.ProjectAxisPage, m.FederalProjectPage),
        (m.NewsPage, m.NewsIndexPage),
    ],
)
def test_content_pages_only_go_under_their_index(child, allowed_parent):
    assert child.allowed_parent_page_models() == [allowed_parent]
    # A section may hold its own catalogue (e.g. a practices-only search).
    assert allowed_parent.allowed_subpage_models() == [child, m.CataloguePage]
    assert child.allowed_subpage_models() == []


def test_news_forum_report_requires_its_forum():
    page = m.NewsPage(title="Compte rendu", slug="cr", kind=m.NewsKind.FORUM_REPORT)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "forum" in error.value.message_dict


def test_index_pagination_ignores_bad_page_numbers(client, directory, social_centre):
    for bad in ["abc", "-1", "99999", "1" * 400]:
        response = client.get(directory.url, {"page": bad})
        assert response.status_code == 200
        assert social_centre.title in response.content.decode()
