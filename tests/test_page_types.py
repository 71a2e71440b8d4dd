"""Wagtail's own page-test helpers on every page type of the package: each is
routable, renderable, editable, previewable and creatable only where it belongs.

The pages are filled as an editor would (classification, partner organisations,
sessions, trainers, contributors, projects, an image), so that the preview, which
Wagtail builds from the edit form with every relation held in memory, goes
through the same templates and methods as the published page.

The pages are built once for the module (tests/events/calendar_data.module_data: a
transaction rolled back after the module's last test); each test runs in a savepoint
of its own, so what a test saves (an edit, a preview) is gone for the next one, and
gets fresh instances of the pages."""

import datetime

import pytest
from django.urls import reverse
from wagtail import blocks
from wagtail.coreutils import get_dummy_request
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import querydict_from_html

from wagtail_reseau import models as m

from tests.conftest import build_federation, build_social_centre, build_vocab, in_days, publish
from tests.events.calendar_data import module_data

pytestmark = pytest.mark.django_db


class PageChecks(WagtailPageTestCase):
    """Wagtail's page assertions, usable from a pytest test (see the ``checks`` fixture)."""

    def runTest(self):  # unittest needs a method to name; the assertions are called directly
        pass


@pytest.fixture
def checks(client):
    helper = PageChecks()
    helper.client = client
    helper.dummy_request = get_dummy_request()
    return helper


def block_form_data(block, value, prefix, data):
    """The form data the admin's JavaScript would post for a block's value."""
    if isinstance(block, blocks.StreamBlock):
        children = list(value or [])
        data[f"{prefix}-count"] = str(len(children))
        for index, child in enumerate(children):
            data[f"{prefix}-{index}-type"] = child.block_type
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-id"] = child.id or ""
            block_form_data(child.block, child.value, f"{prefix}-{index}-value", data)
    elif isinstance(block, blocks.ListBlock):
        children = list(value.bound_blocks) if value else []
        data[f"{prefix}-count"] = str(len(children))
        for index, child in enumerate(children):
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-id"] = child.id or ""
            block_form_data(block.child_block, child.value, f"{prefix}-{index}-value", data)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            block_form_data(child_block, value.get(name) if value else None, f"{prefix}-{name}", data)
    else:
        state = block.get_form_state(value)
        if isinstance(state, dict):  # a chooser: its state describes the chosen object
            state = state.get("id")
        data[prefix] = "" if state is None else state


def edit_form_data(checks, page):
    """What the edit form posts for ``page``. Wagtail's helpers read it from the edit
    view's HTML, where stream fields are drawn by JavaScript: they are added here."""
    checks.client.force_login(checks.create_superuser("page-form-reader"))
    html = checks.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    checks.client.logout()
    data = dict(querydict_from_html(html, form_id="page-edit-form").lists())
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            block_form_data(field.stream_block, getattr(page, field.name), field.name, data)
    return data


def rich(text):
    return f"<p>{text}</p>"


