"""The directory as a search: an ``OrganisationIndexPage`` searches through the
catalogue (its query parsing, engines and facets; no second search), over the
organisations placed under it, with the filters a directory needs. Its
``?format=geojson`` is the catalogue's GeoJSON of the same query."""

from django.http import JsonResponse
from django.template.response import TemplateResponse

from ..catalogue.facets import get_facets
from ..catalogue.query import CatalogueScope, sorts_for
from ..catalogue.renderers.geojson import geojson_response
from ..catalogue.views import autocomplete_in, locate, search_in
from ..conf import reseau_settings

#: The catalogue facets a directory offers, in this order when registered.
DIRECTORY_FACETS = ("territory", "organisation_type", "domain", "network_level")
#: The sorts that mean something for organisations.
DIRECTORY_SORTS = ("relevance", "title")


def directory_scope(index_page):
    """The organisations under ``index_page``, in its language."""
    registered = get_facets()
    return CatalogueScope(
        language_code=index_page.locale.language_code,
        locale_id=index_page.locale_id,
        content_types=("organisation",),
        facet_keys=tuple(key for key in DIRECTORY_FACETS if key in registered),
        page_size=reseau_settings.ITEMS_PER_PAGE,
        facet_values_shown=8,
        # Every document under the directory's own tree path (not the site's).
        root_path=index_page.path,
    )


def directory_querydict(request):
    """The request's parameters, titles A to Z unless another sort is asked for
    (a directory read without a search is an alphabetical list)."""
    querydict = request.GET.copy()
    if "sort" not in querydict and not querydict.get("q"):
        querydict["sort"] = "title"
    return querydict


def directory_context(index_page, request):
    scope = directory_scope(index_page)
    result = search_in(scope, directory_querydict(request))
    sorts = {key: label for key, label in sorts_for(scope).items() if key in DIRECTORY_SORTS}
    return {"result": result, "query": result.query, "sorts": sorts}


def serve_directory(index_page, request):
    """HTML (list, filters, map, federation tree); as a catalogue page, JSON
    (``?format=json``), title suggestions (``?format=autocomplete``) and the
    located organisations matching the same filters (``?format=geojson``)."""
    format_ = request.GET.get("format")
    if format_ == "geojson":
        return geojson_response(locate(directory_scope(index_page), request.GET))
    if format_ == "json":
        response = JsonResponse(
            directory_context(index_page, request)["result"].as_dict(), json_dumps_params={"ensure_ascii": False}
        )
        response["X-Robots-Tag"] = "noindex"
        return response
    if format_ == "autocomplete":
        answer = autocomplete_in(directory_scope(index_page), request.GET)
        response = JsonResponse(answer, json_dumps_params={"ensure_ascii": False})
        response["X-Robots-Tag"] = "noindex"
        return response
    context = index_page.get_context(request)
    return TemplateResponse(request, index_page.get_template(request), context)
