"""A news list with news items and a past forum with its report."""

import pytest

from wagtail_reseau import models as m

from tests.conftest import in_days, publish


def rich(text):
    return f"<p>{text}</p>"


@pytest.fixture
def news(home):
    index = publish(home, m.NewsIndexPage(title="Actualités", slug="actualites"))
    items = [
        publish(index, m.NewsPage(title=f"Nouvelle {i}", slug=f"nouvelle-{i}", intro="Une nouvelle.")) for i in range(3)
    ]
    return {"index": index, "items": items, "item": items[0]}


@pytest.fixture
def forum(home):
    index = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    past = publish(
        index,
        m.ForumPage(
            title="Forum passé",
            slug="forum-passe",
            summary="Une rencontre.",
            start=in_days(-10, 9),
            venue_name="Maison des associations",
            report_summary=rich("Compte rendu du forum."),
        ),
    )
    upcoming = publish(
        index,
        m.ForumPage(
            title="Forum à venir",
            slug="forum-a-venir",
            summary="Une rencontre.",
            start=in_days(10, 9),
            venue_name="Maison des associations",
        ),
    )
    return {"past": past, "upcoming": upcoming}


def comment_data(**changes):
    data = {
        "comment-author_name": "Amina Diallo",
        "comment-email": "amina.secret@example.org",
        "comment-body": "Merci pour ce compte rendu !",
        "comment-consent": "on",
        "reseau_comment": "1",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
