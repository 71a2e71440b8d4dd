"""A catalogue's located documents as RFC 7946 GeoJSON (``?format=geojson``):
a ``FeatureCollection`` of ``Point`` features, coordinates in [longitude,
latitude] order (WGS 84), each with its title, type and link.

Foreign members (allowed by RFC 7946, section 6.1) say how many located
documents match and whether the collection was cut at ``MAP_MAX_FEATURES``."""

import json

from django.http import HttpResponse

from ...conf import reseau_settings
from ..document_types import document_types

CONTENT_TYPE = "application/geo+json"


def in_bounds(latitude, longitude):
    return latitude is not None and longitude is not None and -90 <= latitude <= 90 and -180 <= longitude <= 180


def feature(location, type_labels):
    return {
        "type": "Feature",
        "id": location.key,
        "geometry": {"type": "Point", "coordinates": [location.longitude, location.latitude]},
        "properties": {
            "title": location.title,
            "url": location.url,
            "type": location.type,
            "type_label": str(type_labels.get(location.type, location.type)),
        },
    }


def feature_collection(raw):
    """The ``FeatureCollection`` of a ``RawLocations``, features by title then key."""
    type_labels = {key: document_type.label for key, document_type in document_types().items()}
    located = [item for item in raw.locations if in_bounds(item.latitude, item.longitude)]
    located.sort(key=lambda item: (item.title.casefold(), item.key))
    return {
        "type": "FeatureCollection",
        "features": [feature(item, type_labels) for item in located],
        "numberMatched": raw.total,
        "numberReturned": len(located),
        "truncated": raw.total > len(raw.locations),
    }


def max_features():
    try:
        return max(1, int(reseau_settings.MAP_MAX_FEATURES))
    except (TypeError, ValueError):
        return 5000


def geojson_response(raw):
    body = json.dumps(feature_collection(raw), ensure_ascii=False, separators=(",", ":"))
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["X-Robots-Tag"] = "noindex"
    return response
