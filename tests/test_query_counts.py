"""Every public page renders in a number of SQL queries that does not grow with its
children, relations or tags: the same network is built with 2 and with 30 of
everything (children of each index, domains, territories, audiences, tags, partner
and participating organisations, sessions, trainers, contributors, projects,
opening hours), and each page type must answer in as many queries in both.

The figures are recorded in docs/performance.md; ``RESEAU_PRINT_QUERY_COUNTS=1``
prints them (``pytest tests/test_query_counts.py -s``)."""

import datetime
import os

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from wagtail_reseau import models as m

from tests.conftest import in_days

pytestmark = pytest.mark.django_db

SMALL, LARGE = 2, int(os.environ.get("RESEAU_QUERY_COUNT_LARGE", 30))


def publish(parent, page):
    """Adds ``page`` live under ``parent`` (no revision: 400 pages must build quickly)."""
    parent.add_child(instance=page)
    return page


def rich(text):
    return f"<p>{text}</p>"


def build_network(home, locale, size):
    """One index of each kind under ``home`` with ``size`` children, each child with
    ``size`` of each relation. Returns ``{page type name: a published page}``."""
    prefix = f"n{size}"
    domains = [
        m.DomainOfAction.objects.create(name=f"Domaine {prefix}-{i}", slug=f"{prefix}-d{i}", locale=locale)
        for i in range(size)
    ]
    territories = [
        m.Territory.objects.create(name=f"Territoire {prefix}-{i}", slug=f"{prefix}-t{i}", locale=locale)
        for i in range(size)
    ]
    audiences = [
        m.Audience.objects.create(name=f"Public {prefix}-{i}", slug=f"{prefix}-a{i}", locale=locale)
        for i in range(size)
    ]
    people = [m.Person.objects.create(name=f"Personne {prefix}-{i}", locale=locale) for i in range(size)]
    kind = m.OrganisationType.objects.create(
        name=f"Type {prefix}", slug=f"{prefix}-type", code=f"T{size}", locale=locale
    )
    tags = [f"mot-{prefix}-{i}" for i in range(size)]
    image = get_image_model().objects.create(title="Atelier", file=get_test_image_file())

    def classified(page):
        page.domains = domains
        page.territories = territories
        page.audiences = audiences
        if hasattr(page, "tags"):
            page.tags.add(*tags)
        return page

    pages = {}
    directory = pages["OrganisationIndexPage"] = publish(
        home, m.OrganisationIndexPage(title=f"Annuaire {prefix}", slug=f"annuaire-{prefix}", intro=rich("Annuaire."))
    )
    federation = publish(
        directory,
        classified(
            m.OrganisationPage(
                title=f"Fédération {prefix}",
                slug=f"federation-{prefix}",
                network_level=m.NetworkLevel.REGIONAL,
                organisation_type=kind,
                logo=image,
                opening_hours=[
                    m.OrganisationOpeningHours(weekday=i % 7, opens=datetime.time(9), closes=datetime.time(12))
                    for i in range(size)
                ],
            )
        ),
    )
    organisations = [federation]
    for i in range(size - 1):
        organisations.append(
            publish(
                directory,
                classified(
                    m.OrganisationPage(
                        title=f"Centre social {prefix}-{i}",
                        slug=f"centre-{prefix}-{i}",
                        network_level=m.NetworkLevel.MEMBER,
                        parent_organisation=federation,
                        organisation_type=kind,
                        summary="Un centre social.",
                        commune="Toulouse",
                        postcode="31000",
                        logo=image,
                    )
                ),
            )
        )
    pages["OrganisationPage"] = federation

    forums = pages["ForumIndexPage"] = publish(
        home, m.ForumIndexPage(title=f"Forums {prefix}", slug=f"forums-{prefix}", intro=rich("Forums."))
    )
    for i in range(size):
        for past in (True, False):
            forum = publish(
                forums,
                classified(
                    m.ForumPage(
                        title=f"Forum {prefix}-{i}-{past}",
                        slug=f"forum-{prefix}-{i}-{'past' if past else 'next'}",
                        summary="Une rencontre.",
                        start=in_days(-10 - i if past else 10 + i, 9),
                        venue_name="Maison des associations",
                        organiser=federation,
                        participating_organisations=[m.ForumParticipant(organisation=o) for o in organisations],
                        report_summary=rich("Compte rendu."),
                        contributors=[
                            m.ForumContributor(person=person, role=m.ContributorRole.EXPERT, locale=locale)
                            for person in people
                        ],
                    )
                ),
            )
            pages.setdefault("ForumPage", forum)

    trainings = pages["TrainingIndexPage"] = publish(
        home, m.TrainingIndexPage(title=f"Formations {prefix}", slug=f"formations-{prefix}", intro=rich("Formations."))
    )
    for i in range(size):
        capsule = publish(
            trainings,
            classified(
                m.TrainingCapsulePage(
                    title=f"Formation {prefix}-{i}",
                    slug=f"formation-{prefix}-{i}",
                    summary="Se former.",
                    duration_hours=9,
                    provider=federation,
                    trainers=[m.TrainingTrainer(person=person) for person in people],
                    # Past and upcoming sessions in both networks: an upcoming one
                    # brings the registration form, so both must have one.
                    sessions=[
                        m.TrainingSession(start=in_days(j - size // 2 + 1, 9), place="Toulouse", capacity=15)
                        for j in range(size)
                    ],
                )
            ),
        )
        pages.setdefault("TrainingCapsulePage", capsule)

    practices = pages["GoodPracticeIndexPage"] = publish(
        home, m.GoodPracticeIndexPage(title=f"Pratiques {prefix}", slug=f"pratiques-{prefix}", intro=rich("Pratiques."))
    )
    for i in range(size):
        practice = publish(
            practices,
            classified(
                m.GoodPracticePage(
                    title=f"Pratique {prefix}-{i}",
                    slug=f"pratique-{prefix}-{i}",
                    summary="Une pratique.",
                    what=rich("Un atelier."),
                    lead_organisation=organisations[i % size],
                    partner_organisations=[m.GoodPracticePartner(organisation=o) for o in organisations],
                    maturity=m.Maturity.ESTABLISHED,
                    start_date=datetime.date(2023, 9, 1),
                )
            ),
        )
        pages.setdefault("GoodPracticePage", practice)

    mentoring = pages["MentoringIndexPage"] = publish(
        home,
        m.MentoringIndexPage(title=f"Compagnonnage {prefix}", slug=f"compagnonnage-{prefix}", intro=rich("Entraide.")),
    )
    for i in range(size):
        offer = publish(
            mentoring,
            classified(
                m.MentoringPage(
                    title=f"Offre {prefix}-{i}",
                    slug=f"offre-{prefix}-{i}",
                    organisation=organisations[i % size],
                    summary="Une aide.",
                    direction=m.MentoringDirection.OFFER if i % 2 else m.MentoringDirection.REQUEST,
                )
            ),
        )
        pages.setdefault("MentoringPage", offer)

    project = pages["FederalProjectPage"] = publish(
        home,
        m.FederalProjectPage(
            title=f"Projet {prefix}",
            slug=f"projet-{prefix}",
            intro=rich("Orientations."),
            period_start=2024,
            period_end=2028,
        ),
    )
    for i in range(size):
        axis = publish(
            project,
            classified(
                m.ProjectAxisPage(
                    title=f"Axe {prefix}-{i}",
                    slug=f"axe-{prefix}-{i}",
                    summary="Un axe.",
                    stakes=rich("Des enjeux."),
                    projects=[
                        m.ProjectUnderWay(title=f"Projet {j}", start_year=2024, end_year=2026, locale=locale)
                        for j in range(size)
                    ],
                )
            ),
        )
        pages.setdefault("ProjectAxisPage", axis)

    news = pages["NewsIndexPage"] = publish(
        home, m.NewsIndexPage(title=f"Actualités {prefix}", slug=f"actualites-{prefix}", intro=rich("Nouvelles."))
    )
    for i in range(size):
        item = publish(
            news,
            classified(
                m.NewsPage(
                    title=f"Nouvelle {prefix}-{i}",
                    slug=f"nouvelle-{prefix}-{i}",
                    intro="Une nouvelle.",
                    organisation=organisations[i % size],
                    forum=pages["ForumPage"],
                    image=image,
                    image_alt="Une image",
                    body=[("paragraph", rich("Un texte."))],
                )
            ),
        )
        pages.setdefault("NewsPage", item)

    pages["CataloguePage"] = publish(
        practices, m.CataloguePage(title=f"Chercher {prefix}", slug=f"chercher-{prefix}", results_per_page=12)
    )
    return pages


def count_queries(client, page):
    url = page.url
    assert client.get(url).status_code == 200  # warms the caches (site root paths, locales)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def networks(home, locale_fr):
    small = build_network(home, locale_fr, SMALL)
    large = build_network(home, locale_fr, LARGE)
    call_command("reseau_rebuild_catalogue", no_progress=True, verbosity=0)
    return small, large


def test_public_pages_render_in_a_constant_number_of_queries(client, networks):
    small, large = networks
    counts = {name: (count_queries(client, small[name]), count_queries(client, large[name])) for name in small}
    if os.environ.get("RESEAU_PRINT_QUERY_COUNTS"):
        for name, (few, many) in sorted(counts.items()):
            print(f"{name:24} {SMALL:>2}: {few:>3}   {LARGE}: {many:>3}")
    growing = {name: pair for name, pair in counts.items() if pair[0] != pair[1]}
    assert not growing, f"queries with {SMALL} and {LARGE} of everything: {growing}"
