"""Pages become catalogue documents here, and only here: both engines index the
same ``CatalogueDocument``, so they can be held to the same tests.

Each domain declares its page types beside its models (``practices/catalogue.py``
...) with ``register_document_type``; a host registers its own the same way. A
document's values for each facet come from the facets themselves (``facets``).

A document is keyed by its origin and identity (``"local:page:42"``), not by a
page id alone: a training session, or a practice shared by another federation,
can be a document too."""

import datetime
import hashlib
import html
import json
import logging
import re
from dataclasses import dataclass, field, fields

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.utils.encoding import force_str
from wagtail.fields import RichTextField
from wagtail.rich_text import get_text_for_indexing

from .document_types import document_type_for, document_types
from .facets import get_facets, vocabulary_version, vocabulary_version_read
from .relations import PREFETCHED_ATTRIBUTE
from .text import words_and_stems

logger = logging.getLogger(__name__)

#: The fields every engine stores as folded words and stems (``analysed_fields``).
ANALYSED_FIELDS = ("title", "summary", "text")

#: The origin of the documents made from this installation's own pages.
LOCAL_ORIGIN = "local"


def page_key(page_id, origin=LOCAL_ORIGIN):
    """The key of the document of a page: ``"local:page:42"``."""
    return f"{origin}:page:{page_id}"


def page_id_of(key):
    """The page id of a local page's document key, else None."""
    origin, _sep, rest = key.partition(":")
    kind, _sep, identity = rest.partition(":")
    if origin == LOCAL_ORIGIN and kind == "page" and identity.isdigit():
        return int(identity)
    return None


@dataclass
class CatalogueDocument:
    #: Origin and identity, unique in an index: see ``page_key``.
    key: str
    #: The local page it comes from (None for a document of another origin).
    page_id: int | None
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
    #: The years the document belongs to (the year facet's values).
    years: tuple = ()
    #: ``{facet key: set of values}``; hierarchical facets include ancestors.
    facets: dict = field(default_factory=dict)
    #: ``{facet key: {value: label}}`` for facets whose labels come with the
    #: documents (tags).
    facet_labels: dict = field(default_factory=dict)
    #: The page's tree path (``Page.path``): a catalogue may search one site's tree.
    path: str = ""
    origin: str = LOCAL_ORIGIN
    #: ``(latitude, longitude)`` (WGS 84) where the document shows on a map, or None.
    location: tuple | None = None
    #: How many times it was reused elsewhere (``DocumentType.get_reuse_count``).
    reuse_count: int = 0

    def analysed_fields(self):
        """``{field: (folded words, stems)}`` of ``ANALYSED_FIELDS``
        (``text.words_and_stems``): what both engines store, computed once per
        document (a page published goes to both; a rebuild used to fold and stem
        in each engine's writer), again only if a field or the language changed."""
        current = (self.language_code, self.title, self.summary, self.text)
        cached = self.__dict__.get("_analysed")
        if cached is None or cached[0] != current:
            analysed = {name: words_and_stems(getattr(self, name), self.language_code) for name in ANALYSED_FIELDS}
            cached = self.__dict__["_analysed"] = (current, analysed)
        return cached[1]

    def fingerprint(self):
        """A short hash of everything indexed: equal fingerprints, equal documents
        (the drift command compares the index with the pages by it)."""
        # The fields as ``dataclasses.asdict`` gives them, without its deep copies
        # (a rebuild fingerprints every document); their names listed once, and
        # one encoder, as ``json.dumps(data, sort_keys=True, default=str,
        # ensure_ascii=False)`` would make it for each call: the same bytes.
        attributes = self.__dict__
        data = {name: attributes[name] for name in _FIELD_NAMES}
        data["facets"] = {key: sorted(values) for key, values in sorted(self.facets.items())}
        encoded = _FINGERPRINT_ENCODER.encode(data).encode()
        return hashlib.blake2b(encoded, digest_size=12).hexdigest()


#: The names of a document's fields, in their order (``fingerprint``).
_FIELD_NAMES = tuple(item.name for item in fields(CatalogueDocument))
_FINGERPRINT_ENCODER = json.JSONEncoder(sort_keys=True, default=str, ensure_ascii=False)


def plain_text(value):
    """Text with whitespace folded. What an editor typed stays as typed (a literal
    "<b>" in a summary is text); it is escaped when shown. (``str.split()`` cuts
    at the characters ``\\s`` matches, a few times faster than a regular
    expression: the same text.)"""
    if value is None:
        return ""
    return " ".join(str(value).split())


# Wagtail's ``get_text_for_indexing``, in the same steps: a space after the end of
# a block and after a self-closed break, then the tags removed, then the entities.
_BLOCK_END = re.compile(r"(</(p|h\d|li|blockquote)>)", re.IGNORECASE)
_BREAK = re.compile(r"(<(br|hr)\s*/>)", re.IGNORECASE)
#: A whole tag of the rich-text editor's vocabulary, its attributes quoted or not,
#: no "<" or ">" inside. Any other tag (script, style, comments...) is left in
#: place, so the text falls back to Wagtail's parser.
_EDITOR_TAG = re.compile(
    r"</?(?:p|h[1-6]|ul|ol|li|a|b|i|u|s|strong|em|br|hr|embed|img|blockquote|code"
    r"|sup|sub|span|div|mark|small|del|ins|q|cite|abbr)\b"
    r"(?:[^<>\"']|\"[^\"<>]*\"|'[^'<>]*')*>",
    re.IGNORECASE,
)
#: An "&" that does not start a whole entity or character reference (Python's
#: parser would add a ";" to some of them).
_LOOSE_AMPERSAND = re.compile(r"&(?![a-zA-Z][-.a-zA-Z0-9]*;|#[0-9]+;|#[xX][0-9a-fA-F]+;)")


