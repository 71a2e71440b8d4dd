"""The example site's demo content loads, is valid, renders, exists in English,
and running the command a second time changes nothing."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Locale, Page, Revision

from wagtail_reseau import models as m

pytestmark = pytest.mark.django_db


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"wagtail_reseau", "wagtailcore", "taggit", "wagtail_localize", "auth"}
    }


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    out = StringIO()
    # wagtail-localize publishes translations on commit.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=out)
    return out.getvalue()


def test_demo_content_is_loaded_once_and_second_run_changes_nothing(demo, django_capture_on_commit_callbacks):
    assert "http://testserver/admin/" in demo  # WAGTAILADMIN_BASE_URL of the test settings
    assert "admin" in demo
    before = row_counts()
    revisions = Revision.objects.count()
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=out)
    assert row_counts() == before
    assert Revision.objects.count() == revisions
    assert "0 " in out.getvalue()  # "0 objects created"


def test_demo_content_covers_every_content_type(demo):
    assert m.OrganisationPage.objects.live().filter(network_level=m.NetworkLevel.NATIONAL).exists()
    assert m.OrganisationPage.objects.live().exclude(parent_organisation=None).count() >= 5
    assert m.ForumPage.objects.live().exclude(perspectives=[]).exists()
    assert m.TrainingCapsulePage.objects.live().count() >= 4
    assert m.GoodPracticePage.objects.live().filter(locale__language_code="fr").count() >= 12
    assert m.MentoringPage.objects.live().filter(direction=m.MentoringDirection.REQUEST).exists()
    assert m.ProjectAxisPage.objects.live().count() >= 3
    assert m.NewsPage.objects.live().filter(kind=m.NewsKind.FORUM_REPORT).exclude(forum=None).exists()
    assert m.DomainOfAction.objects.filter(locale__language_code="en", slug="sante").exists()
    # Every demo page respects the models' validation.
    for page in Page.objects.live().type(m.GoodPracticePage, m.OrganisationPage, m.ForumPage).specific():
        page.full_clean()


def test_every_demo_page_renders_and_the_draft_stays_hidden(client, demo):
    # The demo's draft, and the proposals waiting in the moderation workflow.
    drafts = list(m.GoodPracticePage.objects.filter(live=False))
    assert len(drafts) >= 3
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        for draft in drafts:
            assert draft.title not in response.content.decode()
    for draft in drafts:
        assert client.get(draft.url).status_code == 404
    english = m.GoodPracticePage.objects.live().filter(locale__language_code="en").first()
    assert english is not None and english.url.startswith("/en/")


def test_the_whole_demo_exists_in_english(client, demo):
    french, english = Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="en")
    pairs = []
    for page in Page.objects.live().filter(locale=french, depth__gt=1).order_by("path"):
        translation = page.get_translation_or_none(english)
        assert translation is not None and translation.live, page.url_path
        pairs.append((page, translation))
    # Every page, the home page included, has an English title and address of its own.
    assert len(pairs) > 60
    for page, translation in pairs:
        assert translation.title != page.title, page.title
        if page.depth > 2:
            assert translation.slug != page.slug or page.slug == "catalogue", page.slug

    # A sample of 20 English pages spread over the tree answers in English, with the
    # switch leading to the French page and the English site name.
    sample = [translation for _page, translation in pairs[:: len(pairs) // 20]][:20]
    assert len({page.pk for page in sample}) == 20
    for page, translation in pairs:
        if translation in sample:
            html = client.get(translation.url).content.decode()
            assert '<html lang="en"' in html, translation.url
            assert f'<a href="{page.url}" hreflang="fr"' in html, translation.url
            assert "Trait d&#x27;Union network of social centres</a>" in html, translation.url
            assert "Réseau Trait d" not in html, translation.url

    # The English catalogue searches the English documents.
    catalogue = m.CataloguePage.objects.live().get(locale=english, slug="search")
    html = client.get(catalogue.url, {"q": "garden"}).content.decode()
    assert "A shared garden and a community kitchen" in html
    assert "Un jardin partagé" not in html
