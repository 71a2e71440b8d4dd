"""reseau_uninstall removes the package's pages (every language) and vocabularies,
and what Wagtail keeps about them, before ``migrate wagtail_reseau zero``; the site's
own pages stay and the tree stays sound."""

from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Revision

from wagtail_reseau import models as m

from tests.conftest import publish

pytestmark = pytest.mark.django_db


def uninstall(*args):
    out = StringIO()
    call_command("reseau_uninstall", "--noinput", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def site_with_network(home, vocab, locale_en):
    about = publish(home, Page(title="À propos", slug="a-propos"))
    practices = publish(home, m.GoodPracticeIndexPage(title="Pratiques", slug="pratiques"))
    practice = m.GoodPracticePage(title="Jardin", slug="jardin")
    publish(practices, practice)
    practice.domains.add(m.DomainOfAction.objects.first())
    practice.save_revision().publish()
    news = publish(home, m.NewsIndexPage(title="Actualités", slug="actualites"))
    publish(news, m.NewsPage(title="Une", slug="une"))
    english_home = home.copy_for_translation(locale_en)
    publish(english_home, m.NewsIndexPage(title="News", slug="news"))
    return {"about": about, "practices": practices}


def package_content_type_ids():
    return [ct.pk for ct in ContentType.objects.filter(app_label="wagtail_reseau")]


def test_dry_run_counts_and_deletes_nothing(site_with_network):
    before = Page.objects.count()
    output = uninstall("--dry-run")
    assert "Pages to delete" in output or "Pages à supprimer" in output
    assert "/pratiques/" in output and "5" in output
    assert Page.objects.count() == before
    assert m.DomainOfAction.objects.exists()


def test_uninstall_removes_the_package_content_and_keeps_the_site(site_with_network, home):
    package_types = package_content_type_ids()
    assert Revision.objects.filter(content_type_id__in=package_types).exists()
    uninstall()
    assert not Page.objects.filter(content_type_id__in=package_types).exists()
    assert Page.objects.filter(pk=site_with_network["about"].pk).exists()
    assert Page.objects.filter(pk=home.pk).exists()
    assert Page.find_problems() == ([], [], [], [], [])
    for model in (m.DomainOfAction, m.Territory, m.Audience, m.OrganisationType):
        assert not model.objects.exists(), model
    assert not Revision.objects.filter(content_type_id__in=package_types).exists()
    assert not ContentType.objects.filter(app_label="wagtail_reseau").exists()
    # A new page can still be added where the package's pages were.
    Page.objects.get(pk=home.pk).add_child(instance=Page(title="Nouvelle", slug="nouvelle"))


def test_a_site_page_below_a_package_page_is_not_deleted_silently(site_with_network):
    publish(site_with_network["practices"], Page(title="Page du site", slug="page-du-site"))
    with pytest.raises(CommandError, match="page-du-site"):
        uninstall()
    assert m.GoodPracticeIndexPage.objects.exists()
    uninstall("--delete-host-pages")
    assert not m.GoodPracticeIndexPage.objects.exists()
