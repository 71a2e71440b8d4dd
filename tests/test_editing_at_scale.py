"""Editing at scale (issue 10, defect 7): organisations chosen with a searchable
chooser rather than one checkbox per organisation of the network; vocabulary labels
in the language's order; translations left live by an unpublish announced, with a
way to unpublish them too; an abandoned "add page" that leaves its slug taken."""

import pytest
from django.urls import reverse
from wagtail_localize.models import Translation

from wagtail_reseau import models as m

from tests.conftest import publish
from tests.test_admin import form_from
from tests.test_translation import translate_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(home, federation, social_centre):
    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
    return publish(practices, m.GoodPracticePage(title="Repair café", slug="repair-cafe"))


@pytest.fixture
def forum(home):
    forums = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    from tests.conftest import in_days

    return publish(
        forums,
        m.ForumPage(title="Forum", slug="forum", start=in_days(-3), attendance_mode=m.AttendanceMode.ONLINE),
    )


# (a) Organisations are chosen, not ticked -----------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "relation"), [("practice", "partner_organisations"), ("forum", "participating_organisations")]
)
def test_organisations_are_chosen_in_order_not_ticked(
    request, admin_client, fixture, relation, federation, social_centre
):
    page = request.getfixturevalue(fixture)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = admin_client.get(edit_url)
    html = response.content.decode()
    # No checkbox per organisation of the network: a chooser that adds several at once.
    assert f'name="{relation}"' not in html
    assert f'id="id_{relation}-OPEN_MODAL"' in html
    assert f'name="{relation}-TOTAL_FORMS"' in html

    data = form_from(response, model=type(page.specific))
    data[f"{relation}-TOTAL_FORMS"] = "2"
    for index, organisation in enumerate([social_centre, federation]):
        data[f"{relation}-{index}-organisation"] = str(organisation.pk)
        data[f"{relation}-{index}-ORDER"] = str(index + 1)
        data[f"{relation}-{index}-id"] = ""
        data[f"{relation}-{index}-DELETE"] = ""
    data["action-publish"] = "action-publish"
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    page = type(page.specific).objects.get(pk=page.pk)
    getter = getattr(page, "get_" + relation)
    assert getter() == [social_centre, federation]  # the editor's order, not the tree's


def test_the_organisation_chooser_searches(admin_client, federation, social_centre):
    response = admin_client.get(
        reverse("wagtailadmin_choose_page_search"),
        {"page_type": "wagtail_reseau.organisationpage", "q": "Izards", "multiple": "1"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Centre social des Izards" in html
    assert "Fédération régionale Occitanie" not in html


def test_partners_are_synchronised_to_translations(
    admin_client, practice, federation, social_centre, locale_en, django_capture_on_commit_callbacks
):
    practice.partner_organisations = [m.GoodPracticePartner(organisation=federation)]
    practice.save_revision().publish()
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[practice.pk]), {"locales": [locale_en.pk]}
    )
    assert response.status_code == 302
    pending = Translation.objects.get(source__object_id=practice.translation_key, target_locale=locale_en)
    translate_all(pending, lambda text: text, django_capture_on_commit_callbacks)
    english = m.GoodPracticePage.objects.get(pk=practice.get_translation(locale_en).pk)
    assert [link.organisation for link in english.partner_organisations.all()] == [federation]

    # The source's partners change: a sync carries them to the translation.
    practice.partner_organisations = [
        m.GoodPracticePartner(organisation=social_centre),
        m.GoodPracticePartner(organisation=federation),
    ]
    practice.save_revision().publish()
    pending.source.update_from_db()
    translate_all(pending, lambda text: text, django_capture_on_commit_callbacks)
    english = m.GoodPracticePage.objects.get(pk=english.pk)
    assert [link.organisation for link in english.partner_organisations.all()] == [social_centre, federation]


# (b) Vocabulary labels in the language's order ---------------------------------------


@pytest.fixture
def accented_audiences(locale_fr):
    names = ["Vie associative", "Égalité", "accès aux droits", "Emploi", "Œuvres sociales"]
    return [m.Audience.objects.create(name=n, slug=f"a{i}", locale=locale_fr) for i, n in enumerate(names)]


def test_collation_key_folds_accents_case_and_ligatures():
    from wagtail_reseau.core.collation import collation_key

    labels = ["Vie", "Égalité", "emploi", "Œuvre", "ordre", "Eau"]
    assert sorted(labels, key=collation_key) == ["Eau", "Égalité", "emploi", "Œuvre", "ordre", "Vie"]


@pytest.mark.parametrize("ordering", [None, "name", "-name"])
def test_vocabulary_listing_sorts_accented_names_in_place(admin_client, accented_audiences, ordering):
    url = reverse("wagtailsnippets_wagtail_reseau_audience:list")
    response = admin_client.get(url, {"ordering": ordering} if ordering else {})
    html = response.content.decode()
    assert response.status_code == 200
    expected = ["accès aux droits", "Égalité", "Emploi", "Œuvres sociales", "Vie associative"]
    if ordering == "-name":
        expected.reverse()
    positions = [html.index(name) for name in expected]
    assert positions == sorted(positions)


def test_sort_name_follows_a_renamed_term(accented_audiences):
    audience = accented_audiences[0]
    audience.name = "Égalité réelle"
    audience.save(update_fields=["name"])
    audience.refresh_from_db()
    assert audience.sort_name == "egalite reelle"


def test_classification_form_offers_terms_in_the_languages_order(locale_fr, home):
    names = ["Vie sociale", "Égalité femmes-hommes", "Emploi", "accompagnement"]
    for index, name in enumerate(names):
        m.DomainOfAction.objects.create(name=name, slug=f"d{index}", locale=locale_fr)
    form_class = m.GoodPracticePage.get_edit_handler().get_form_class()
    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
    form = form_class(instance=m.GoodPracticePage(locale=locale_fr), for_user=None, parent_page=practices)
    offered = [term.name for term in form.fields["domains"].queryset]
    assert offered == ["accompagnement", "Égalité femmes-hommes", "Emploi", "Vie sociale"]


# (c) Unpublishing a page says which translations stay live ------------------------------


def test_unpublishing_names_live_translations_and_offers_to_unpublish_them(admin_client, home, locale_en):
    from wagtail.models import Page

    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
    Page.objects.get(pk=home.pk).copy_for_translation(locale_en).save_revision().publish()
    english = practices.copy_for_translation(locale_en, copy_parents=True)
    english.title = "Good practices"
    english.save_revision().publish()

    response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[practices.pk]), follow=True)
    assert response.status_code == 200
    practices.refresh_from_db()
    assert not practices.live
    notes = [str(message) for message in response.context["messages"]]
    warning = next(note for note in notes if "still live" in note)
    unpublish_english = reverse("wagtailadmin_pages:unpublish", args=[english.pk])
    assert reverse("wagtailadmin_pages:edit", args=[english.pk]) in warning
    assert unpublish_english in warning

    # The link leads to Wagtail's own confirmation for the translation.
    assert admin_client.get(unpublish_english).status_code == 200
    response = admin_client.post(unpublish_english, follow=True)
    english.refresh_from_db()
    assert not english.live
    assert not any("still live" in str(message) for message in response.context["messages"])
