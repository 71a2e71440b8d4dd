"""The built wheel works in a host project that is not this repository.

Builds the wheel from the repository root, installs it (with its dependencies from
PyPI) into a fresh virtualenv, then runs ``django-admin check``, ``migrate`` and
``makemigrations --check`` there with the minimal Wagtail site of
``tests/host_project/`` (SQLite in a tmp folder). Nothing from the development
virtualenv's site-packages is used by the host project.

Slow (a minute or more, needs PyPI): deselect with ``-m "not slow"``."""

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO_DIR = Path(__file__).resolve().parent.parent
HOST_PROJECT_DIR = Path(__file__).resolve().parent / "host_project"
HOST_SETTINGS = "reseau_host.settings"

# Variables of the calling environment that would leak the development setup.
LEAKY_VARIABLES = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "DJANGO_SETTINGS_MODULE", "DATABASE_URL")


def run(cmd, *, timeout, env=None, cwd=None, check=True):
    """Run a command; on failure (or timeout) fail the test showing its output."""
    cmd = [str(part) for part in cmd]
    try:
        result = subprocess.run(
            cmd,
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(
            f"timed out after {timeout}s: {' '.join(cmd)}\n"
            f"--- stdout ---\n{_text(exc.stdout)[-5000:]}\n--- stderr ---\n{_text(exc.stderr)[-5000:]}"
        )
    if check and result.returncode != 0:
        pytest.fail(describe(result))
    return result


def describe(result):
    return (
        f"exit code {result.returncode}: {' '.join(result.args)}\n"
        f"--- stdout ---\n{result.stdout[-5000:]}\n--- stderr ---\n{result.stderr[-5000:]}"
    )


def _text(output):
    if output is None:
        return ""
    return output.decode(errors="replace") if isinstance(output, bytes) else output


def build_wheel(outdir):
    """Build from the repository root itself (no copy of the tree)."""
    try:
        import build  # noqa: F401

        cmd = [sys.executable, "-m", "build", "--wheel", "--outdir", outdir, REPO_DIR]
    except ImportError:
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", outdir, REPO_DIR]
    run(cmd, timeout=900, cwd=REPO_DIR)
    wheels = sorted(Path(outdir).glob("wagtail_reseau-*.whl"))
    assert len(wheels) == 1, f"expected one wheel in {outdir}, found {wheels}"
    return wheels[0]


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    """A fresh virtualenv with the wheel installed, and the host project's environment."""
    root = tmp_path_factory.mktemp("host-integration")
    wheel = build_wheel(root / "dist")

    venv = root / "venv"
    # sys._base_executable: the interpreter behind the dev venv, so the new venv
    # shares nothing with the dev venv's site-packages.
    base_python = getattr(sys, "_base_executable", None) or sys.executable
    run([base_python, "-m", "venv", venv], timeout=300)
    python = venv / "bin" / "python"

    env = {key: value for key, value in os.environ.items() if key not in LEAKY_VARIABLES}
    env.update(
        PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        VIRTUAL_ENV=str(venv),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_NO_INPUT="1",
    )
    run([python, "-m", "pip", "install", "--quiet", wheel], timeout=1800, env=env, cwd=root)

    site_dir = root / "site"
    site_dir.mkdir()
    env.update(
        PYTHONPATH=str(HOST_PROJECT_DIR),
        DJANGO_SETTINGS_MODULE=HOST_SETTINGS,
        RESEAU_HOST_DIR=str(site_dir),
    )
    return {"root": root, "wheel": wheel, "venv": venv, "python": python, "env": env}


def django_admin(host, *args, check=True, timeout=600):
    return run(
        [host["venv"] / "bin" / "django-admin", *args],
        env=host["env"],
        cwd=host["root"],  # not the repository: its source must not shadow the wheel
        timeout=timeout,
        check=check,
    )


def test_package_is_imported_from_the_fresh_venv(host):
    result = run(
        [host["python"], "-c", "import wagtail_reseau; print(wagtail_reseau.__file__)"],
        env=host["env"],
        cwd=host["root"],
        timeout=120,
    )
    location = Path(result.stdout.strip())
    assert host["venv"] in location.parents, f"wagtail_reseau imported from {location}, not the fresh venv"


def test_check_passes(host):
    django_admin(host, "check")


def test_migrate_applies_every_migration(host):
    django_admin(host, "migrate", "--noinput", timeout=900)
    # --check: exits non-zero if anything is left unapplied.
    django_admin(host, "migrate", "--check", "--noinput")


def test_no_missing_migrations(host):
    result = django_admin(host, "makemigrations", "--check", "--dry-run", "wagtail_reseau", check=False)
    assert result.returncode == 0, "models and migrations differ:\n" + describe(result)


def test_wheel_contains_templates_static_and_catalogues(host):
    with zipfile.ZipFile(host["wheel"]) as wheel:
        names = set(wheel.namelist())

    def has(pattern):
        return any(re.fullmatch(pattern, name) for name in names)

    expected = {
        "templates (wagtail_reseau/templates/**/*.html)": has(r"wagtail_reseau/templates/.+\.html"),
        "static CSS (wagtail_reseau/static/**/*.css)": has(r"wagtail_reseau/static/.+\.css"),
        "compiled French catalogue (wagtail_reseau/locale/fr/LC_MESSAGES/django.mo)": (
            "wagtail_reseau/locale/fr/LC_MESSAGES/django.mo" in names
        ),
        "migrations (wagtail_reseau/migrations/0001_initial.py)": (
            "wagtail_reseau/migrations/0001_initial.py" in names
        ),
    }
    missing = [what for what, present in expected.items() if not present]
    assert not missing, f"missing from {host['wheel'].name}: " + "; ".join(missing)
