"""The agenda: a page listing the upcoming forums and training sessions month by
month, each with its calendar file, filtered like the catalogue (domain,
territory, audience, type) and offering the matching subscription feed."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..catalogue.facets import VocabularyFacet, get_facet, vocabulary_terms
from .calendars import event_location, event_page
from .upcoming import agenda_scope, by_month, parse_agenda_query, site_root_path, upcoming_events


class AgendaPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    show_filters = models.BooleanField(
        _("show the filters"), default=True, help_text=_("Let visitors narrow the agenda by domain, territory...")
    )

    subpage_types = []
    template = "wagtail_reseau/pages/agenda_page.html"
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("show_filters")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(agenda_context(self, request))
        return context


def _filter_options(facet, scope):
    """``[(value, label)]`` of a filter; a tree in its order, a child's label
    indented with a dash a level."""
    if facet.key == "type":
        return [(value, label) for value, label in facet.labels(scope, {}).items() if value in scope.content_types]
    if not isinstance(facet, VocabularyFacet):
        return []
    terms = vocabulary_terms(facet, scope.language_code)
    children = {}
    for term in terms.values():
        children.setdefault(term.parent if term.parent in terms else None, []).append(term)
    options = []

    def walk(parent, depth):
        for term in sorted(children.get(parent, []), key=lambda term: str(term.label).casefold()):
            options.append((term.slug, "– " * depth + str(term.label)))
            walk(term.slug, depth + 1)

    walk(None, 0)
    return options


def _item(event):
    from .calendar_views import ics_url

    page = event_page(event)
    is_session = event._meta.model_name == "trainingsession"
    return {
        "event": event,
        "page": page,
        "is_session": is_session,
        "kind": _("Training session") if is_session else page.get_kind_display(),
        "start": event.start,
        "end": event.end,
        "place": event_location(event),
        "online": (not is_session) and page.attendance_mode != "in_person",
        "ics_url": ics_url(event),
        "event_status": event.event_status,
        "status_label": event.status_label,
    }


def agenda_context(page, request):
    from .calendar_views import feed_url

    scope = agenda_scope(page.locale, root_path=site_root_path(request, page.locale))
    query, problems = parse_agenda_query(request.GET, scope)
    events = upcoming_events(page.locale, query, root_path=scope.root_path)
    filters = []
    if page.show_filters:
        for key in scope.facet_keys:
            facet = get_facet(key)
            options = _filter_options(facet, scope)
            if options:
                label = _("Kind of event") if key == "type" else facet.label
                filters.append({"key": key, "label": label, "options": options, "selected": set(query.selected(key))})
    feed = feed_url(query.querystring())
    feed_absolute = request.build_absolute_uri(feed) if feed else ""
    return {
        "agenda_months": [(month, [_item(event) for event in items]) for month, items in by_month(events)],
        "agenda_count": len(events),
        "agenda_filters": filters,
        "agenda_query": query,
        "agenda_problems": problems,
        "agenda_feed_url": feed_absolute,
        "agenda_webcal_url": feed_absolute.replace("https://", "webcal://", 1).replace("http://", "webcal://", 1),
    }