def build_network():
    """One page of every type, under its allowed parent, filled and published; and
    the organisations' index, the federation and the social centre they refer to."""
    locale_fr = Locale.objects.get_or_create(language_code="fr")[0]
    home = Site.objects.get(is_default_site=True).root_page.specific
    vocab = build_vocab(locale_fr)
    directory = publish(home, m.OrganisationIndexPage(title="Annuaire", slug="annuaire"))
    federation = build_federation(directory, vocab)
    social_centre = build_social_centre(directory, federation, vocab)
    classification = {
        "domains": [vocab["participation"], vocab["prevention"]],
        "territories": [vocab["haute_garonne"]],
        "audiences": [vocab["volunteers"]],
    }
    pages = {"OrganisationIndexPage": federation.get_parent().specific, "OrganisationPage": social_centre}

    forums = pages["ForumIndexPage"] = publish(
        home, m.ForumIndexPage(title="Forums", slug="forums", intro=rich("Les rencontres du réseau."))
    )
    pages["ForumPage"] = publish(
        forums,
        m.ForumPage(
            title="Forum : la participation des habitants",
            slug="forum-participation",
            kind=m.ForumKind.FORUM,
            summary="Une demi-journée d'échanges.",
            description=rich("Lecture partagée des données de l'observatoire."),
            start=in_days(-10, 9),
            end=in_days(-10, 13),
            attendance_mode=m.AttendanceMode.HYBRID,
            venue_name="Maison des associations",
            organiser=social_centre,
            accessibility_services=["sign_interpretation"],
            capacity=80,
            agenda=[("item", {"title": "Accueil", "description": "", "speaker": ""})],
            report_summary=rich("Quarante personnes ont échangé."),
            attendee_count=40,
            participating_organisations=[
                m.ForumParticipant(organisation=social_centre),
                m.ForumParticipant(organisation=federation),
            ],
            contributors=[
                m.ForumContributor(person=vocab["expert"], role=m.ContributorRole.EXPERT, topic="Les données"),
                m.ForumContributor(person=vocab["speaker"], role=m.ContributorRole.SPEAKER),
            ],
            **classification,
        ),
    )

    trainings = pages["TrainingIndexPage"] = publish(
        home, m.TrainingIndexPage(title="Formations", slug="formations", intro=rich("Se former ensemble."))
    )
    pages["TrainingCapsulePage"] = publish(
        trainings,
        m.TrainingCapsulePage(
            title="Animer un collectif d'habitants",
            slug="animer-collectif",
            summary="Trois demi-journées pour animer un collectif.",
            description=rich("Une formation-action."),
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
        home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="pratiques", intro=rich("Ce qui marche."))
    )
    pages["GoodPracticePage"] = publish(
        practices,
        m.GoodPracticePage(
            title="Un repair café de quartier",
            slug="repair-cafe",
            summary="Des bénévoles réparent avec les habitants.",
            what=rich("Un atelier mensuel."),
            how=rich("Avec des bénévoles retraités."),
            lead_organisation=social_centre,
            partner_organisations=[
                m.GoodPracticePartner(organisation=federation),
                m.GoodPracticePartner(organisation=social_centre),
            ],
            other_partners="La médiathèque\nLe collège",
            public_reach=m.Rating.TWO,
            recurrence=m.Rating.FOUR,
            start_date=datetime.date(2023, 9, 1),
            maturity=m.Maturity.ESTABLISHED,
            **classification,
        ),
    )

    mentoring = pages["MentoringIndexPage"] = publish(
        home, m.MentoringIndexPage(title="Compagnonnage", slug="compagnonnage", intro=rich("S'entraider."))
    )
    pages["MentoringPage"] = publish(
        mentoring,
        m.MentoringPage(
            title="Accompagner un projet de centre social",
            slug="accompagner-projet",
            organisation=social_centre,
            summary="Une directrice expérimentée propose son aide.",
            description=rich("Deux rencontres par mois."),
            available_from=datetime.date(2025, 1, 1),
            **classification,
        ),
    )

    project = pages["FederalProjectPage"] = publish(
        home,
        m.FederalProjectPage(
            title="Projet fédéral", slug="projet", intro=rich("Nos orientations."), period_start=2024, period_end=2028
        ),
    )
    pages["ProjectAxisPage"] = publish(
        project,
        m.ProjectAxisPage(
            title="Axe 1 : le pouvoir d'agir",
            slug="axe-1",
            summary="Soutenir les initiatives d'habitants.",
            stakes=rich("Rendre visibles les initiatives."),
            operational_objectives=[("objective", "Accompagner cent initiatives")],
            projects=[m.ProjectUnderWay(title="Cent initiatives", start_year=2024, end_year=2026)],
            **classification,
        ),
    )

    news = pages["NewsIndexPage"] = publish(
        home, m.NewsIndexPage(title="Actualités", slug="actualites", intro=rich("Les nouvelles du réseau."))
    )
    image = get_image_model().objects.create(title="Atelier", file=get_test_image_file())
    pages["NewsPage"] = publish(
        news,
        m.NewsPage(
            title="Retour sur le forum",
            slug="retour-forum",
            intro="Quarante personnes ont lu les données ensemble.",
            organisation=social_centre,
            forum=pages["ForumPage"],
            image=image,
            image_alt="Des habitants autour d'une table",
            body=[("paragraph", rich("Un après-midi d'échanges."))],
            **classification,
        ),
    )

    pages["AgendaPage"] = publish(home, m.AgendaPage(title="Agenda", slug="agenda", intro=rich("Ce qui vient.")))

    pages["CataloguePage"] = publish(
        practices, m.CataloguePage(title="Chercher une pratique", slug="chercher", intro=rich("Filtrez."))
    )

    # The network's home page with every block (under a plain page, as a site root would be).
    pages["NetworkHomePage"] = publish(
        home,
        m.NetworkHomePage(
            title="Le réseau",
            slug="reseau",
            body=[
                ("search", {"catalogue": pages["CataloguePage"], "heading": "", "label": ""}),
                ("upcoming", {"heading": "", "show": "both", "count": 4, "more_page": forums}),
                ("practices", {"heading": "", "count": 3, "more_page": practices}),
                ("news", {"heading": "", "kind": "residents_initiative", "count": 3, "more_page": None}),
                ("figures", {"heading": "Le réseau en chiffres"}),
                ("text", rich("Bienvenue.")),
            ],
        ),
    )
    return {"pages": pages, "directory": directory, "federation": federation, "social_centre": social_centre}


@pytest.fixture(scope="module")
def network_module(django_db_setup, django_db_blocker):
    with module_data(django_db_blocker, build_network) as data:
        yield data


def fresh(page):
    """The page as stored now: no test sees what another one changed in memory."""
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def network(network_module, db):
    """One page of every type (by the name of its class), built once for the module."""
    return {name: fresh(page) for name, page in network_module["pages"].items()}


