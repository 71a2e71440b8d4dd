"""schema.org JSON-LD on every page type, read back from the HTML with extruct (as a
search engine reads it), Open Graph and Twitter card tags."""

import json

import extruct
import pytest
from django.test import RequestFactory
from django.utils.html import escape

from wagtail_reseau.seo.builders import PageStructuredData
from wagtail_reseau.seo.registry import builder_for, register_structured_data, unregister_structured_data
from wagtail_reseau.seo.render import json_ld_script

from tests.test_page_types import PAGE_TYPES

pytestmark = pytest.mark.django_db

#: The type of each page type's main node (the page's own type, and its main entity's).
EXPECTED = {
    "CataloguePage": ("SearchResultsPage", None),
    "FederalProjectPage": ("CollectionPage", "ItemList"),
    "ForumIndexPage": ("CollectionPage", "ItemList"),
    "ForumPage": ("WebPage", "Event"),
    "GoodPracticeIndexPage": ("CollectionPage", "ItemList"),
    "GoodPracticePage": ("WebPage", "HowTo"),
    "MentoringIndexPage": ("CollectionPage", "ItemList"),
    "MentoringPage": ("WebPage", "Offer"),
    "NetworkHomePage": ("WebPage", "WebSite"),
    "NewsIndexPage": ("CollectionPage", "ItemList"),
    "NewsPage": ("WebPage", "NewsArticle"),
    "OrganisationIndexPage": ("CollectionPage", "ItemList"),
    "OrganisationPage": ("ProfilePage", "NGO"),
    "ProjectAxisPage": ("WebPage", None),
    "TrainingCapsulePage": ("WebPage", "Course"),
    "TrainingIndexPage": ("CollectionPage", "ItemList"),
}


