"""The demo's default site answers where the server runs (issue 10, defect 6):
``load_demo_content --hostname --port`` (scripts/demo.sh passes its PORT) sets
the Site record, so canonical links and the API's URLs point there."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from wagtail_reseau import models as m

pytestmark = pytest.mark.django_db

HOST = "127.0.0.1:8123"


def load(port, capture):
    out = StringIO()
    with capture(execute=True):  # wagtail-localize publishes translations on commit
        call_command("load_demo_content", hostname="127.0.0.1", port=port, verbosity=1, stdout=out)
    return out.getvalue()


def test_the_demo_site_answers_on_the_port_given_and_follows_a_new_one(client, django_capture_on_commit_callbacks):
    output = load(8123, django_capture_on_commit_callbacks)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert "http://127.0.0.1:8123/admin/" in output
    assert ":8000" not in output

    practice = m.GoodPracticePage.objects.live().filter(locale__language_code="fr").first()
    html = client.get(practice.url, HTTP_HOST=HOST).content.decode()
    assert f'<link rel="canonical" href="http://{HOST}{practice.url}">' in html
    assert 'hreflang="en" href="http://127.0.0.1:8123/en/' in html

    api = client.get("/api/v2/pages/", {"limit": 5}, HTTP_HOST=HOST)
    assert api.status_code == 200
    for item in api.json()["items"]:
        assert item["meta"]["detail_url"].startswith(f"http://{HOST}/api/v2/pages/")
        assert item["meta"]["html_url"].startswith(f"http://{HOST}/")

    # Run again with another port (scripts/demo.sh with PORT=8124): the site moves.
    output = load(8124, django_capture_on_commit_callbacks)
    assert [(site.hostname, site.port) for site in Site.objects.all()] == [("127.0.0.1", 8124)]
    assert "http://127.0.0.1:8124/admin/" in output
    assert m.GoodPracticePage.objects.get(pk=practice.pk).full_url.startswith("http://127.0.0.1:8124/")


def test_the_demo_site_defaults_to_where_the_admin_says_it_answers(settings):
    from example_site.demo.management.commands.load_demo_content import default_address, root_url

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8765"
    assert default_address() == ("127.0.0.1", 8765)
    settings.WAGTAILADMIN_BASE_URL = "https://demo.example.org"
    assert default_address() == ("demo.example.org", 443)
    assert root_url("demo.example.org", 443) == "https://demo.example.org/"
    assert root_url("127.0.0.1", 8765) == "http://127.0.0.1:8765/"
