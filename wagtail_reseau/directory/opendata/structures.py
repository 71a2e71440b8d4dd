"""The directory as data·inclusion *structures* (schema v1): one dict per
live, public organisation, with exactly the schema's fields."""

import re

from ..models import OrganisationPage, Weekday
from .common import exported, page_url, plain, source_id

STRUCTURE_FIELDS = (
    "source",
    "id",
    "nom",
    "date_maj",
    "description",
    "lien_source",
    "siret",
    "commune",
    "code_postal",
    "code_insee",
    "adresse",
    "complement_adresse",
    "longitude",
    "latitude",
    "telephone",
    "courriel",
    "site_web",
    "horaires_accueil",
    "accessibilite_lieu",
    "reseaux_porteurs",
)
OSM_DAYS = {Weekday.MONDAY: "Mo", Weekday.TUESDAY: "Tu", Weekday.WEDNESDAY: "We", Weekday.THURSDAY: "Th",
            Weekday.FRIDAY: "Fr", Weekday.SATURDAY: "Sa", Weekday.SUNDAY: "Su"}  # fmt: skip


def organisations(locale=None):
    return (
        exported(OrganisationPage.objects.all(), locale)
        .select_related("locale")
        .prefetch_related("opening_hours")
        .order_by("path")
    )


def structure_id(page, source=None):
    return f"{source or source_id()}--{page.pk}"


def opening_hours(page):
    """The page's opening hours in OpenStreetMap's opening_hours syntax
    ("Mo 09:00-12:00,14:00-18:00; Tu 09:00-12:00"), or None."""
    by_day = {}
    for slot in sorted(page.opening_hours.all(), key=lambda s: (s.weekday, s.opens)):
        by_day.setdefault(slot.weekday, []).append(f"{slot.opens:%H:%M}-{slot.closes:%H:%M}")
    return "; ".join(f"{OSM_DAYS[day]} {','.join(slots)}" for day, slots in by_day.items()) or None


def code(value, length):
    value = re.sub(r"\s+", "", value or "")
    return value if len(value) == length else None


def name(title):
    title = title.strip()
    while title.endswith(".") and not title.endswith("etc."):
        title = title[:-1].rstrip()
    return title[:150]


def structure(page, source=None):
    description = plain(page.description, 10000) or plain(page.summary)
    date = page.last_published_at or page.first_published_at or page.latest_revision_created_at
    return {
        "source": source or source_id(),
        "id": structure_id(page, source),
        "nom": name(page.title),
        "date_maj": date.date().isoformat() if date else None,
        "description": description if len(description) >= 5 else None,
        "lien_source": page_url(page) or None,
        "siret": code(page.siret, 14),
        "commune": page.commune or None,
        "code_postal": code(page.postcode, 5),
        "code_insee": code(page.insee_code, 5),
        "adresse": page.street_address or None,
        "complement_adresse": None,
        "longitude": float(page.longitude) if page.longitude is not None else None,
        "latitude": float(page.latitude) if page.latitude is not None else None,
        "telephone": page.phone or None,
        "courriel": page.email or None,
        "site_web": page.website or None,
        "horaires_accueil": opening_hours(page),
        "accessibilite_lieu": None,
        "reseaux_porteurs": None,
    }


def structures(locale=None):
    source = source_id()
    return [structure(page, source) for page in organisations(locale)]
