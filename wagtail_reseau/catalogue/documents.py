"""Pages become catalogue documents here, and only here: both engines index the
same ``CatalogueDocument``, so they can be held to the same tests.

A host registers its own page type with ``register_document_type``."""

import datetime
import hashlib
import json
import logging
import re
from dataclasses import dataclass, field, fields

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .facets import FACETS, ancestors_of, vocabulary_terms

logger = logging.getLogger(__name__)

WHITESPACE = re.compile(r"\s+")


@dataclass
class CatalogueDocument:
    page_id: int
    locale_id: int
    language_code: str
    type: str
    title: str
    url: str
    summary: str
    text: str
    date: datetime.date | None
    #: When the last occurrence ends (forums, training sessions): upcoming/past.
    event_last: datetime.datetime | None
    #: ``{facet key: set of values}``; hierarchical facets include ancestors.
    facets: dict = field(default_factory=dict)
    #: ``{tag slug: tag name}`` for the tag facet's labels.
    tag_labels: dict = field(default_factory=dict)
    #: The page's tree path (``Page.path``): a catalogue may search one site's tree.
    path: str = ""

    def fingerprint(self):
        """A short hash of everything indexed: equal fingerprints, equal documents
        (the drift command compares the index with the pages by it)."""
        # The fields as ``dataclasses.asdict`` gives them, without its deep copies
        # (a rebuild fingerprints every document).
        data = {item.name: getattr(self, item.name) for item in fields(self)}
        data["facets"] = {key: sorted(values) for key, values in sorted(self.facets.items())}
        encoded = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False).encode()
        return hashlib.blake2b(encoded, digest_size=12).hexdigest()


@dataclass(frozen=True)
class DocumentType:
    """How one page model becomes a document."""

    key: str
    model: str  # "app_label.ModelName"
    label: str
    summary_field: str = "summary"
    text_fields: tuple = ()
    #: page -> date used for sorting and the year facet
    get_date: object = None
    #: page -> list of years (defaults to the date's year)
    get_years: object = None
    #: page -> datetime at which the last occurrence ends, for upcoming/past
    get_event_last: object = None
    #: Further many-valued relations the functions above read with
    #: ``related_objects(page, name)``: fetched in bulk when building many documents.
    prefetch: tuple = ()

    def get_model(self):
        from django.apps import apps

        return apps.get_model(self.model)


_DOCUMENT_TYPES = {}


def register_document_type(document_type):
    _DOCUMENT_TYPES[document_type.key] = document_type


def document_types():
    return dict(_DOCUMENT_TYPES)


def document_type_for(page):
    for document_type in _DOCUMENT_TYPES.values():
        if type(page) is document_type.get_model():
            return document_type
    return None


def _published_date(page):
    moment = page.first_published_at or page.last_published_at
    return timezone.localtime(moment).date() if moment else None


def _forum_event_last(page):
    return page.end or page.start


def _training_sessions(page):
    return related_objects(page, "sessions")


def _training_event_last(page):
    ends = [session.end or session.start for session in _training_sessions(page)]
    return max(ends) if ends else None


def _training_date(page):
    starts = [session.start for session in _training_sessions(page)]
    upcoming = [start for start in starts if start >= timezone.now()]
    if upcoming:
        return timezone.localtime(min(upcoming)).date()
    if starts:
        return timezone.localtime(max(starts)).date()
    return _published_date(page)


def _training_years(page):
    years = {timezone.localtime(session.start).year for session in _training_sessions(page)}
    return sorted(years)


