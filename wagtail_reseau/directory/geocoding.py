"""The geocoding hook: a host plugs a callable ``geocode(address) -> (latitude,
longitude) | None`` by naming it in ``WAGTAIL_RESEAU_GEOCODER`` (none by
default: editors place the point on the map or type the numbers). The
organisation editor's "Find this address" button calls it through
``geocode_view``, an admin URL."""

import logging

from django.http import JsonResponse
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from ..conf import reseau_settings

logger = logging.getLogger(__name__)

MAX_ADDRESS_LENGTH = 300


def get_geocoder():
    """The configured callable, or None."""
    path = reseau_settings.GEOCODER
    if not path:
        return None
    return import_string(path) if isinstance(path, str) else path


def geocode(address):
    """``(latitude, longitude)`` of ``address`` by the host's geocoder, or None
    (no geocoder, nothing found, a failure or coordinates out of bounds)."""
    geocoder = get_geocoder()
    address = " ".join((address or "").split())[:MAX_ADDRESS_LENGTH]
    if geocoder is None or not address:
        return None
    try:
        found = geocoder(address)
    except Exception:  # a host's geocoder (a web service, say) must not break the editor
        logger.warning("The geocoder failed on %r.", address, exc_info=True)
        return None
    if not found:
        return None
    try:
        latitude, longitude = (round(float(value), 6) for value in found)
    except (TypeError, ValueError):
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return latitude, longitude


def geocode_view(request):
    """``GET ?address=...`` -> ``{"latitude": ..., "longitude": ...}``, or a 404
    with a message in the editor's language."""
    if get_geocoder() is None:
        return JsonResponse({"error": _("No geocoding service is configured.")}, status=404)
    found = geocode(request.GET.get("address", ""))
    if found is None:
        return JsonResponse({"error": _("This address was not found. Place the point on the map instead.")}, status=404)
    return JsonResponse({"latitude": found[0], "longitude": found[1]})
