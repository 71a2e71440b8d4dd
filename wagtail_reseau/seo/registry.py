"""Which structured-data builder describes which page type.

Each domain registers the builder of its page types beside its models
(``directory/structured_data.py``...); a host registers its own in its
``AppConfig.ready``::

    from wagtail_reseau.seo.registry import register_structured_data
    from wagtail_reseau.seo.builders import PageStructuredData

    @register_structured_data(MyPage)
    class MyPageStructuredData(PageStructuredData):
        page_type = "AboutPage"

A page type without a builder of its own uses the one of its nearest registered
parent class (``Page`` itself: a plain ``WebPage``)."""

_BUILDERS = {}


def register_structured_data(model, builder=None):
    """Registers ``builder`` (a ``PageStructuredData`` subclass) for ``model`` and
    its subclasses; replaces an earlier one. Usable as a class decorator."""

    def register(builder_class):
        _BUILDERS[model] = builder_class
        return builder_class

    return register(builder) if builder is not None else register


def unregister_structured_data(model):
    _BUILDERS.pop(model, None)


def builder_for(page):
    """The builder class of ``page``'s type (through its class hierarchy)."""
    from .builders import PageStructuredData

    for klass in type(page).__mro__:
        if klass in _BUILDERS:
            return _BUILDERS[klass]
    return PageStructuredData
