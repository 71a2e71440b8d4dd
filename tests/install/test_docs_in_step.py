"""docs/installation.md stays in step with the package and the example site (fast;
the install journey itself, tests/install/test_journey.py, applies the doc's steps):
every sub-app and every URL include the example site needs are in the doc's blocks,
its list of sections names every section page type, and the README does not
contradict it."""

import ast
import re
from pathlib import Path

from django.apps import apps
from wagtail.models import Page

from tests.install import docsteps

REPO = Path(__file__).resolve().parents[2]


def list_value(source, name):
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and any(getattr(target, "id", None) == name for target in node.targets):
            if isinstance(node.value, ast.List):
                return [element.value for element in node.value.elts if isinstance(element, ast.Constant)]
    raise AssertionError(f"no list {name}")


def test_every_kind_of_step_is_in_the_doc():
    kinds = {step.kind for step in docsteps.steps()}
    assert {"settings", "settings-en", "settings-fr", "urls", "file", "replace", "shell", "sections"} <= kinds
    assert ["migrate"] in docsteps.manage_commands()
    assert ["reseau_load_vocabulary"] in docsteps.manage_commands()


def test_the_doc_installs_every_app_of_the_package_the_example_site_has():
    example = list_value((REPO / "example_site" / "settings" / "base.py").read_text(), "INSTALLED_APPS")
    documented = list_value(docsteps.step("settings").body, "RESEAU_APPS")
    needed = [app for app in example if app.startswith(("wagtail_reseau", "wagtail_localize", "wagtail.contrib."))]
    needed = [app for app in needed if app not in ("wagtail.contrib.forms", "wagtail.contrib.redirects")]
    missing = [app for app in needed if app not in documented and app != "wagtail.api.v2"]
    assert not missing, f"docs/installation.md (step 2) does not add {missing}, which example_site has"
    assert "wagtail.locales" not in documented


def test_the_doc_mounts_every_url_of_the_package_the_example_site_has():
    example = (REPO / "example_site" / "urls.py").read_text()
    documented = docsteps.step("urls").body
    includes = set(re.findall(r"include\(\"(wagtail_reseau[\w.]*)\"\)", example))
    imports = set(re.findall(r"from (wagtail_reseau[\w.]*) import", example)) - {"wagtail_reseau.api.urls"}
    missing = sorted(name for name in includes | imports if name not in documented)
    assert not missing, f"docs/installation.md (step 4, urls.py) does not mount {missing}, which example_site does"
    assert documented.rstrip().endswith(")") and 'path("", include(wagtail_urls)),\n    prefix_default_language' in (
        documented
    ), "Wagtail's pages must stay the last pattern"


def test_the_sections_list_names_every_section_page_type():
    sections = {
        model.__name__
        for model in apps.get_app_config("wagtail_reseau").get_models()
        if issubclass(model, Page) and not getattr(model, "parent_page_types", None) and model.is_creatable
    }
    assert set(docsteps.section_types()) == sections


def test_the_readme_points_to_the_doc_instead_of_repeating_it():
    readme = (REPO / "README.md").read_text()
    install = readme.split("## Install in an existing Wagtail site", 1)[1].split("\n## ", 1)[0]
    assert "docs/installation.md" in install and "docs/remove.md" in install
    # Settings copied into the README drift from the doc (issue 14: they disagreed on LANGUAGES).
    assert not re.search(r"^\s*(INSTALLED_APPS|LANGUAGES|LANGUAGE_CODE|WAGTAIL_CONTENT_LANGUAGES)\s*=", readme, re.M)