def rich_text_for_indexing(source):
    """``wagtail.rich_text.get_text_for_indexing(source)``, five to six times
    faster on what the rich-text editor stores (37 % of building a document was
    Django's ``strip_tags``, an HTML parser in Python, run at least twice).

    The editor's HTML is well formed: its tags are removed with one regular
    expression, then entities decoded, which gives the parser's text. Whenever the
    source holds anything else (a "<" or ">" left once the tags are removed, an
    "&" that is not a whole reference), Wagtail's own function is used, so the
    result is always Wagtail's (``tests/catalogue/test_rich_text_indexing.py``
    compares them on generated markup)."""
    source = force_str(source)
    if "<" not in source and "&" not in source:
        return source.strip()  # no tag, no entity: what Wagtail's function gives
    spaced = _BREAK.sub(r"\1 ", _BLOCK_END.sub(r"\1 ", source))
    text = _EDITOR_TAG.sub("", spaced)
    if "<" in text or ">" in text or ("&" in text and _LOOSE_AMPERSAND.search(text)):
        return get_text_for_indexing(source)
    return html.unescape(text.strip())


def field_text(page, name):
    """Visible text of a field: Wagtail's own indexing text for rich text and
    StreamFields (markup removed, entities decoded), the value for the others."""
    try:
        model_field = page._meta.get_field(name)
    except Exception:  # a method or property named in search_fields
        value = getattr(page, name, None)
        return plain_text(value() if callable(value) else value)
    value = getattr(page, name)
    # Rich text through the faster equivalent (not a subclass that changes it).
    if getattr(type(model_field), "get_searchable_content", None) is RichTextField.get_searchable_content:
        return plain_text(rich_text_for_indexing(value))
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


def _relations_read(document_type, model):
    """``(foreign keys to select, many-valued relations to prefetch)`` that the
    facets and the document type read on pages of ``model``."""
    fields_by_name = {model_field.name: model_field for model_field in model._meta.get_fields()}
    selected, prefetched = ["locale"], []
    wanted = [name for facet in get_facets().values() for name in facet.relations] + list(document_type.prefetch)
    for name in wanted:
        model_field = fields_by_name.get(name)
        if model_field is None or name in selected or name in prefetched:
            continue
        if model_field.many_to_one or model_field.one_to_one:
            selected.append(name)
        else:
            prefetched.append(name)
    return selected, prefetched


def live_searchable_pages(chunk_size=500):
    """Every live page of a registered type, specific, one model at a time with
    its relations prefetched into plain lists (a handful of queries per chunk, no
    queryset per page and relation)."""
    for document_type in document_types().values():
        model = document_type.get_model()
        selected, prefetched = _relations_read(document_type, model)
        related = [Prefetch(name, to_attr=PREFETCHED_ATTRIBUTE % name) for name in prefetched]
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
    batch, shared = [], None
    for page in live_searchable_pages(chunk_size=batch_size):
        if shared is None:
            shared = _shared_reads()
        root_paths, vocabulary = shared
        # Wagtail keeps the site root paths on the page (``get_url``): given,
        # they are not unpickled from the cache again for every page.
        page._wagtail_cached_site_root_paths = root_paths
        try:
            with vocabulary_version_read(vocabulary):
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
            batch, shared = [], None
    if batch:
        yield batch


def _shared_reads():
    """``(site root paths, vocabulary version)``: what building every document
    reads from the shared cache, read once per batch instead of for each page
    (a term or site changed meanwhile is seen from the next batch on)."""
    from wagtail.models import Site

    return Site.get_site_root_paths(), vocabulary_version()


def restricted_page_paths():
    """Tree paths of the pages with a view restriction (their subtrees are private)."""
    from wagtail.models import PageViewRestriction

    return tuple(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())


def build_document(page, restricted_paths=None):
    """The document for ``page`` (a specific page), or None if it is not searchable.
    ``restricted_paths``: see ``is_visible`` (for batches)."""
    document_type = document_type_for(page)
    if document_type is None:
        return None
    url = _visible_url(page, restricted_paths)
    if url is None:
        return None
    date = document_type.date(page)
    summary_field = document_type.summary_field
    document = CatalogueDocument(
        key=page_key(page.pk),
        page_id=page.pk,
        locale_id=page.locale_id,
        language_code=page.locale.language_code,
        type=document_type.key,
        title=page.title,
        url=url,
        summary=field_text(page, summary_field) if summary_field and hasattr(page, summary_field) else "",
        text="",
        date=date,
        event_last=document_type.get_event_last(page) if document_type.get_event_last else None,
        years=document_type.years(page, date),
        path=page.path,
        location=document_type.location(page),
        reuse_count=document_type.reuse_count(page),
    )
    parts = [field_text(page, name) for name in document_type.text_fields if hasattr(page, name)]
    for facet in get_facets().values():
        values = facet.document_values(page, document)
        if values:
            document.facets[facet.key] = set(values)
        if facet.labels_from_documents:
            labels = facet.document_labels(page, document)
            if labels:
                document.facet_labels[facet.key] = labels
        parts += facet.document_text(page, document)
    document.text = " ".join(part for part in parts if part)
    return document
