"""The facets the catalogue knows, in their order. The package registers its own
(``builtin``, and the vocabularies' in ``taxonomy/catalogue.py``); a host adds one
with ``register_facet(MyFacet())`` in its ``AppConfig.ready``."""

_FACETS = {}


def register_facet(facet):
    """Adds ``facet`` (or replaces the one of the same key); returns it."""
    _FACETS[facet.key] = facet
    return facet


def unregister_facet(key):
    _FACETS.pop(key, None)


def get_facets():
    """``{key: facet}``, ordered by position, then by registration."""
    ordered = sorted(enumerate(_FACETS.values()), key=lambda item: (item[1].position, item[0]))
    return {facet.key: facet for _index, facet in ordered}


def get_facet(key):
    return _FACETS.get(key)


def facet_choices():
    """``[(key, label)]`` for an editor's choice of filters (the catalogue page)."""
    return [(key, facet.label) for key, facet in get_facets().items()]


def stored_facet_keys():
    """Keys of every registered facet: what the engines store per document."""
    return list(get_facets())
