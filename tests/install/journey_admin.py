"""The editor's part of the install journey, run INSIDE a site made with `wagtail start`
(its settings, its database) by tests/install/test_journey.py:

    cd <project> && DJANGO_SETTINGS_MODULE=<project>.settings.journey_en python journey_admin.py '<json>'

As a superuser logged in with Django's test client, it creates every section of the
doc's list and a catalogue under the home page, then an organisation, a practice
(classified with terms of the page's language) and a forum, through the admin's own
"add page" views (the form as the admin renders it, posted back with "Publish"). Then,
as a visitor, it reads those pages and the catalogue and reports what it found, as
JSON on the last line of stdout. It asserts nothing itself: the test does."""

import json
import re
import sys
from datetime import timedelta
from html.parser import HTMLParser

import django
import wagtail

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.fields import StreamField  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402


class FormParser(HTMLParser):
    """The fields of one <form> (by id), as a browser would submit them untouched."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields = []
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in attrs, "first": None, "chosen": []}
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attrs:
                self._select["chosen"].append(value)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            select = self._select
            values = select["chosen"] or ([] if select["multiple"] or select["first"] is None else [select["first"]])
            self.fields.extend((select["name"], value) for value in values)
            self._select = None
        elif tag == "form":
            self.inside = False


def add_page(client, parent, model, values):
    """Create and publish a page of ``model`` under ``parent`` through the admin."""
    url = reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"GET {url}: {response.status_code}")
    parser = FormParser("page-edit-form")
    parser.feed(response.content.decode())
    # StreamFields are drawn by the admin's JavaScript (no <input> in the HTML): empty ones.
    data = {f"{field.name}-count": ["0"] for field in model._meta.get_fields() if isinstance(field, StreamField)}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value)
    for name, value in values.items():
        data[name] = value if isinstance(value, list) else [value]
    data["action-publish"] = ["action-publish"]
    response = client.post(url, data)
    if response.status_code != 302:
        html = response.content.decode()
        errors = re.findall(r'class="error-message"[^>]*>(.*?)</', html, re.S)
        errors += re.findall(r'role="alert"[^>]*>\s*(.*?)</', html, re.S)
        raise SystemExit(
            f"POST {url} ({model.__name__}): {response.status_code}, not a redirect. Errors: "
            + " | ".join(" ".join(re.sub(r"<[^>]+>", " ", error).split()) for error in errors)[:3000]
        )
    page = Page.objects.get(pk=parent.pk).get_children().get(slug=values["slug"]).specific
    if not page.live:
        raise SystemExit(f"{model.__name__} “{page.title}” was saved but not published")
    return page


def main():
    from wagtail_reseau import models as m

    plan = json.loads(sys.argv[1])
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    editor = Client()
    editor.force_login(user)

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    locale = home.locale
    sections = {}
    for name in plan["sections"]:
        model = getattr(m, name)
        slug = f"section-{model._meta.model_name}"
        sections[name] = add_page(editor, home, model, {"title": f"{name} section", "slug": slug})

    domain = m.DomainOfAction.objects.filter(locale=locale).order_by("pk").first()
    audience = m.Audience.objects.filter(locale=locale).order_by("pk").first()
    territory = m.Territory.objects.filter(locale=locale).order_by("pk").first()
    classification = {
        "domains": [str(domain.pk)] if domain else [],
        "audiences": [str(audience.pk)] if audience else [],
        "territories": [str(territory.pk)] if territory else [],
    }
    words = plan["words"]
    organisation = add_page(
        editor,
        sections["OrganisationIndexPage"],
        m.OrganisationPage,
        {"title": f"Centre social {words['organisation']}", "slug": "organisation", **classification},
    )
    practice = add_page(
        editor,
        sections["GoodPracticeIndexPage"],
        m.GoodPracticePage,
        {"title": f"Jardin partagé {words['practice']}", "slug": "practice", **classification},
    )
    start = timezone.localtime() + timedelta(days=30)
    forum = add_page(
        editor,
        sections["ForumIndexPage"],
        m.ForumPage,
        {
            "title": f"Forum {words['forum']}",
            "slug": "forum",
            "start": start.strftime("%Y-%m-%d %H:%M"),
            "attendance_mode": "online",
            "online_url": "https://meet.example.org/forum",
            **classification,
        },
    )

    visitor = Client()
    report = {
        "wagtail": wagtail.__version__,
        "locale": locale.language_code,
        "terms_in_locale": {"domains": bool(domain), "audiences": bool(audience), "territories": bool(territory)},
        "practice_domains": [term.pk for term in practice.domains.all()],
        "domain": domain.pk if domain else None,
        "pages": {},
    }
    for key, page in (("organisation", organisation), ("practice", practice), ("forum", forum)):
        response = visitor.get(page.url)
        report["pages"][key] = {"url": page.url, "status": response.status_code, "html": response.content.decode()}
    catalogue = sections["CataloguePage"]
    report["catalogue"] = {"url": catalogue.url, "full_url": catalogue.full_url, "searches": {}}
    for key, word in words.items():
        response = visitor.get(catalogue.url, {"q": word})
        report["catalogue"]["searches"][key] = {"status": response.status_code, "html": response.content.decode()}
    response = visitor.get(catalogue.url)
    report["catalogue"]["unfiltered"] = {"status": response.status_code, "html": response.content.decode()}
    print(json.dumps(report))


if __name__ == "__main__":
    main()
