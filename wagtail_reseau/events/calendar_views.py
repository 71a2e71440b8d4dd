"""The calendar addresses: one ``.ics`` per forum and per training session, and the
feed of upcoming ones a visitor subscribes to (``urls.py`` names them).

Public and anonymous: they show what the public pages show, never the online
joining link nor anything about registrants. A query string the feed cannot use
is answered with 400 and the reasons, in the visitor's language (a calendar
application would otherwise silently subscribe to something else)."""

from django.http import Http404, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from .calendars import feed_calendar, ics_bytes, ics_filename
from .upcoming import agenda_scope, parse_agenda_query, site_root_path, upcoming_events

CONTENT_TYPE = "text/calendar; charset=utf-8"
URL_NAMESPACE = "wagtail_reseau_calendars"


def _calendar_response(data, filename=None):
    response = HttpResponse(data, content_type=CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response


def _public_forum(page_id):
    from .forums import ForumPage

    # By ``id``, Page's own integer field, not ``pk`` (the one-to-one key to Page):
    # Django answers "no row" for an id beyond what the database stores only on an
    # integer field (on the key, SQLite raised OverflowError).
    page = ForumPage.objects.live().public().filter(id=page_id).select_related("organiser").first()
    if page is None:
        raise Http404(_("No such forum."))
    return page


def _public_session(session_id):
    from .trainings import TrainingCapsulePage, TrainingSession

    session = (
        TrainingSession.objects.filter(pk=session_id, page__in=TrainingCapsulePage.objects.live().public())
        .select_related("page", "page__provider")
        .first()
    )
    if session is None:
        raise Http404(_("No such training session."))
    return session


@require_safe
def forum_ics(request, page_id):
    forum = _public_forum(page_id)
    return _calendar_response(ics_bytes(forum, request), ics_filename(forum))


@require_safe
def session_ics(request, session_id):
    session = _public_session(session_id)
    return _calendar_response(ics_bytes(session, request), ics_filename(session))


@require_safe
def feed(request):
    locale = Locale.get_active()
    scope = agenda_scope(locale, root_path=site_root_path(request, locale))
    query, problems = parse_agenda_query(request.GET, scope)
    if problems:
        lines = [_("This calendar address cannot be used as it is:")]
        lines.extend(
            f"- {problem.parameter}={problem.value}: {problem.reason}" if problem.value else f"- {problem.reason}"
            for problem in problems
        )
        response = HttpResponse("\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8")
        response["Content-Language"] = locale.language_code
        return response
    from ..templatetags.reseau_i18n import reseau_site_name

    events = upcoming_events(locale, query, root_path=scope.root_path)
    site_name = reseau_site_name({"request": request})
    name = _("%(site)s: upcoming forums and trainings") % {"site": site_name} if site_name else _(
        "Upcoming forums and trainings"
    )
    return _calendar_response(feed_calendar(events, name=name, request=request).to_ical())


def _reverse(name, *args, query=""):
    """The address, or "" when the host site has not included ``wagtail_reseau.events.urls``."""
    try:
        url = reverse(f"{URL_NAMESPACE}:{name}", args=args)
    except NoReverseMatch:
        return ""
    return url + query


def ics_url(target):
    """The address of the ``.ics`` of a forum or a session ("" without the URLs)."""
    if target._meta.model_name == "trainingsession":
        return _reverse("session_ics", target.pk)
    return _reverse("forum_ics", target.pk)


def feed_url(querystring=""):
    """The address of the feed, with a query string such as ``"?domain=sante"``."""
    return _reverse("feed", query=querystring if querystring not in ("", "?") else "")
