"""The package's pages inside a host's layout (wagtail_reseau/layout.html replaced by
one line), and the system checks of that layout and of the page tree (W003-W006)."""

from pathlib import Path

import pytest
import wagtail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.template import Context, Engine
from django.test import override_settings
from wagtail.models import Page

from wagtail_reseau import models as m
from wagtail_reseau.core.host_checks import check_layout, check_page_tree

from tests.conftest import publish


def wagtail_start_base():
    """The base.html that ``wagtail start mysite`` writes (rendered as startproject does)."""
    source = Path(wagtail.__file__).parent / "project_template" / "project_name" / "templates" / "base.html"
    return Engine().from_string(source.read_text()).render(Context({"project_name": "mysite"}, autoescape=False))


WAGTAIL_START_BASE = wagtail_start_base()
FIXED_LANG = WAGTAIL_START_BASE.replace(
    '<html lang="en">', '{% load i18n %}{% get_current_language as LANGUAGE_CODE %}<html lang="{{ LANGUAGE_CODE }}">'
)


def host_templates(tmp_path, files):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    from django.conf import settings

    templates = [dict(settings.TEMPLATES[0], DIRS=[str(tmp_path)])]
    return override_settings(TEMPLATES=templates)


def ids(problems):
    return sorted(problem.id for problem in problems)


def test_the_package_layout_passes():
    assert ids(check_layout()) == []


def test_wagtail_start_base_with_a_fixed_language_passes(tmp_path):
    layout = {"base.html": FIXED_LANG, "wagtail_reseau/layout.html": '{% extends "base.html" %}'}
    with host_templates(tmp_path, layout):
        assert ids(check_layout()) == []


@override_settings(WAGTAIL_CONTENT_LANGUAGES=[("fr", "Français"), ("en", "English")])
def test_a_hard_coded_language_is_reported(tmp_path):
    layout = {"base.html": WAGTAIL_START_BASE, "wagtail_reseau/layout.html": '{% extends "base.html" %}'}
    with host_templates(tmp_path, layout):
        problems = check_layout()
    assert ids(problems) == ["wagtail_reseau.W004"]
    assert 'lang="en"' in problems[0].msg


def test_a_base_without_the_blocks_is_reported(tmp_path):
    base = FIXED_LANG.replace("block extra_css", "block host_css").replace("block extra_js", "block host_js")
    with host_templates(tmp_path, {"base.html": base, "wagtail_reseau/layout.html": '{% extends "base.html" %}'}):
        problems = check_layout()
    assert ids(problems) == ["wagtail_reseau.W003"]
    assert "{% block extra_css %}" in problems[0].msg and "{% block extra_js %}" in problems[0].msg
    assert "content" not in problems[0].msg.split("has no block")[1].split(":")[0]


def test_overriding_base_html_itself_is_reported(tmp_path):
    with host_templates(tmp_path, {"base.html": FIXED_LANG, "wagtail_reseau/base.html": '{% extends "base.html" %}'}):
        assert "wagtail_reseau.W005" in ids(check_layout())


@pytest.fixture
def catalogue_and_practice(home, vocab):
    practices = publish(home, m.GoodPracticeIndexPage(title="Pratiques", slug="pratiques"))
    practice = publish(practices, m.GoodPracticePage(title="Jardin partagé", slug="jardin"))
    catalogue = publish(home, m.CataloguePage(title="Catalogue", slug="catalogue"))
    return catalogue, practice


def test_pages_render_inside_the_host_layout(tmp_path, client, catalogue_and_practice):
    catalogue, practice = catalogue_and_practice
    layout = {"base.html": FIXED_LANG, "wagtail_reseau/layout.html": '{% extends "base.html" %}'}
    with host_templates(tmp_path, layout):
        html = client.get(catalogue.url + "?q=jardin").content.decode()
        detail = client.get(practice.url).content.decode()
    # The host's layout...
    assert "js/mysite.js" in html and "css/mysite.css" in html
    assert html.count("<html") == 1 and html.count("<body") == 1
    assert '<html lang="fr">' in html
    # ... with everything the catalogue needs.
    assert "wagtail_reseau/js/catalogue.js" in html
    assert '<meta name="robots" content="noindex, follow">' in html
    assert f'<link rel="canonical" href="{catalogue.full_url}">' in html
    assert 'class="reseau-skip-link" href="#main-content"' in html
    assert html.count('<main id="main-content"') == 1
    assert "wagtail_reseau/css/reseau.css" in html
    assert "reseau-breadcrumb" in detail and "Jardin partagé" in detail
    assert html.index("<head>") < html.index("catalogue.js") < html.index("</head>")


def test_the_package_layout_is_unchanged(client, catalogue_and_practice):
    catalogue, _practice = catalogue_and_practice
    html = client.get(catalogue.url + "?q=jardin").content.decode()
    assert html.count('class="reseau-skip-link"') == 1
    assert html.count('<main id="main-content"') == 1
    assert html.count('class="reseau-languages"') <= 1
    assert 'class="reseau-header' in html and 'class="reseau-footer' in html
    assert "wagtail_reseau/js/catalogue.js" in html


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_wrong_child_count_is_reported_and_fixtree_repairs_it(home):
    index = publish(home, m.NewsIndexPage(title="Actualités", slug="actualites"))
    publish(index, m.NewsPage(title="Une", slug="une"))
    assert check_page_tree(databases=["default"]) == []
    # What wagtail-localize's "include subtree" was seen to leave: a stale child count.
    Page.objects.filter(pk=index.pk).update(numchild=0)
    problems = check_page_tree(databases=["default"])
    assert ids(problems) == ["wagtail_reseau.W006"] and str(index.pk) in problems[0].msg
    index = Page.objects.get(pk=index.pk).specific
    with pytest.raises((IntegrityError, ValidationError)), transaction.atomic():
        index.add_child(instance=m.NewsPage(title="Deux", slug="deux"))
    call_command("fixtree", interactive=False, verbosity=0)
    assert check_page_tree(databases=["default"]) == []
    index = Page.objects.get(pk=index.pk).specific
    index.add_child(instance=m.NewsPage(title="Deux", slug="deux"))


def test_a_theme_override_of_base_html_that_extends_it_is_fine(tmp_path):
    theme = '{% extends "wagtail_reseau/base.html" %}{% block reseau_head %}<link rel="stylesheet">{% endblock %}'
    with host_templates(tmp_path, {"wagtail_reseau/base.html": theme}):
        assert ids(check_layout()) == []


def test_page_templates_fill_only_blocks_that_cannot_clash_with_a_host_layout():
    """A page template filling the layout's `content` (or `meta`, `extra_head`...) would
    replace base.html's <main>, skip link and tags inside a host's layout."""
    import re

    import wagtail_reseau

    root = Path(wagtail_reseau.__file__).parent / "templates"
    offenders = []
    for path in sorted(root.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if not re.match(r'\s*{% extends "wagtail_reseau/(base|pages/\w+)\.html" %}', text):
            continue
        for name in ("content", "meta", "extra_head", "extra_css", "extra_js"):
            if re.search(r"{%\s*block\s+" + name + r"\s*%}", text):
                offenders.append(f"{path.relative_to(root)}: {{% block {name} %}}")
    assert not offenders, "use reseau_main, reseau_meta, reseau_head or reseau_js instead: " + "; ".join(offenders)
