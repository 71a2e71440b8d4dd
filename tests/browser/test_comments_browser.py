"""The comment form under a news item, and its error state, in a real browser:
axe-core (WCAG 2.1 A and AA), the error summary announced, nothing typed lost, the
e-mail address never shown; screenshots at 1280 and 390 px."""

import pytest

from wagtail_reseau import models as m
from wagtail_reseau.comments.models import Comment, CommentStatus

from .conftest import SCREENSHOT_DIR
from .test_catalogue_browser import run_axe
from tests.conftest import publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def catalogue_site(live_server, home, locale_fr):
    """Replaces the catalogue's data (the ``browser`` fixture asks for it): a news
    item with an approved comment and its reply."""
    index = publish(home, m.NewsIndexPage(title="Actualités", slug="actualites"))
    item = publish(index, m.NewsPage(title="Le forum de printemps", slug="forum-printemps", intro="Retour."))
    first = Comment.objects.create(
        page=item, author_name="Amina", email="amina.secret@example.org", body="Merci !", status=CommentStatus.APPROVED
    )
    Comment.objects.create(
        page=item,
        parent=first,
        author_name="Louis",
        email="louis.secret@example.org",
        body="Avec plaisir.",
        status=CommentStatus.APPROVED,
    )
    return {"item": live_server.url + item.url}


def shoot(page, name):
    folder = SCREENSHOT_DIR / "comments"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def test_the_comment_form_and_its_errors(axe_js, page, catalogue_site):
    from playwright.sync_api import expect

    page.goto(catalogue_site["item"] + "#comments")
    expect(page.locator("#comments-title")).to_be_visible()
    assert "secret@example.org" not in page.content()
    run_axe(page, axe_js, "comments and their form")
    shoot(page, "comments-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    shoot(page, "comments-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.fill("#id_comment-author_name", "Claire")
    page.fill("#id_comment-email", "pas-une-adresse")
    page.fill("#id_comment-body", "Une question sur les ateliers.")
    page.locator("button[name=reseau_comment]").click()
    summary = page.locator("#comments .reseau-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_have_attribute("role", "alert")
    expect(page.locator("#id_comment-body")).to_have_value("Une question sur les ateliers.")
    expect(page.locator("#id_comment-email")).to_have_attribute("aria-invalid", "true")
    run_axe(page, axe_js, "comment form with errors")
    shoot(page, "comments-errors-1280")
