"""Release readiness: ``python -m build`` makes a wheel and an sdist that
``twine check --strict`` accepts, with the version of ``wagtail_reseau.__version__``
and what a site needs at run time (docs/releasing.md). Marked ``install``: run by
scripts/test.sh's install stage."""

import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

import wagtail_reseau

pytestmark = [pytest.mark.install, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]


def run(cmd, **kwargs):
    result = subprocess.run([str(part) for part in cmd], capture_output=True, text=True, timeout=900, **kwargs)
    assert result.returncode == 0, f"{' '.join(map(str, cmd))}\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    outdir = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", outdir, REPO], cwd=REPO)
    wheels, sdists = list(outdir.glob("*.whl")), list(outdir.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, list(outdir.iterdir())
    return wheels[0], sdists[0]


def test_version_is_the_same_everywhere():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["version"] == wagtail_reseau.__version__


def test_twine_accepts_the_wheel_and_the_sdist(dist):
    result = run([sys.executable, "-m", "twine", "check", "--strict", *dist])
    assert result.stdout.count("PASSED") == 2, result.stdout


def test_the_distributions_carry_what_a_site_needs(dist):
    wheel, sdist = dist
    assert wheel.name.startswith(f"wagtail_reseau-{wagtail_reseau.__version__}-")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(next(name for name in names if name.endswith(".dist-info/METADATA"))).decode()
    for needed in (
        "wagtail_reseau/templates/wagtail_reseau/layout.html",
        "wagtail_reseau/templates/wagtail_reseau/base.html",
        "wagtail_reseau/static/wagtail_reseau/css/reseau.css",
        "wagtail_reseau/locale/fr/LC_MESSAGES/django.mo",
        "wagtail_reseau/management/commands/reseau_uninstall.py",
        "wagtail_reseau/migrations/0001_initial.py",
    ):
        assert needed in names, needed
    assert not any(name.startswith(("tests/", "example_site/")) for name in names)
    assert "Classifier: Framework :: Wagtail :: 8" in metadata
    assert "License-Expression: BSD-3-Clause" in metadata
    with tarfile.open(sdist) as archive:
        members = {member.split("/", 1)[1] for member in archive.getnames() if "/" in member}
    assert {"LICENSE", "README.md", "pyproject.toml"} <= members
