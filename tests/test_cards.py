"""A card shows a page's summary as text: a rich-text introduction is read, not
shown as HTML source (issue 10: the home page's cards showed literal <p>)."""

import html

import pytest

from wagtail_reseau import models as m
from wagtail_reseau.templatetags.reseau_cards import card_summary

from tests.conftest import publish

pytestmark = pytest.mark.django_db


def test_home_cards_show_rich_text_introductions_as_text(client, home):
    publish(
        home,
        m.ForumIndexPage(
            title="Forums",
            slug="forums",
            show_in_menus=True,
            intro="<p>Les rencontres <b>du</b> réseau &amp; ses ateliers.</p><p>Ouvertes à tous.</p>",
        ),
    )
    response = client.get(home.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "&lt;p&gt;" not in content and "&lt;b&gt;" not in content
    assert "&amp;amp;" not in content
    assert "Les rencontres du réseau & ses ateliers. Ouvertes à tous." in html.unescape(content)


def test_plain_text_introductions_keep_their_characters_escaped(client, home):
    news = publish(home, m.NewsIndexPage(title="Actualités", slug="actualites"))
    publish(news, m.NewsPage(title="Brève", slug="breve", intro="Moins de <5 % & plus de 3 > 2"))
    content = client.get(news.url).content.decode()
    assert "Moins de &lt;5 % &amp; plus de 3 &gt; 2" in content


def test_card_summary_prefers_the_summary_and_cuts_long_introductions():
    assert card_summary(m.GoodPracticePage(summary="Court.", what="<p>Long</p>")) == "Court."
    intro = "<p>" + " ".join(["mot"] * 80) + "</p>"
    summary = card_summary(m.ForumIndexPage(intro=intro))
    assert "<" not in summary
    assert len(summary.split()) == 60 and summary.endswith("…")
    assert card_summary(m.ForumIndexPage(intro="<p> </p>")) == ""