# The organisations of the module's network, for the tests below (tests/conftest.py's
# fixtures of the same names would build a second directory).
@pytest.fixture
def directory(network_module, db):
    return fresh(network_module["directory"])


@pytest.fixture
def federation(network_module, db):
    return fresh(network_module["federation"])


@pytest.fixture
def social_centre(network_module, db):
    return fresh(network_module["social_centre"])


#: Every concrete page type of the package, with the parents it may be created under.
#: The index pages go under any page that accepts them: a plain page or the network's home.
SECTION_PARENTS = {Page, m.NetworkHomePage}
ALLOWED_PARENTS = {
    m.NetworkHomePage: {Page},
    m.AgendaPage: SECTION_PARENTS,
    m.OrganisationIndexPage: SECTION_PARENTS,
    m.OrganisationPage: {m.OrganisationIndexPage},
    m.ForumIndexPage: SECTION_PARENTS,
    m.ForumPage: {m.ForumIndexPage},
    m.TrainingIndexPage: SECTION_PARENTS,
    m.TrainingCapsulePage: {m.TrainingIndexPage},
    m.GoodPracticeIndexPage: SECTION_PARENTS,
    m.GoodPracticePage: {m.GoodPracticeIndexPage},
    m.MentoringIndexPage: SECTION_PARENTS,
    m.MentoringPage: {m.MentoringIndexPage},
    m.FederalProjectPage: SECTION_PARENTS,
    m.ProjectAxisPage: {m.FederalProjectPage},
    m.NewsIndexPage: SECTION_PARENTS,
    m.NewsPage: {m.NewsIndexPage},
    m.CataloguePage: SECTION_PARENTS | {
        m.OrganisationIndexPage,
        m.ForumIndexPage,
        m.TrainingIndexPage,
        m.GoodPracticeIndexPage,
        m.MentoringIndexPage,
        m.FederalProjectPage,
        m.NewsIndexPage,
    },
}
PAGE_TYPES = sorted(ALLOWED_PARENTS, key=lambda model: model.__name__)
PAGE_TYPE_IDS = [model.__name__ for model in PAGE_TYPES]


def test_every_page_type_of_the_package_is_checked():
    from wagtail.models import get_page_models

    package_page_types = {
        model
        for model in get_page_models()
        if model._meta.app_label == "wagtail_reseau" and not model._meta.abstract
    }
    assert package_page_types == set(ALLOWED_PARENTS)


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=PAGE_TYPE_IDS)
def test_page_type_is_creatable_where_it_belongs(checks, page_type):
    checks.assertAllowedParentPageTypes(page_type, ALLOWED_PARENTS[page_type])
    for parent in ALLOWED_PARENTS[page_type]:
        checks.assertCanCreateAt(parent, page_type)


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=PAGE_TYPE_IDS)
def test_page_is_routable_renderable_and_editable(checks, network, page_type):
    page = network[page_type.__name__]
    assert type(page) is page_type
    checks.assertPageIsRoutable(page)
    checks.assertPageIsRenderable(page)
    checks.assertPageIsEditable(page, post_data=edit_form_data(checks, page))


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=PAGE_TYPE_IDS)
def test_page_is_previewable(checks, network, page_type):
    page = network[page_type.__name__]
    checks.assertPageIsPreviewable(page, post_data=edit_form_data(checks, page))


# -- The relations a preview holds in memory -------------------------------------------


@pytest.fixture
def draft_organisation(directory):
    page = m.OrganisationPage(title="Structure en brouillon", slug="brouillon", live=False)
    directory.add_child(instance=page)
    return page


def test_practice_partners_in_memory_are_the_live_ones(network, draft_organisation, federation):
    practice = m.GoodPracticePage.objects.get(pk=network["GoodPracticePage"].pk)
    # As a preview holds them: set on the instance, not saved.
    practice.partner_organisations = [
        m.GoodPracticePartner(organisation=draft_organisation),
        m.GoodPracticePartner(organisation=federation),
    ]
    assert practice.get_partner_organisations() == [federation]


def test_forum_participants_in_memory_are_the_live_ones(network, draft_organisation, social_centre):
    forum = m.ForumPage.objects.get(pk=network["ForumPage"].pk)
    forum.participating_organisations = [
        m.ForumParticipant(organisation=social_centre),
        m.ForumParticipant(organisation=draft_organisation),
    ]
    assert forum.get_participating_organisations() == [social_centre]


def test_saved_partners_are_the_live_ones_in_the_editors_order(network, draft_organisation, federation, social_centre):
    practice = m.GoodPracticePage.objects.get(pk=network["GoodPracticePage"].pk)
    practice.partner_organisations = [
        m.GoodPracticePartner(organisation=social_centre),
        m.GoodPracticePartner(organisation=draft_organisation),
        m.GoodPracticePartner(organisation=federation),
        m.GoodPracticePartner(organisation=social_centre),  # chosen twice: shown once
    ]
    practice.save()
    practice = m.GoodPracticePage.objects.get(pk=practice.pk)
    assert practice.get_partner_organisations() == [social_centre, federation]
