"""Maps on public pages: ``{% reseau_map %}`` draws a catalogue's or the
directory's located results (its GeoJSON, following the filters), or one point
(an organisation). The map is an enhancement: hidden without JavaScript, and
the page's list or address says the same in text."""

from django import template

from ..conf import reseau_settings

register = template.Library()


def map_settings():
    return {
        "tiles_url": reseau_settings.MAP_TILES_URL,
        "attribution": reseau_settings.MAP_TILES_ATTRIBUTION,
        "max_zoom": reseau_settings.MAP_MAX_ZOOM,
    }


@register.inclusion_tag("wagtail_reseau/includes/map.html")
def reseau_map(label, *, geojson_url="", latitude=None, longitude=None, skip_to="", map_id="reseau-map", note=""):
    """``label``: the map's accessible name; ``geojson_url``: the page whose
    ``?format=geojson`` the map draws (with the current filters), or
    ``latitude``/``longitude``: one point; ``skip_to``: the id of what follows
    (the list), for the link that skips the map."""
    point = latitude is not None and longitude is not None
    return {
        **map_settings(),
        "label": label,
        "geojson_url": "" if point else geojson_url,
        "latitude": latitude if point else None,
        "longitude": longitude if point else None,
        "skip_to": skip_to,
        "map_id": map_id,
        "note": note,
    }
