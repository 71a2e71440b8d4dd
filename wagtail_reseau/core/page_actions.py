"""What optional sub-apps add to the package's pages, looked up by name.

A page model of a domain (``practices``, ``mentoring``, ``events``...) declares the
public routes and context an optional sub-app fills (the proposal form, the reuse
log, registrations...). The page does not import the sub-app: the sub-app registers
its callables here in its ``AppConfig.ready()``, and the page looks them up when a
visitor arrives. So dependencies run one way (sub-app → domain → core), a host that
leaves a sub-app out of ``INSTALLED_APPS`` gets a 404 on its routes and no empty
block on its pages, and a host can replace one action with its own callable (register
it under the same name from its own app, listed after ``wagtail_reseau``'s).

    # practices/contributions/apps.py
    def ready(self):
        from wagtail_reseau.core.page_actions import register_page_action
        from . import views
        register_page_action("practices.propose", views.propose)

    # practices/models.py
    @path("propose/")
    def propose(self, request):
        return call_page_view("practices.propose", request, self)
"""

from django.http import Http404

_actions = {}


def register_page_action(name, function):
    """Register (or replace) the callable known as ``name``; returns it, so that it can
    be used as a decorator's body."""
    _actions[name] = function
    return function


def has_page_action(name):
    """Whether an installed sub-app provides ``name``."""
    return name in _actions


def get_page_action(name, default=None):
    """The callable registered as ``name``, or ``default`` when no installed sub-app
    provides it."""
    return _actions.get(name, default)


def call_page_view(name, request, *args, **kwargs):
    """Call the view registered as ``name``; a 404 when its sub-app is not installed."""
    view = _actions.get(name)
    if view is None:
        raise Http404
    return view(request, *args, **kwargs)


def call_page_action(name, *args, default=None, **kwargs):
    """Call the non-view callable registered as ``name`` (a context block, a list of
    related records); ``default`` when its sub-app is not installed."""
    function = _actions.get(name)
    if function is None:
        return default
    return function(*args, **kwargs)