def json_ld(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    data = extruct.extract(html, base_url=page.full_url, syntaxes=["json-ld", "opengraph"])
    assert len(data["json-ld"]) == 1, data["json-ld"]
    return html, data


def open_graph(data):
    """``{property: [values]}`` of the page's Open Graph tags."""
    properties = {}
    for name, value in data["opengraph"][0]["properties"]:
        properties.setdefault(name, []).append(value)
    return properties


def nodes_by_type(document):
    return {node["@type"]: node for node in document["@graph"]}


def test_every_page_type_is_described():
    """Each page type of tests/test_page_types.py is checked below; one added since
    gets at least the plain ``WebPage`` (add it to EXPECTED and to the tree)."""
    names = {model.__name__ for model in PAGE_TYPES}
    assert set(EXPECTED) <= names
    for model in PAGE_TYPES:
        builder = builder_for(model(title="Page"))
        assert issubclass(builder, PageStructuredData)
        if model.__name__ in EXPECTED:
            assert builder.page_type == EXPECTED[model.__name__][0]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_json_ld_of_every_page_type(client, tree, name):
    page = tree[name]
    _html, data = json_ld(client, page)
    document = data["json-ld"][0]
    assert document["@context"] == "https://schema.org"
    nodes = nodes_by_type(document)
    page_type, entity_type = EXPECTED[name]
    web_page = nodes[page_type]
    assert web_page["url"] == page.full_url
    assert web_page["name"] == page.title
    assert web_page["inLanguage"] == "fr"
    assert "WebSite" in nodes
    if entity_type:
        assert entity_type in nodes
        assert web_page["mainEntity"] == {"@id": nodes[entity_type]["@id"]}
    if page.depth > tree["home"].depth:
        crumbs = nodes["BreadcrumbList"]["itemListElement"]
        assert [crumb["position"] for crumb in crumbs] == list(range(1, len(crumbs) + 1))
        assert crumbs[-1] == {"@type": "ListItem", "position": len(crumbs), "name": page.title, "item": page.full_url}
        assert crumbs[0]["item"] == tree["home"].full_url


def test_organisation(client, tree):
    _html, data = json_ld(client, tree["OrganisationPage"])
    ngo = nodes_by_type(data["json-ld"][0])["NGO"]
    assert ngo["name"] == "Centre social des Izards"
    assert ngo["url"] == "https://izards.example.org"
    assert ngo["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "12 rue des Chamois",
        "postalCode": "31200",
        "addressLocality": "Toulouse",
        "addressCountry": "FR",
    }
    assert ngo["geo"] == {"@type": "GeoCoordinates", "latitude": 43.633, "longitude": 1.43}
    assert ngo["telephone"] == "05 61 00 00 00"
    assert ngo["email"] == "accueil@izards.example.org"
    federation = tree["federation"]
    assert ngo["parentOrganization"] == {
        "@type": "Organization",
        "@id": federation.full_url + "#organisation",
        "name": federation.title,
        "url": federation.full_url,
    }
    assert ngo["identifier"] == [{"@type": "PropertyValue", "propertyID": "SIRET", "value": "73282932000074"}]
    assert ngo["logo"]["url"].startswith("http://")


def test_text_cannot_end_the_script(client, tree):
    """The summary holds "</script><script>alert(1)</script>": written escaped, read back intact."""
    html, data = json_ld(client, tree["OrganisationPage"])
    assert "</script><script>alert(1)" not in html
    ngo = nodes_by_type(data["json-ld"][0])["NGO"]
    assert ngo["description"] == "Un centre social </script><script>alert(1)</script> de quartier."


def test_json_ld_script_escapes_what_would_end_it():
    text = str(json_ld_script({"name": "</script><!-- & \u2028"}))
    assert text.startswith('<script type="application/ld+json">') and text.count("</script>") == 1
    assert "<" not in text[len('<script type="application/ld+json">') : -len("</script>")]
    inner = text[len('<script type="application/ld+json">') : -len("</script>")]
    assert json.loads(inner) == {"name": "</script><!-- & \u2028"}


def test_forum_is_an_event_without_its_private_link(client, tree):
    html, data = json_ld(client, tree["ForumPage"])
    forum = tree["ForumPage"]
    event = nodes_by_type(data["json-ld"][0])["Event"]
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["startDate"].endswith(("+01:00", "+02:00"))
    assert (
        event["startDate"][:19]
        == forum.start.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Paris")).isoformat()[:19]
    )
    assert event["endDate"] > event["startDate"]
    place, virtual = event["location"]
    assert place == {"@type": "Place", "name": "Maison des associations", "address": "3 place du Marché, Toulouse"}
    assert virtual == {"@type": "VirtualLocation", "url": forum.full_url}
    assert event["organizer"]["name"] == "Centre social des Izards"
    assert event["maximumAttendeeCapacity"] == 80
    assert event["performer"] == [{"@type": "Person", "name": "Claire Dubreuil", "jobTitle": "Sociologue"}]
    assert "secret-room" not in html


def test_training_is_a_course_with_an_instance_per_session(client, tree):
    _html, data = json_ld(client, tree["TrainingCapsulePage"])
    course = nodes_by_type(data["json-ld"][0])["Course"]
    assert course["provider"]["name"] == "Fédération régionale Occitanie"
    assert course["timeRequired"] == "PT9H"
    assert course["teaches"] == ["Conduire une réunion"]
    first, second = course["hasCourseInstance"]
    assert first["@type"] == second["@type"] == "CourseInstance"
    assert first["courseMode"] == "Onsite" and first["location"]["name"] == "Toulouse"
    assert first["maximumAttendeeCapacity"] == 15
    assert first["startDate"] < first["endDate"] < second["startDate"]
    assert second["courseMode"] == "Online" and second["location"]["@type"] == "VirtualLocation"
    assert first["instructor"][0]["name"] == "Claire Dubreuil"


def test_news_article(client, tree):
    _html, data = json_ld(client, tree["NewsPage"])
    article = nodes_by_type(data["json-ld"][0])["NewsArticle"]
    assert article["headline"] == "Retour sur le forum"
    assert article["author"] == {"@type": "Person", "name": "Léa Martin"}
    assert article["image"][0]["caption"] == "Des habitants autour d'une table"
    assert article["datePublished"] == tree["NewsPage"].date.isoformat()
    assert article["about"]["@type"] == "Event"
    assert article["publisher"]["@type"] == "Organization"


def test_practice(client, tree):
    _html, data = json_ld(client, tree["GoodPracticePage"])
    practice = nodes_by_type(data["json-ld"][0])["HowTo"]
    assert practice["creator"]["name"] == "Centre social des Izards"
    assert practice["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert practice["dateCreated"] == "2023-09-01"
    assert practice["step"] == [{"@type": "HowToStep", "text": "Avec des bénévoles retraités."}]
    assert practice["keywords"] == ["Prévention"]


def test_index_lists_only_live_public_items(client, tree):
    _html, data = json_ld(client, tree["NewsIndexPage"])
    items = nodes_by_type(data["json-ld"][0])["ItemList"]["itemListElement"]
    names = {item["name"] for item in items}
    assert "Retour sur le forum" in names
    assert not names & {"Nouvelle en brouillon", "Nouvelle privée"}


def test_open_graph_and_twitter_tags(client, tree):
    page = tree["NewsPage"]
    html, data = json_ld(client, page)
    og = open_graph(data)
    assert og["og:title"] == [page.title]
    assert og["og:type"] == ["article"]
    assert og["og:url"] == [page.full_url]
    assert og["og:description"] == ["Quarante personnes ont lu les données ensemble."]
    assert og["og:locale"] == ["fr_FR"]
    assert og["og:locale:alternate"] == ["en_GB"]
    assert og["og:image"][0].startswith("http://testserver/")
    assert og["og:image:alt"] == ["Des habitants autour d'une table"]
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    alt = escape("Des habitants autour d'une table")
    assert f'<meta name="twitter:image:alt" content="{alt}">' in html


def test_page_without_image_has_a_summary_card(client, tree):
    html = client.get(tree["ForumPage"].url).content.decode()
    assert '<meta name="twitter:card" content="summary">' in html
    assert 'property="og:image"' not in html


def test_english_translation_speaks_english(client, tree):
    page = tree["english_news"]
    _html, data = json_ld(client, page)
    web_page = nodes_by_type(data["json-ld"][0])["WebPage"]
    assert web_page["inLanguage"] == "en"
    assert web_page["url"] == page.full_url and "/en/" in page.full_url
    og = open_graph(data)
    assert og["og:locale"] == ["en_GB"] and og["og:locale:alternate"] == ["fr_FR"]


def test_a_host_registers_its_own_builder(tree):
    class CustomStructuredData(PageStructuredData):
        page_type = "AboutPage"

    page = tree["ProjectAxisPage"]
    original = builder_for(page)
    register_structured_data(type(page), CustomStructuredData)
    try:
        request = RequestFactory().get("/")
        assert builder_for(page) is CustomStructuredData
        assert CustomStructuredData(page, request).as_json_ld()["@graph"][0]["@type"] == "AboutPage"
    finally:
        unregister_structured_data(type(page))
        register_structured_data(type(page), original)


def test_remaining_places_from_the_registrations_app(client, tree):
    """With the registrations sub-app installed, an event says how many places are
    left (nobody registered here: all of them); without it, only its capacity."""
    from django.apps import apps

    _html, data = json_ld(client, tree["ForumPage"])
    event = nodes_by_type(data["json-ld"][0])["Event"]
    if not apps.is_installed("wagtail_reseau.events.registrations"):
        assert "remainingAttendeeCapacity" not in event
        return
    assert event["remainingAttendeeCapacity"] == 80
    _html, data = json_ld(client, tree["TrainingCapsulePage"])
    first, second = nodes_by_type(data["json-ld"][0])["Course"]["hasCourseInstance"]
    assert first["remainingAttendeeCapacity"] == 15
    assert "remainingAttendeeCapacity" not in second  # no limit


def test_forum_list_names_upcoming_forums_first_then_past_ones(client, tree):
    _html, data = json_ld(client, tree["ForumIndexPage"])
    items = nodes_by_type(data["json-ld"][0])["ItemList"]["itemListElement"]
    assert [item["name"] for item in items] == [
        "Forum : la participation des habitants",
        "Forum sur la participation",
        "Forum passé",
    ]
