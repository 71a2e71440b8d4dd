"""Calendar addresses of forums and training sessions. A host site includes them,
in ``i18n_patterns`` so each language has its own feed::

    path("calendars/", include("wagtail_reseau.events.urls")),
"""

from django.urls import path

from . import calendar_views

app_name = calendar_views.URL_NAMESPACE

urlpatterns = [
    path("forum-<int:page_id>.ics", calendar_views.forum_ics, name="forum_ics"),
    path("session-<int:session_id>.ics", calendar_views.session_ics, name="session_ics"),
    path("feed.ics", calendar_views.feed, name="feed"),
]
