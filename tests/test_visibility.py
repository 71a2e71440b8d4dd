"""Draft, private and unpublished content never leaks into listings or the API."""

import pytest
from wagtail.models import PageViewRestriction

from wagtail_reseau import models as m

from tests.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(home):
    return publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))


@pytest.fixture
def hidden_practices(practices):
    published = publish(practices, m.GoodPracticePage(title="Pratique publiée", slug="publiee"))

    draft = m.GoodPracticePage(title="Pratique en brouillon", slug="brouillon", live=False)
    practices.add_child(instance=draft)
    draft.save_revision()

    unpublished = publish(practices, m.GoodPracticePage(title="Pratique dépubliée", slug="depubliee"))
    unpublished.unpublish()

    private = publish(practices, m.GoodPracticePage(title="Pratique réservée", slug="reservee"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret")

    # A published page whose latest revision is a draft shows its published title only.
    changed = publish(practices, m.GoodPracticePage(title="Titre publié", slug="modifiee"))
    changed.title = "Titre en cours de rédaction"
    changed.save_revision()
    return published


HIDDEN = ["Pratique en brouillon", "Pratique dépubliée", "Pratique réservée", "Titre en cours de rédaction"]


def test_index_page_lists_only_live_public_content(client, practices, hidden_practices):
    html = client.get(practices.url).content.decode()
    assert "Pratique publiée" in html
    assert "Titre publié" in html
    for title in HIDDEN:
        assert title not in html, title


def test_api_serves_only_live_public_content(client, practices, hidden_practices):
    response = client.get("/api/v2/pages/", {"type": "wagtail_reseau.GoodPracticePage", "fields": "title,summary"})
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert sorted(titles) == ["Pratique publiée", "Titre publié"]


def test_api_exposes_the_documented_fields(client, practices, vocab):
    practice = publish(practices, m.GoodPracticePage(title="Jardin", slug="jardin", public_reach=2, recurrence=4))
    practice.domains.set([vocab["health"]])
    practice.save_revision().publish()
    response = client.get(f"/api/v2/pages/{practice.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["public_reach"] == 2
    assert data["recurrence"] == 4
    assert "what" in data and "licence" in data
    assert len(data["domains"]) == 1


def test_unpublished_page_is_not_served(client, practices):
    page = publish(practices, m.GoodPracticePage(title="Bientôt retirée", slug="retiree"))
    url = page.url
    page.unpublish()
    assert client.get(url).status_code == 404
