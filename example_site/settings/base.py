"""Settings of the example site: a Wagtail project that uses wagtail-reseau.

French is the default language, English the second. SQLite by default; set
DATABASE_URL (e.g. postgres://user:password@127.0.0.1:5432/name) for PostgreSQL."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

SITE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = SITE_DIR.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "example-site-not-secret")
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]

INSTALLED_APPS = [
    # The plugin and what it needs.
    "wagtail_reseau",
    "wagtail_reseau.core.privacy",
    "wagtail_reseau.events.registrations",
    "wagtail_reseau.practices.contributions",
    "wagtail_reseau.mentoring.agreements",
    "wagtail_reseau.comments",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    # The example site's own app: demo content.
    "example_site.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "example_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "example_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{SITE_DIR / 'db.sqlite3'}", conn_max_age=0
    )
}
# SQLite serves several requests at once (the editor's autosave runs beside a
# publish): readers never wait for the writer (WAL), a transaction takes the
# write lock when it begins rather than failing to upgrade a read lock later
# (IMMEDIATE), and a busy database is waited for (20 s) instead of answering
# "database is locked". See docs/installation.md, "SQLite".
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and DATABASES["default"]["NAME"] != ":memory:":
    DATABASES["default"]["OPTIONS"] = {**DATABASES["default"].get("OPTIONS", {}), **SQLITE_OPTIONS}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

# Internationalisation: French first, English second.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Paris"
LOCALE_PATHS = [SITE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = SITE_DIR / "static_collected"
MEDIA_URL = "/media/"
MEDIA_ROOT = SITE_DIR / "media"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

WAGTAIL_SITE_NAME = "Fédération des centres sociaux (exemple)"
# The admin's links in e-mails and the like; scripts/demo.sh sets it to the port it serves.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip", "odp", "ods"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# wagtail-reseau settings (all optional; see docs/settings.md).
WAGTAIL_RESEAU_ITEMS_PER_PAGE = 12
# The catalogue's engine: the embedded database one unless CATALOGUE_ENGINE says
# "elasticsearch" (scripts/demo.sh starts a local node and sets it then).
WAGTAIL_RESEAU_CATALOGUE_ENGINE = os.environ.get("CATALOGUE_ENGINE", "database")
WAGTAIL_RESEAU_ELASTICSEARCH = {
    "HOSTS": [os.environ.get("RESEAU_ELASTICSEARCH_URL", "http://localhost:9200")],
    "INDEX": "reseau_example_catalogue",
    # One node: no replica to place.
    "INDEX_SETTINGS": {"number_of_shards": 1, "number_of_replicas": 0},
}
