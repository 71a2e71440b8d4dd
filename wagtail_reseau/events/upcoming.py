"""The upcoming forums and training sessions of one language, filtered by the
catalogue's own parameters (``domain``, ``territory``, ``audience``, ``type``...):
what the agenda page lists and the subscription feed holds.

The query string is read by the catalogue's ``parse_query`` with a scope of the
two event types and the facets they have, so the agenda, the feed and the
catalogue speak one filter language and check values the same way. Only live,
public pages count: a draft, an unpublished page or a page behind a view
restriction is never listed."""

from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..catalogue.facets import VocabularyFacet, get_facet, get_facets
from ..catalogue.query import CatalogueScope, Ignored, parse_query

EVENT_TYPES = ("forum", "training")
#: At most this many events in a list or a feed (the soonest ones).
MAX_EVENTS = 500


def _event_models():
    from .forums import ForumPage
    from .trainings import TrainingCapsulePage

    return ForumPage, TrainingCapsulePage


def filter_keys():
    """The catalogue facets the agenda offers: the content type (forum or training)
    and every vocabulary both event pages are classified with."""
    models = _event_models()
    keys = []
    for key, facet in get_facets().items():
        if key == "type" or (
            isinstance(facet, VocabularyFacet) and all(hasattr(model, facet.relation) for model in models)
        ):
            keys.append(key)
    return tuple(keys)


def agenda_scope(locale, root_path=""):
    return CatalogueScope(
        language_code=locale.language_code,
        locale_id=locale.pk,
        content_types=EVENT_TYPES,
        facet_keys=filter_keys(),
        root_path=root_path,
    )


def parse_agenda_query(querydict, scope):
    """``(query, problems)``: the catalogue's query, and what in the query string
    cannot be used here (``Ignored`` items with a reason for the visitor). An empty
    filter (the "All" choice of the agenda's form) is no filter, not an error."""
    querydict = querydict.copy()
    for key in scope.facet_keys:
        if key in querydict:
            values = [value for value in querydict.getlist(key) if value != ""]
            if values:
                querydict.setlist(key, values)
            else:
                del querydict[key]
    query = parse_query(querydict, scope)
    problems = list(query.ignored)
    if query.text:
        problems.append(Ignored("q", query.text[:80], _("The agenda has no text search: use the filters.")))
    if "sort" in querydict:
        problems.append(Ignored("sort", querydict.get("sort", "")[:80], _("The agenda is always in date order.")))
    if "page" in querydict:
        problems.append(Ignored("page", querydict.get("page", "")[:80], _("The agenda has a single page.")))
    return query, problems


def site_root_path(request, locale):
    """The tree path under which the request's site keeps its pages in ``locale``
    ("" when the installation has one site: every page is on it)."""
    from wagtail.models import Site

    site_roots = Site.get_site_root_paths()
    if len({root.site_id for root in site_roots}) <= 1:
        return ""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return ""
    root = site.root_page
    translated = root.get_translation_or_none(locale) or root
    return translated.path


def _selected_page_ids(query):
    """Ids of the event pages matching every vocabulary selection (values of one
    filter: any of them; a term includes its descendants), or None for no selection."""
    models = _event_models()
    page_ids = None
    for key, values in query.selections:
        facet = get_facet(key)
        if not isinstance(facet, VocabularyFacet):
            continue
        matching = set()
        term_model = facet.get_model()
        for value in values:
            term = term_model.objects.filter(slug=value).first()
            if term is not None:
                matching |= facet.pages_using(term, models)
        page_ids = matching if page_ids is None else page_ids & matching
    return page_ids


def upcoming_events(locale, query=None, *, root_path="", now=None, limit=MAX_EVENTS):
    """Forums (``ForumPage``) and sessions (``TrainingSession``) of live, public pages
    in ``locale`` that have not ended, soonest first."""
    from .trainings import TrainingSession

    ForumPage, TrainingCapsulePage = _event_models()
    now = now or timezone.now()
    types = set(query.selected("type")) if query is not None else set()
    types = types or set(EVENT_TYPES)
    page_ids = _selected_page_ids(query) if query is not None else None

    def pages(model):
        queryset = model.objects.live().public().filter(locale=locale)
        if root_path:
            queryset = queryset.filter(path__startswith=root_path)
        if page_ids is not None:
            queryset = queryset.filter(pk__in=page_ids)
        return queryset

    events = []
    if "forum" in types:
        forums = (
            pages(ForumPage)
            .annotate(finishes=Coalesce("end", "start"))
            .filter(finishes__gte=now)
            .select_related("organiser")
            .order_by("start", "pk")[:limit]
        )
        events.extend(forums)
    if "training" in types:
        sessions = (
            TrainingSession.objects.filter(page__in=pages(TrainingCapsulePage))
            .annotate(finishes=Coalesce("end", "start"))
            .filter(finishes__gte=now)
            .select_related("page", "page__provider")
            .prefetch_related("page__trainers__person")
            .order_by("start", "pk")[:limit]
        )
        events.extend(sessions)
    events.sort(key=lambda event: (event.start, event._meta.model_name, event.pk))
    return events[:limit]


def by_month(events):
    """``[(first day of the month, [events])]`` in the site's time zone."""
    months = []
    for event in events:
        month = timezone.localtime(event.start).date().replace(day=1)
        if not months or months[-1][0] != month:
            months.append((month, []))
        months[-1][1].append(event)
    return months

