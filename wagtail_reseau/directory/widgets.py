"""The admin widget that places an organisation on a map: the longitude field's
number input followed by a small Leaflet map (clicking or dragging the marker
fills the latitude and longitude fields); keyboard users keep the two number
inputs, which move the marker. With a geocoder configured
(``WAGTAIL_RESEAU_GEOCODER``), a button finds the typed address."""

from django import forms
from django.urls import reverse

from ..conf import reseau_settings


class LocationPickerWidget(forms.NumberInput):
    """For the longitude field; ``latitude_field`` names its partner in the form."""

    template_name = "wagtail_reseau/admin/location_picker.html"

    def __init__(self, attrs=None, latitude_field="latitude", address_fields=("street_address", "postcode", "commune")):
        super().__init__(attrs={"step": "0.000001", **(attrs or {})})
        self.latitude_field = latitude_field
        self.address_fields = address_fields

    @property
    def media(self):
        return forms.Media(
            css={"all": ["wagtail_reseau/vendor/leaflet/leaflet.css", "wagtail_reseau/css/location_picker.css"]},
            js=["wagtail_reseau/vendor/leaflet/leaflet.js", "wagtail_reseau/js/location_picker.js"],
        )

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        own_id = context["widget"]["attrs"].get("id") or f"id_{name}"
        prefix = own_id[: -len(name)] if own_id.endswith(name) else "id_"
        from .geocoding import get_geocoder

        context["picker"] = {
            "latitude_id": prefix + self.latitude_field,
            "longitude_id": own_id,
            "address_ids": " ".join(prefix + field for field in self.address_fields),
            "tiles_url": reseau_settings.MAP_TILES_URL,
            "attribution": reseau_settings.MAP_TILES_ATTRIBUTION,
            "max_zoom": reseau_settings.MAP_MAX_ZOOM,
            "geocode_url": reverse("wagtail_reseau_geocode") if get_geocoder() is not None else "",
        }
        return context
