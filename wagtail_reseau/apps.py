from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

#: The domains whose ``catalogue`` module declares facets or document types, in
#: the order their content types are offered.
CATALOGUE_DECLARATIONS = ("taxonomy", "practices", "directory", "events", "mentoring", "project", "news")
#: The modules that register page types' structured data (schema.org) and feeds (seo/).
SEO_DECLARATIONS = (
    "seo.pages",
    "home.structured_data",
    "directory.structured_data",
    "events.structured_data",
    "practices.structured_data",
    "mentoring.structured_data",
    "project.structured_data",
    "news.structured_data",
    "news.feeds",
    "practices.feeds",
    "events.feeds",
)


class WagtailReseauConfig(AppConfig):
    name = "wagtail_reseau"
    label = "wagtail_reseau"
    verbose_name = _("Federation network")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers the settings checks (``manage.py check`` reports bad settings).
        from . import checks  # noqa: F401

        for domain in CATALOGUE_DECLARATIONS:
            import_module(f"{self.name}.{domain}.catalogue")
        for module in SEO_DECLARATIONS:
            import_module(f"{self.name}.{module}")

        from .core import public_version

        public_version.connect()

        from .catalogue import indexing

        indexing.connect()
