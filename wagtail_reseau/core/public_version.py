"""The public content version: a token in Django's cache that changes whenever what
the public may see changes (a page published, unpublished, deleted or moved, a view
restriction added, changed or removed), and ``cache_public_response``, a view
decorator that caches a public answer under that version.

Public answers that are dear to build (the open-data exports, ``sitemap.xml``) are
cached with it: a page unpublished, deleted, moved or made private drops out of them
at once, while an unchanged site is served from the cache. Random, not a counter (as
the catalogue's index generation): after a cache flush no process can mistake an old
answer for a current one."""

import functools
import hashlib

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

from .cache_versions import bump_now_and_on_commit, cache_version

PUBLIC_VERSION_CACHE_KEY = "wagtail_reseau:public-content-version"
RESPONSE_CACHE_PREFIX = "wagtail_reseau:public-response"


def public_content_version():
    """The current version (created on first use, kept until changed)."""
    return cache_version(PUBLIC_VERSION_CACHE_KEY)


def public_content_changed(sender=None, **kwargs):
    """A signal receiver: changes the version now, and again when the transaction
    commits (a request running meanwhile may have cached what it saw before the
    commit, under the new version)."""
    bump_now_and_on_commit(PUBLIC_VERSION_CACHE_KEY)


def page_deleted(sender=None, instance=None, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        public_content_changed()


def connect():
    """Called once from the package's ``AppConfig.ready``."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    uid = "wagtail_reseau_public_version"
    page_published.connect(public_content_changed, dispatch_uid=f"{uid}_published")
    page_unpublished.connect(public_content_changed, dispatch_uid=f"{uid}_unpublished")
    post_page_move.connect(public_content_changed, dispatch_uid=f"{uid}_moved")
    # Any page class (a specific page's deletion also sends it for each parent class).
    post_delete.connect(page_deleted, dispatch_uid=f"{uid}_page_deleted")
    post_save.connect(public_content_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}_restriction_saved")
    post_delete.connect(public_content_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}_restriction_deleted")


def response_cache_key(request):
    parts = "\x1f".join((public_content_version(), request.build_absolute_uri(), get_language() or ""))
    digest = hashlib.sha1(parts.encode(), usedforsecurity=False).hexdigest()
    return f"{RESPONSE_CACHE_PREFIX}:{digest}"


def cache_public_response(seconds):
    """Caches a view's successful GET/HEAD answers for ``seconds`` under the public
    content version, the request's full URL (host, path and query) and language.
    Unlike ``cache_page``, it sets no ``Cache-Control: max-age``: no proxy or browser
    keeps a copy that the version cannot drop."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            key = response_cache_key(request)
            cached = cache.get(key)
            if cached is not None:
                content, status, headers = cached
                response = HttpResponse(content, status=status)
                for name, value in headers:
                    response[name] = value
                return response
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if response.status_code == 200 and not response.streaming and not response.cookies:
                cache.set(key, (response.content, response.status_code, list(response.items())), seconds)
            return response

        return wrapper

    return decorator
