"""The feeds' addresses. A host includes them inside its ``i18n_patterns`` (before
Wagtail's), so that each language has its feeds::

    path("feeds/", include("wagtail_reseau.seo.urls")),
"""

from django.urls import re_path

from .feeds import feed_view

urlpatterns = [
    re_path(
        r"^(?P<key>[a-z0-9_-]+)\.(?P<syndication_format>rss|atom)$",
        feed_view,
        name="wagtail_reseau_feed",
    ),
]
