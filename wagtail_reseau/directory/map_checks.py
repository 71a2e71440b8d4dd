"""``manage.py check`` of the map settings (docs/map.md): E030 for the tiles and
the GeoJSON cap, E031 for the geocoding hook."""

from django.core.checks import Error, register
from django.utils.module_loading import import_string

from ..conf import PREFIX, reseau_settings


def _positive_int(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


@register()
def check_map_settings(app_configs, **kwargs):
    errors = []
    url = reseau_settings.MAP_TILES_URL
    if not isinstance(url, str) or not all(part in url for part in ("{z}", "{x}", "{y}")):
        errors.append(
            Error(
                f"{PREFIX}MAP_TILES_URL must be a tile URL template with {{z}}, {{x}} and {{y}}, not {url!r}.",
                id="wagtail_reseau.E030",
            )
        )
    if not isinstance(reseau_settings.MAP_TILES_ATTRIBUTION, str):
        errors.append(Error(f"{PREFIX}MAP_TILES_ATTRIBUTION must be a string.", id="wagtail_reseau.E030"))
    for name in ("MAP_MAX_ZOOM", "MAP_MAX_FEATURES"):
        value = getattr(reseau_settings, name)
        if not _positive_int(value):
            errors.append(
                Error(f"{PREFIX}{name} must be a positive whole number, not {value!r}.", id="wagtail_reseau.E030")
            )
    geocoder = reseau_settings.GEOCODER
    if geocoder:
        try:
            target = import_string(geocoder) if isinstance(geocoder, str) else geocoder
        except ImportError as error:
            target = None
            problem = str(error)
        else:
            problem = "" if callable(target) else "not a callable"
        if target is None or problem:
            errors.append(
                Error(
                    f"{PREFIX}GEOCODER must name a callable geocode(address) -> (latitude, longitude) | None: "
                    f"{geocoder!r} ({problem}).",
                    id="wagtail_reseau.E031",
                )
            )
    return errors
