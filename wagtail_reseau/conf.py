"""Every ``WAGTAIL_RESEAU_*`` setting with its default, read in one place.

Use ``from wagtail_reseau.conf import reseau_settings`` and read attributes
without the prefix: ``reseau_settings.ITEMS_PER_PAGE``. Values are read from
``django.conf.settings`` at access time, so ``override_settings`` works in tests.
"""

from django.conf import settings

PREFIX = "WAGTAIL_RESEAU_"

DEFAULTS = {
    # How many children an index page (directory, forums, news...) lists per page.
    "ITEMS_PER_PAGE": 12,
    # Position of the "Network" menu group in the Wagtail admin sidebar.
    "ADMIN_MENU_ORDER": 250,
    # Vocabulary snippets registered in the admin. A site may switch some off
    # (e.g. one that manages people elsewhere) by listing only those it wants.
    "VOCABULARIES": (
        "domain",
        "territory",
        "audience",
        "organisation_type",
        "person",
    ),
    # The catalogue's search engine: "database" (embedded, the default) or the
    # dotted path of a CatalogueEngine subclass.
    "CATALOGUE_ENGINE": "database",
    # Licence offered by default to a newly written good practice.
    "DEFAULT_PRACTICE_LICENCE": "CC-BY-SA-4.0",
}


class ReseauSettings:
    """Attribute access to the package settings, with their defaults."""

    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(f"Unknown wagtail-reseau setting: {name}")
        return getattr(settings, PREFIX + name, DEFAULTS[name])

    def __dir__(self):
        return list(DEFAULTS)


reseau_settings = ReseauSettings()