for _document_type in (
    DocumentType(
        "practice",
        "wagtail_reseau.GoodPracticePage",
        _("Good practice"),
        text_fields=("what", "who", "why", "how", "results", "transferability", "lessons_learned", "other_partners"),
        get_date=lambda page: page.start_date or _published_date(page),
    ),
    DocumentType(
        "organisation",
        "wagtail_reseau.OrganisationPage",
        _("Organisation"),
        text_fields=("description", "commune", "postcode", "street_address"),
        get_date=_published_date,
        get_years=lambda page: [],
    ),
    DocumentType(
        "forum",
        "wagtail_reseau.ForumPage",
        _("Forum or workshop"),
        text_fields=("description", "agenda", "report_summary", "perspectives", "venue_name"),
        get_date=lambda page: timezone.localtime(page.start).date(),
        get_event_last=_forum_event_last,
    ),
    DocumentType(
        "training",
        "wagtail_reseau.TrainingCapsulePage",
        _("Training capsule"),
        text_fields=("description", "learning_objectives", "prerequisites"),
        get_date=_training_date,
        get_years=_training_years,
        get_event_last=_training_event_last,
    ),
    DocumentType(
        "mentoring",
        "wagtail_reseau.MentoringPage",
        _("Mentoring"),
        text_fields=("description", "experience", "availability"),
        get_date=_published_date,
    ),
    DocumentType(
        "project_axis",
        "wagtail_reseau.ProjectAxisPage",
        _("Federal project axis"),
        text_fields=("global_context", "stakes", "previous_actions", "operational_objectives", "avenues_for_action"),
        get_date=_published_date,
        get_years=lambda page: [],
    ),
    DocumentType(
        "news",
        "wagtail_reseau.NewsPage",
        _("News"),
        summary_field="intro",
        text_fields=("body", "author_name"),
        get_date=lambda page: page.date,
    ),
):
    register_document_type(_document_type)


def plain_text(value):
    """Text with whitespace folded. What an editor typed stays as typed (a literal
    "<b>" in a summary is text); it is escaped when shown."""
    if value is None:
        return ""
    return WHITESPACE.sub(" ", str(value)).strip()


def field_text(page, name):
    """Visible text of a field: Wagtail's own indexing text for rich text and
    StreamFields (markup removed, entities decoded), the value for the others."""
    model_field = page._meta.get_field(name)
    value = getattr(page, name)
    if hasattr(model_field, "get_searchable_content"):
        return plain_text(" ".join(str(part) for part in model_field.get_searchable_content(value)))
    return plain_text(value)


def is_visible(page, restricted_paths=None):
    """Only live, public pages reachable on a site become documents.

    ``restricted_paths`` (the tree paths of every page with a view restriction,
    see ``restricted_page_paths``) spares a query per page when building many."""
    return _visible_url(page, restricted_paths) is not None


def _visible_url(page, restricted_paths=None):
    """The page's URL if it is visible (see ``is_visible``), else None."""
    if not page.live or page.expired:
        return None
    if restricted_paths is None:
        if page.get_view_restrictions().exists():
            return None
    elif any(page.path.startswith(path) for path in restricted_paths):
        return None
    return page.get_url()


#: Relations a document reads, fetched in bulk when building many documents.
PREFETCHED_RELATIONS = ("domains", "territories", "audiences", "tags", "sessions")
#: Where a batch keeps a page's prefetched relation: ``related_objects`` reads it.
PREFETCHED_ATTRIBUTE = "_catalogue_prefetched_%s"


def related_objects(page, relation):
    """The objects of a page's many-valued ``relation`` as a list (None if the page
    has no such relation): the list prefetched for the whole batch when the page
    comes from ``live_searchable_pages``, a query otherwise. A host's
    ``DocumentType`` functions read relations through it too."""
    prefetched = getattr(page, PREFETCHED_ATTRIBUTE % relation, None)
    if prefetched is not None:
        return prefetched
    manager = getattr(page, relation, None)
    return None if manager is None else list(manager.all())


def live_searchable_pages(chunk_size=500):
    """Every live page of a registered type, specific, one model at a time with
    its relations prefetched into plain lists (a handful of queries per chunk, no
    queryset per page and relation)."""
    for document_type in document_types().values():
        model = document_type.get_model()
        names = {field.name for field in model._meta.get_fields()}
        relations = [name for name in PREFETCHED_RELATIONS if name in names]
        relations += [name for name in document_type.prefetch if name not in relations]
        related = [Prefetch(name, to_attr=PREFETCHED_ATTRIBUTE % name) for name in relations]
        selected = ["locale"] + (["organisation_type"] if "organisation_type" in names else [])
        exact = ContentType.objects.get_for_model(model)  # not a subclass registered apart
        pages = (
            model.objects.live()
            .filter(content_type=exact)
            .order_by("pk")
            .select_related(*selected)
            .prefetch_related(*related)
        )
        yield from pages.iterator(chunk_size=chunk_size)


