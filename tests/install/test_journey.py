"""The install journey of docs/installation.md, as CI runs it.

For the lowest and the newest supported Wagtail (.venv-wagtail74: 7.4, .venv: 8.0,
both with the package installed from this checkout by scripts/bootstrap.sh), it makes
a site with Wagtail's own ``wagtail start``, applies the steps of docs/installation.md
read from the doc itself (tests/install/docsteps.py: settings, urls.py, the one-line
layout, the <html lang> fix, then its ``python manage.py`` commands), once as an
English-first site and once as a French-first one (each with its own database; the
French-first settings are in place before the first ``migrate``, as the doc says).
Then tests/install/journey_admin.py, run inside the site, creates every section and a
catalogue through the admin's views, publishes an organisation, a practice and a
forum, and reads them back as a visitor: they must render inside the site's layout
with the package's tags, and the catalogue must find them.

About three minutes on a quiet machine (the four journeys run two at a time:
RESEAU_INSTALL_JOBS)."""

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.install import docsteps

pytestmark = [pytest.mark.install, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
VENVS = {"7.4": REPO / ".venv-wagtail74", "8.0": REPO / ".venv"}
LANGUAGES = ("en", "fr")
PROJECT = "mysite"
WORDS = {"organisation": "zephyrine", "practice": "quenouille", "forum": "brindille"}
LEAKY = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "DJANGO_SETTINGS_MODULE", "DATABASE_URL")


def in_ci():
    return os.environ.get("CI", "") not in ("", "0", "false")


def run(cmd, *, cwd, env, timeout=900):
    result = subprocess.run(
        [str(part) for part in cmd],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    if result.returncode != 0:
        raise AssertionError(
            f"exit code {result.returncode}: {' '.join(map(str, cmd))} (in {cwd})\n"
            f"--- stdout ---\n{result.stdout[-4000:]}\n--- stderr ---\n{result.stderr[-4000:]}"
        )
    return result


def make_site(venv, root):
    """`wagtail start` with that venv, then the doc's file steps."""
    root.mkdir(parents=True)
    env = {key: value for key, value in os.environ.items() if key not in LEAKY}
    run([venv / "bin" / "wagtail", "start", PROJECT], cwd=root, env=env, timeout=300)
    project = root / PROJECT
    docsteps.apply_files(project, PROJECT)
    for language in LANGUAGES:
        (project / PROJECT / "settings" / f"journey_{language}.py").write_text(
            "from .dev import *  # noqa: F403\n\n"
            + docsteps.step(f"settings-{language}").body
            + f'\nDATABASES["default"]["NAME"] = BASE_DIR / "db-{language}.sqlite3"  # noqa: F405\n'
            # A throwaway database: no disk flush at each of the migrations' commits.
            + 'DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA synchronous=OFF; '
            + 'PRAGMA journal_mode=MEMORY;"}  # noqa: F405\n',
            encoding="utf-8",
        )
    return project


def journey(venv, project, language):
    env = {key: value for key, value in os.environ.items() if key not in LEAKY}
    env.update(DJANGO_SETTINGS_MODULE=f"{PROJECT}.settings.journey_{language}", PYTHONPATH=str(project))
    python = venv / "bin" / "python"
    outputs = {}
    for args in docsteps.manage_commands():
        outputs[args[0]] = run([python, "manage.py", *args], cwd=project, env=env)
    plan = {"sections": docsteps.section_types(), "words": WORDS}
    result = run([python, REPO / "tests" / "install" / "journey_admin.py", json.dumps(plan)], cwd=project, env=env)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    report["check"] = outputs["check"].stdout + outputs["check"].stderr
    return report


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    root = tmp_path_factory.mktemp("install-journey")
    missing = [str(venv) for venv in VENVS.values() if not (venv / "bin" / "wagtail").exists()]
    if missing:
        message = f"no virtualenv with Wagtail at {', '.join(missing)} (scripts/bootstrap.sh makes them)"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    projects = {version: make_site(venv, root / f"wagtail-{version}") for version, venv in VENVS.items()}
    jobs = {
        (version, language): (VENVS[version], projects[version], language)
        for version in VENVS
        for language in LANGUAGES
    }
    with ThreadPoolExecutor(max_workers=int(os.environ.get("RESEAU_INSTALL_JOBS", "2"))) as pool:
        futures = {key: pool.submit(journey, *args) for key, args in jobs.items()}
    results = {}
    for key, future in futures.items():
        try:
            results[key] = future.result()
        except AssertionError as error:
            results[key] = error
    return results


def report_for(reports, version, language):
    report = reports[(version, language)]
    if isinstance(report, AssertionError):
        pytest.fail(f"Wagtail {version}, {language}-first site: {report}")
    assert report["wagtail"].startswith(version), report["wagtail"]
    return report


CASES = [
    pytest.param(version, language, id=f"wagtail{version}-{language}-first")
    for version in VENVS
    for language in LANGUAGES
]


@pytest.mark.parametrize(("version", "language"), CASES)
def test_the_site_checks_clean_and_has_terms_in_its_language(reports, version, language):
    report = report_for(reports, version, language)
    assert "wagtail_reseau." not in report["check"], report["check"]
    assert report["locale"] == language
    assert all(report["terms_in_locale"].values()), report["terms_in_locale"]
    assert report["practice_domains"] == [report["domain"]]


@pytest.mark.parametrize(("version", "language"), CASES)
def test_pages_render_inside_the_site_layout(reports, version, language):
    report = report_for(reports, version, language)
    for name, page in report["pages"].items():
        html = page["html"]
        assert page["status"] == 200, (name, page["status"], html[:2000])
        where = f"{name} page ({page['url']})"
        # The site's own layout...
        assert f"/static/css/{PROJECT}.css" in html and f"/static/js/{PROJECT}.js" in html, where
        assert html.count("<body") == 1, where
        # ...with what the package adds.
        assert f'<html lang="{language}">' in html, where
        assert "/static/wagtail_reseau/css/reseau.css" in html, where
        assert 'class="reseau-skip-link" href="#main-content"' in html, where
        assert html.count('<main id="main-content"') == 1, where
        assert 'class="reseau-breadcrumb' in html, where
        assert 'class="reseau-languages"' in html, where
        assert f'rel="canonical" href="http://localhost{page["url"]}"' in html, where
        assert WORDS[name] in html, where


@pytest.mark.parametrize(("version", "language"), CASES)
def test_the_catalogue_finds_them(reports, version, language):
    report = report_for(reports, version, language)
    catalogue = report["catalogue"]
    unfiltered = catalogue["unfiltered"]["html"]
    assert catalogue["unfiltered"]["status"] == 200
    assert "noindex" not in unfiltered
    for word in WORDS.values():
        assert word in unfiltered.lower(), word
    for name, search in catalogue["searches"].items():
        html = search["html"]
        assert search["status"] == 200, name
        head = html.split("</head>", 1)[0]
        assert "/static/wagtail_reseau/js/catalogue.js" in head, name
        assert '<meta name="robots" content="noindex, follow">' in head, name
        assert f'<link rel="canonical" href="{catalogue["full_url"]}">' in head, name
        assert f"/static/js/{PROJECT}.js" in html, name
        body = html.split('<main id="main-content"', 1)[1].lower()
        assert WORDS[name] in body, f"the catalogue did not find the {name} with “{WORDS[name]}”"
        others = [word for other, word in WORDS.items() if other != name]
        assert not any(word in body for word in others), f"a search for “{WORDS[name]}” found other pages"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-v"]))
