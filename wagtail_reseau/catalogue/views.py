"""Serving a catalogue page as HTML (complete without JavaScript), as JSON, and
the search box's title suggestions (``?format=autocomplete``)."""

import logging

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .engines import get_engine
from .engines.base import EngineUnavailable
from .query import CatalogueScope, clean_text, parse_query, sorts_for
from .renderers.geojson import geojson_response, max_features
from .results import build_result

logger = logging.getLogger(__name__)

AUTOCOMPLETE_LIMIT = 8


def scope_for(page):
    return CatalogueScope(
        language_code=page.locale.language_code,
        locale_id=page.locale_id,
        content_types=tuple(page.get_content_types()),
        facet_keys=tuple(page.get_facet_keys()),
        page_size=page.results_per_page,
        facet_values_shown=page.facet_values_shown,
        root_path=page.get_root_path(),
    )


def fallback_notice():
    return _("Search is running in a reduced mode for a moment: results may be less precise than usual.")


def _answer(method, *args):
    """Calls ``method`` on the configured engine; if that engine cannot answer,
    on the database engine (always kept current). Returns (answer, notice)."""
    engine = get_engine()
    try:
        answer = getattr(engine, method)(*args)
    except EngineUnavailable as error:
        if engine.name == "database":
            raise
        logger.warning("The %s catalogue engine is unavailable (%s): answering from the database.", engine.name, error)
        return getattr(get_engine("database"), method)(*args), fallback_notice()
    return answer, ""


def search(page, querydict):
    return search_in(scope_for(page), querydict)


def search_in(scope, querydict):
    """The ``CatalogueResult`` of ``querydict`` in ``scope`` (a catalogue page's,
    or another page's that searches through the catalogue: the directory)."""
    query = parse_query(querydict, scope)
    raw, notice = _answer("search", query, scope)
    return build_result(query, scope, raw, notice=notice)


def locate(scope, querydict):
    """Every located document matching ``querydict`` in ``scope`` (not one page of
    them), up to ``MAP_MAX_FEATURES``: a ``RawLocations`` for the map."""
    query = parse_query(querydict, scope)
    raw, _notice = _answer("locations", query, scope, max_features())
    return raw


def autocomplete(page, querydict):
    return autocomplete_in(scope_for(page), querydict)


def autocomplete_in(scope, querydict):
    values = querydict.getlist("q")
    text, _problem = clean_text(values[0] if values else "")  # the first, as the search reads it
    completions, _notice = _answer("autocomplete", text, scope, AUTOCOMPLETE_LIMIT) if text else ([], "")
    return {
        "query": text,
        "results": [
            {"title": completion.title, "url": completion.url, "type": completion.type}
            for completion in completions
        ],
    }


def serve_catalogue(page, request):
    format_ = request.GET.get("format")
    if format_ == "autocomplete":
        response = JsonResponse(autocomplete(page, request.GET), json_dumps_params={"ensure_ascii": False})
        response["X-Robots-Tag"] = "noindex"
        return response
    if format_ == "geojson":
        return geojson_response(locate(scope_for(page), request.GET))
    result = search(page, request.GET)
    if format_ == "json":
        response = JsonResponse(result.as_dict(), json_dumps_params={"ensure_ascii": False})
        response["X-Robots-Tag"] = "noindex"
        return response
    context = page.get_context(request)
    context.update(catalogue_context(page, request, result))
    return TemplateResponse(request, page.get_template(request), context)


def catalogue_context(page, request, result=None):
    """What the catalogue's template needs besides the page: the result of the
    request's search (run here unless given), its query and the sort orders."""
    result = result if result is not None else search(page, request.GET)
    return {"result": result, "query": result.query, "sorts": sorts_for(result.scope)}
