"""Public endpoints of the open-data exports (docs/opendata.md): an index that
names each dataset and its licence, and one URL per dataset."""

from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from ...core.public_version import cache_public_response
from .common import licence, source_id
from .exports import EXPORTS

#: How long an export stays cached; publishing, unpublishing, deleting, moving or
#: restricting a page drops it at once (core/public_version.py).
CACHE_SECONDS = 300


def licence_headers(response):
    identifier, url = licence()
    if url:
        response["Link"] = f'<{url}>; rel="license"'
    response["X-Licence"] = identifier
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def index(request):
    identifier, url = licence()
    datasets = [
        {
            "name": export.name,
            "title": str(export.label),
            "url": request.build_absolute_uri(reverse("wagtail_reseau_opendata:export", args=[export.name])),
            "format": export.extension,
        }
        for export in EXPORTS.values()
    ]
    response = JsonResponse(
        {"source": source_id(), "licence": identifier, "licence_url": url, "datasets": datasets},
        json_dumps_params={"ensure_ascii": False},
    )
    return licence_headers(response)


@require_GET
@cache_public_response(CACHE_SECONDS)
def export(request, name):
    export = EXPORTS.get(name)
    if export is None:
        raise Http404
    response = HttpResponse(export.render(), content_type=export.content_type)
    if export.extension == "csv":
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return licence_headers(response)