def live_searchable_pages_count():
    """How many pages ``live_searchable_pages`` walks (a progress bar's total)."""
    from wagtail.models import Page

    models = [document_type.get_model() for document_type in document_types().values()]
    exact = ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
    return Page.objects.live().filter(content_type__in=list(exact)).count()


def searchable_document_batches(batch_size=500, on_page=None):
    """The documents of every live, public page of a registered type, in lists of
    up to ``batch_size``: what a rebuild loads and what the drift check expects.
    ``on_page()`` is called after each page read (a progress bar). A page that
    cannot be turned into a document is logged and skipped, as when publishing."""
    restricted = restricted_page_paths()
    batch = []
    for page in live_searchable_pages(chunk_size=batch_size):
        try:
            document = build_document(page, restricted)
        except Exception:
            logger.warning("Page %s could not be turned into a catalogue document.", page.pk, exc_info=True)
            document = None
        if document is not None:
            batch.append(document)
        if on_page is not None:
            on_page()
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def restricted_page_paths():
    """Tree paths of the pages with a view restriction (their subtrees are private)."""
    from wagtail.models import PageViewRestriction

    return tuple(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())


def _slugs_with_ancestors(facet_key, slugs, language_code):
    facet = FACETS[facet_key]
    if not facet.hierarchical:
        return set(slugs)
    terms = vocabulary_terms(facet, language_code)
    values = set()
    for slug in slugs:
        values.add(slug)
        values.update(ancestors_of(terms, slug))
    return values


def _term_pairs(page, relation):
    """``[(slug, name), ...]`` of a vocabulary relation, or None without one."""
    terms = related_objects(page, relation)
    return None if terms is None else [(term.slug, term.name) for term in terms]


def build_document(page, restricted_paths=None):
    """The document for ``page`` (a specific page), or None if it is not searchable.
    ``restricted_paths``: see ``is_visible`` (for batches)."""
    document_type = document_type_for(page)
    if document_type is None:
        return None
    url = _visible_url(page, restricted_paths)
    if url is None:
        return None
    language_code = page.locale.language_code
    date = document_type.get_date(page) if document_type.get_date else _published_date(page)
    if document_type.get_years is not None:
        years = document_type.get_years(page)
    else:
        years = [date.year] if date else []

    facets = {"type": {document_type.key}}
    if years:
        facets["year"] = {str(year) for year in years}
    named_terms = []
    for facet_key, relation in (("domain", "domains"), ("territory", "territories"), ("audience", "audiences")):
        terms = _term_pairs(page, relation)
        if terms:
            facets[facet_key] = _slugs_with_ancestors(facet_key, [slug for slug, _name in terms], language_code)
        if terms and relation != "audiences":
            named_terms += [name for _slug, name in terms]
    organisation_type = getattr(page, "organisation_type", None)
    if organisation_type is not None:
        facets["organisation_type"] = {organisation_type.slug}
    # Sorted: the same text (and fingerprint) whichever query read the tags.
    tag_labels = dict(sorted((_term_pairs(page, "tags") or []), key=lambda pair: (pair[1], pair[0])))
    if tag_labels:
        facets["tag"] = set(tag_labels)
    event_last = document_type.get_event_last(page) if document_type.get_event_last else None
    if event_last is not None:
        facets["when"] = {"event"}

    summary_field = document_type.summary_field
    summary = field_text(page, summary_field) if summary_field and hasattr(page, summary_field) else ""
    parts = [field_text(page, name) for name in document_type.text_fields if hasattr(page, name)]
    parts += named_terms
    parts += list(tag_labels.values())
    return CatalogueDocument(
        page_id=page.pk,
        locale_id=page.locale_id,
        language_code=language_code,
        type=document_type.key,
        title=page.title,
        url=url,
        summary=summary,
        text=" ".join(part for part in parts if part),
        date=date,
        event_last=event_last,
        facets=facets,
        tag_labels=tag_labels,
        path=page.path,
    )
