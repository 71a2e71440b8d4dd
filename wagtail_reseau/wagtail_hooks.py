from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .core.unpublish import warn_of_live_translations
from .taxonomy.admin import NetworkViewSetGroup

register_snippet(NetworkViewSetGroup)
hooks.register("after_unpublish_page", warn_of_live_translations)


@hooks.register("register_admin_urls")
def register_geocoding_url():
    """The organisation editor's "find the address" (directory/geocoding.py)."""
    from django.urls import path

    from .directory.geocoding import geocode_view

    return [path("reseau/geocode/", geocode_view, name="wagtail_reseau_geocode")]


# The "Directory" admin menu: spreadsheet import, open-data quality (directory/wagtail_hooks.py).
from .directory import wagtail_hooks as directory_hooks  # noqa: E402, F401

# The good practices' spreadsheet import (practices/importing/wagtail_hooks.py).
from .practices.importing import wagtail_hooks as practice_import_hooks  # noqa: E402, F401
