"""Search engines of the catalogue. ``get_engine()`` returns the configured one."""

from django.utils.module_loading import import_string

from ...conf import reseau_settings

ENGINES = {
    "database": "wagtail_reseau.catalogue.engines.database.DatabaseEngine",
    "elasticsearch": "wagtail_reseau.catalogue.engines.elasticsearch.ElasticsearchEngine",
}


def get_engine(name=None):
    name = name or reseau_settings.CATALOGUE_ENGINE
    return import_string(ENGINES.get(name, name))()


def indexing_engines():
    """Engines kept in step with the pages: the database one always (it is the
    fallback of the others), plus the configured one."""
    engines = [get_engine("database")]
    if reseau_settings.CATALOGUE_ENGINE != "database":
        engines.append(get_engine())
    return engines
