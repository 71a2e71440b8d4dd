"""System checks of the host site's integration: its layout and its page tree.

Registered by :mod:`wagtail_reseau.checks`.

- W003: the layout the package's pages extend (``wagtail_reseau/layout.html``, the
  package's own or the host's) lacks a block the pages fill.
- W004: that layout hard-codes ``<html lang="...">`` on a site with several languages.
- W005: the host overrides ``wagtail_reseau/base.html`` itself (the old way), which
  drops the package's canonical, robots and script tags, <main> and the skip link.
- W006 (``check --database default``): the page tree's stored child counts are wrong
  (what wagtail-localize's "include subtree" can leave); ``manage.py fixtree`` repairs it.
"""

import re
from pathlib import Path

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.template.backends.django import DjangoTemplates
from django.template.loader_tags import BlockNode, ExtendsNode

#: The template the package's ``base.html`` extends; a host replaces it to use its layout.
LAYOUT_TEMPLATE = "wagtail_reseau/layout.html"
#: The blocks of the layout that ``base.html`` fills (Wagtail's project template has them).
REQUIRED_BLOCKS = ("extra_css", "content", "extra_js")
PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']([^\"'{]*)[\"']", re.IGNORECASE)


def _is_package_template(template):
    name = getattr(template.origin, "name", None) or ""
    try:
        return Path(name).resolve().is_relative_to(PACKAGE_TEMPLATES)
    except (OSError, ValueError):
        return False


def _extends_itself(template):
    """An override that extends the package's template of the same name keeps what it gives."""
    extends = template.nodelist.get_nodes_by_type(ExtendsNode)
    parent = extends[0].parent_name.var if extends else None
    return isinstance(parent, str) and parent.strip("\"'") == template.origin.template_name


def _chain(engine, name):
    """The templates from ``name`` up its ``{% extends %}`` chain (constant names only)."""
    chain = []
    template = engine.get_template(name)
    skip = []
    while template is not None and len(chain) < 10:
        chain.append(template)
        extends = template.nodelist.get_nodes_by_type(ExtendsNode)
        if not extends or extends[0].parent_name.var is None:
            break
        parent = extends[0].parent_name.var
        if not isinstance(parent, str):  # a variable: cannot be followed without a request
            break
        parent = parent.strip("\"'")
        skip.append(template.origin)
        try:
            template = engine.find_template(parent, skip=skip if parent == template.origin.template_name else None)[0]
        except TemplateDoesNotExist:
            break
    return chain


def check_layout(app_configs=None, **kwargs):
    problems = []
    for engine in engines.all():
        if not isinstance(engine, DjangoTemplates):
            continue
        engine = engine.engine
        try:
            base = engine.get_template("wagtail_reseau/base.html")
            if not _is_package_template(base) and not _extends_itself(base):
                problems.append(
                    Warning(
                        f"wagtail_reseau/base.html is overridden by {base.origin.name}: the package's pages lose "
                        "their canonical, robots and script tags, <main>, the skip link and the language switch.",
                        hint=f"Remove that file and give your layout in {LAYOUT_TEMPLATE} instead, with one line: "
                        '{% extends "base.html" %} (see the templates documentation).',
                        id="wagtail_reseau.W005",
                    )
                )
            chain = _chain(engine, LAYOUT_TEMPLATE)
        except (TemplateDoesNotExist, TemplateSyntaxError) as error:
            problems.append(
                Warning(
                    f"{LAYOUT_TEMPLATE} cannot be loaded: {error}.",
                    hint='It must extend your site\'s base template, e.g. {% extends "base.html" %}.',
                    id="wagtail_reseau.W003",
                )
            )
            continue
        if all(_is_package_template(template) for template in chain):
            continue  # the package's own layout
        blocks = {node.name for template in chain for node in template.nodelist.get_nodes_by_type(BlockNode)}
        missing = [name for name in REQUIRED_BLOCKS if name not in blocks]
        origin = chain[-1].origin.name
        if missing:
            problems.append(
                Warning(
                    f"The layout of the network's pages ({origin}) has no block "
                    + ", ".join(f"{{% block {name} %}}" for name in missing)
                    + ": what the package puts there (canonical, robots and script tags in the head; "
                    "<main>, skip link, breadcrumb and language switch in the body; scripts) is not shown.",
                    hint="Give your base template these blocks, as Wagtail's project template does: extra_css "
                    "inside <head>, content inside <body>, extra_js at the end of <body>.",
                    id="wagtail_reseau.W003",
                )
            )
        problems += _check_lang(chain[-1], origin)
    return problems


def _check_lang(root, origin):
    languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or settings.LANGUAGES
    source = getattr(root, "source", "") or ""
    match = _HTML_LANG.search(source)
    if not match or len(languages) < 2:
        return []
    return [
        Warning(
            f'{origin} hard-codes <html lang="{match.group(1)}">: pages in other languages are announced to '
            "screen readers and search engines in the wrong language.",
            hint="Write {% load i18n %}{% get_current_language as LANGUAGE_CODE %} at its top and <html "
            'lang="{{ LANGUAGE_CODE }}">.',
            id="wagtail_reseau.W004",
        )
    ]


def check_page_tree(app_configs=None, databases=None, **kwargs):
    """W006: stored child counts that differ from the tree (only with ``check --database``)."""
    if not databases:
        return []
    from collections import Counter

    from django.db import DatabaseError
    from wagtail.models import Page

    problems = []
    for alias in databases:
        try:
            rows = list(Page.objects.using(alias).order_by().values_list("pk", "path", "numchild"))
        except DatabaseError:
            continue
        children = Counter(path[: -Page.steplen] for _pk, path, _n in rows if len(path) > Page.steplen)
        wrong = [pk for pk, path, numchild in rows if children[path] != numchild][:20]
        if wrong:
            problems.append(
                Warning(
                    f"The page tree of the database {alias!r} is damaged: pages {', '.join(map(str, wrong))} store a "
                    "wrong number of children, so adding a page under them fails.",
                    hint="Run: python manage.py fixtree (Wagtail's repair command). Translating a section with "
                    'wagtail-localize\'s "include subtree" can cause it: see the translation documentation.',
                    id="wagtail_reseau.W006",
                )
            )
    return problems


def register_checks():
    register(check_layout, Tags.templates)
    register(check_page_tree, Tags.database)
