"""RSS and Atom feeds of news, practices and upcoming forums, read back with
feedparser: only live, public pages, filtered with the catalogue's parameters."""

import feedparser
import pytest

pytestmark = pytest.mark.django_db


def read(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def titles(feed):
    return [entry.title for entry in feed.entries]


@pytest.mark.parametrize("syndication_format", ["rss", "atom"])
def test_news_feed(client, tree, syndication_format):
    feed = read(client, f"/feeds/news.{syndication_format}")
    assert feed.version == ("rss20" if syndication_format == "rss" else "atom10")
    assert set(titles(feed)) == {"Retour sur le forum", "Une autre nouvelle"}  # no draft, no private page
    entry = next(entry for entry in feed.entries if entry.title == "Retour sur le forum")
    assert entry.link == tree["NewsPage"].full_url
    assert entry.summary == "Quarante personnes ont lu les données ensemble."
    assert {tag.term for tag in entry.tags} == {"Prévention", "Haute-Garonne"}
    assert feed.feed.link == tree["NewsIndexPage"].full_url


def test_filtered_by_a_domain_and_its_descendants(client, tree):
    # "sante" is the parent of "prevention": as in the catalogue, its pages are in.
    assert titles(read(client, "/feeds/news.rss", domain="sante")) == ["Retour sur le forum"]
    assert titles(read(client, "/feeds/news.rss", domain="participation")) == ["Une autre nouvelle"]
    both = read(client, "/feeds/news.atom", domain=["participation", "prevention"])
    assert set(titles(both)) == {"Retour sur le forum", "Une autre nouvelle"}
    assert "Participation" in both.feed.title


def test_filtered_by_a_territory(client, tree):
    assert titles(read(client, "/feeds/practices.rss", territory="occitanie")) == ["Un repair café de quartier"]
    assert titles(read(client, "/feeds/practices.rss", territory="occitanie", domain="participation")) == []


def test_practices_feed(client, tree):
    assert set(titles(read(client, "/feeds/practices.atom"))) == {
        "Un repair café de quartier",
        "Un budget participatif",
    }


def test_forums_feed_lists_upcoming_forums_soonest_first(client, tree):
    feed = read(client, "/feeds/forums.rss")
    assert titles(feed) == ["Forum : la participation des habitants", "Forum sur la participation"]
    assert "Maison des associations" in feed.entries[0].summary
    assert "secret-room" not in str(feed)
    assert titles(read(client, "/feeds/forums.rss", domain="sante")) == ["Forum : la participation des habitants"]


def test_english_feed_lists_english_pages(client, tree):
    feed = read(client, "/en/feeds/news.rss")
    assert titles(feed) == [tree["english_news"].title]
    assert feed.feed.language == "en"


@pytest.mark.parametrize(
    "params",
    [
        {"domain": "no-such-domain"},
        {"domain": "<script>"},
        {"audience": "benevoles"},  # a catalogue filter this feed does not offer
        {"territory": "x" * 500},
    ],
)
def test_bad_filters_are_a_clear_400(client, tree, params):
    response = client.get("/feeds/news.rss", params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "domain, territory" in text


def test_bad_filters_in_the_visitors_language(client, tree):
    response = client.get("/en/feeds/news.rss", {"domain": "no-such-domain"})
    assert response.status_code == 400
    assert "Unknown value for this filter." in response.content.decode()


def test_unknown_parameters_are_ignored_and_unknown_feeds_are_404(client, tree):
    assert titles(read(client, "/feeds/news.rss", utm_source="lettre", page="x"))
    assert client.get("/feeds/nothing.rss").status_code == 404
    assert client.get("/feeds/news.json").status_code == 404


@pytest.mark.parametrize(
    ("name", "feed"), [("NewsIndexPage", "news"), ("GoodPracticeIndexPage", "practices"), ("ForumIndexPage", "forums")]
)
def test_index_pages_link_to_their_feeds(client, tree, name, feed):
    html = client.get(tree[name].url).content.decode()
    assert 'type="application/rss+xml" title="' in html
    assert f'href="http://testserver/feeds/{feed}.rss"' in html
    assert f'href="http://testserver/feeds/{feed}.atom"' in html


def test_other_pages_do_not_link_to_feeds(client, tree):
    assert "application/rss+xml" not in client.get(tree["OrganisationIndexPage"].url).content.decode()
