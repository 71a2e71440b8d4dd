"""Serving a catalogue page as HTML (complete without JavaScript) or JSON."""

import logging

from django.http import JsonResponse
from django.template.response import TemplateResponse

from .engines import get_engine
from .query import SORTS, CatalogueScope, parse_query
from .results import build_result

logger = logging.getLogger(__name__)


def scope_for(page):
    return CatalogueScope(
        language_code=page.locale.language_code,
        locale_id=page.locale_id,
        content_types=tuple(page.get_content_types()),
        facet_keys=tuple(page.get_facet_keys()),
        page_size=page.results_per_page,
        facet_values_shown=page.facet_values_shown,
    )


def search(page, querydict):
    scope = scope_for(page)
    query = parse_query(querydict, scope)
    raw = get_engine().search(query, scope)
    return build_result(query, scope, raw)


def serve_catalogue(page, request):
    result = search(page, request.GET)
    if request.GET.get("format") == "json":
        response = JsonResponse(result.as_dict(), json_dumps_params={"ensure_ascii": False})
        response["X-Robots-Tag"] = "noindex"
        return response
    context = page.get_context(request)
    context.update({"result": result, "query": result.query, "sorts": SORTS})
    return TemplateResponse(request, page.get_template(request), context)
