"""``GET <prefix>/<vocabulary>/?q=tou&locale=fr``: the chooser's JSON answer,
``{"results": [{"id", "slug", "name", "code", "kind", "label", "path",
"path_label"}...]}``. Vocabulary terms are public data; nothing a visitor types
gives a 5xx (an unknown vocabulary is a 404 in JSON, a bad limit the default)."""

from django.http import JsonResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .search import DEFAULT_RESULTS, MAX_RESULTS, describe, locale_for, search_terms, vocabulary_model

CACHE_SECONDS = 300


@require_GET
def term_search_view(request, vocabulary):
    model = vocabulary_model(vocabulary)
    if model is None:
        return JsonResponse({"error": _("Unknown vocabulary.")}, status=404)
    try:
        limit = min(max(int(request.GET.get("limit", DEFAULT_RESULTS)), 1), MAX_RESULTS)
    except (TypeError, ValueError):
        limit = DEFAULT_RESULTS
    text = request.GET.get("q", "")
    locale = locale_for(request.GET.get("locale") or get_language())
    terms = search_terms(model, text.replace("\x00", ""), locale, limit=limit)
    response = JsonResponse({"results": [describe(term) for term in terms]})
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response
