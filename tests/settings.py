"""Test settings: the example site's, with fast hashing and a throwaway media folder.

SQLite in memory by default; DATABASE_URL selects another database (the test
script runs the suite once more on PostgreSQL that way)."""

import tempfile

from example_site.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="wagtail-reseau-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The embedded engine, whatever the environment says; the Elasticsearch tests
# select their engine themselves (the elasticsearch_settings fixture).
WAGTAIL_RESEAU_CATALOGUE_ENGINE = "database"
# The tests' SQLite database lives in memory, one connection: the example site's
# options for a file database (WAL, IMMEDIATE) are left out, so that the suite
# runs on Django's defaults, which a host may keep (tests/catalogue/
# test_publish_concurrency.py tries both on a file database).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {}  # noqa: F405

# A host app that adds a page type and a facet to the catalogue (tests/testapp).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]  # noqa: F405
