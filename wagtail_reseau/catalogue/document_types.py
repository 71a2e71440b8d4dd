"""The registry of document types: how each page model becomes a catalogue
document. Each domain declares its own in its ``catalogue.py``; a host registers
its page types the same way."""

from dataclasses import dataclass

from django.apps import apps
from django.utils import timezone
from wagtail.search import index


def published_date(page):
    moment = page.first_published_at or page.last_published_at
    return timezone.localtime(moment).date() if moment else None


@dataclass(frozen=True)
class DocumentType:
    """How one page model becomes a document. Declared beside the model, in its
    domain's ``catalogue.py``; the searchable text is the model's own
    ``search_fields`` (its ``SearchField`` entries other than the title and the
    summary), so Wagtail's search and the catalogue read the same fields."""

    key: str
    model: str  # "app_label.ModelName"
    label: str
    #: The label in a list of content types ("Good practices").
    plural_label: str = ""
    summary_field: str = "summary"
    #: page -> date used for sorting and the year facet (default: first published)
    get_date: object = None
    #: page -> list of years (defaults to the date's year)
    get_years: object = None
    #: page -> datetime at which the last occurrence ends, for upcoming/past
    get_event_last: object = None
    #: Further many-valued relations the functions above read with
    #: ``related_objects(page, name)``: fetched in bulk when building many documents.
    prefetch: tuple = ()
    #: page -> ``(latitude, longitude)`` or None: where the document shows on a map
    #: (``?format=geojson``). Foreign keys it reads go in ``prefetch`` too.
    get_location: object = None
    #: page -> how many times the page was reused elsewhere (good practices: the
    #: approved entries of their reuse log), for the "most reused" sort.
    get_reuse_count: object = None

    def get_model(self):
        return apps.get_model(self.model)

    @property
    def text_fields(self):
        """Names of the model's searchable text fields, in declaration order."""
        names = []
        for search_field in getattr(self.get_model(), "search_fields", ()):
            name = getattr(search_field, "field_name", None)
            if type(search_field) is index.SearchField and name not in {"title", self.summary_field, *names}:
                names.append(name)
        return tuple(names)

    def reuse_count(self, page):
        return int(self.get_reuse_count(page) or 0) if self.get_reuse_count else 0

    def location(self, page):
        """``(latitude, longitude)`` as floats rounded to 6 decimals (about 10 cm),
        checked against the bounds of the WGS 84 coordinates, or None."""
        found = self.get_location(page) if self.get_location else None
        if not found:
            return None
        try:
            latitude, longitude = (round(float(value), 6) for value in found)
        except (TypeError, ValueError):
            return None
        if -90 <= latitude <= 90 and -180 <= longitude <= 180:
            return (latitude, longitude)
        return None

    def date(self, page):
        return self.get_date(page) if self.get_date else published_date(page)

    def years(self, page, date):
        if self.get_years is not None:
            return tuple(self.get_years(page))
        return (date.year,) if date else ()


_DOCUMENT_TYPES = {}


def register_document_type(document_type):
    _DOCUMENT_TYPES[document_type.key] = document_type
    return document_type


def document_types():
    return dict(_DOCUMENT_TYPES)


def document_type_choices():
    """``[(key, plural label)]`` for an editor's choice of content types."""
    return [(key, document_type.plural_label or document_type.label) for key, document_type in _DOCUMENT_TYPES.items()]


def document_type_for(page):
    for document_type in _DOCUMENT_TYPES.values():
        if type(page) is document_type.get_model():
            return document_type
    return None
