"""tests/install/: the install journey (docs/installation.md on `wagtail start` sites)
and the release build. Marked ``install``: they run in scripts/test.sh's own stage,
which sets RESEAU_INSTALL_JOURNEY=1, and are skipped in the other pytest runs."""

import os

import pytest


def pytest_collection_modifyitems(config, items):
    if os.environ.get("RESEAU_INSTALL_JOURNEY") == "1":
        return
    skip = pytest.mark.skip(reason="install journey: run by scripts/test.sh's own stage (RESEAU_INSTALL_JOURNEY=1)")
    for item in items:
        if item.get_closest_marker("install"):
            item.add_marker(skip)
