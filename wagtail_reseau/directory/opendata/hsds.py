"""The directory as Open Referral HSDS 3.0 organizations, each with its
location, address, phone and identifiers (the API's "full organization"
shape). Identifiers are UUIDs derived from the page's translation key, so they
are stable and the same across exports."""

import uuid

from .common import page_url, plain
from .structures import organisations

NAMESPACE = uuid.UUID("5f2b4a4e-2d0c-4c53-9a57-0e8c0a6f2d1e")


def uid(page, part):
    return str(uuid.uuid5(NAMESPACE, f"{page.translation_key}:{part}"))


def organization(page, parent_keys):
    description = plain(page.summary) or plain(page.description, 10000) or page.title
    location = {
        "id": uid(page, "location"),
        "location_type": "physical",
        "name": page.title,
        "latitude": float(page.latitude) if page.latitude is not None else None,
        "longitude": float(page.longitude) if page.longitude is not None else None,
        "addresses": [],
    }
    if page.street_address or page.commune:
        location["addresses"].append(
            {
                "id": uid(page, "address"),
                "location_id": location["id"],
                "address_1": page.street_address or page.commune,
                "city": page.commune or "",
                "state_province": "",
                "postal_code": page.postcode or "",
                "country": "FR",
                "address_type": "physical",
            }
        )
    parent = parent_keys.get(page.parent_organisation_id)
    return {
        "id": uid(page, "organization"),
        "name": page.title,
        "description": description,
        "email": page.email or None,
        "website": page.website or None,
        "url": page_url(page) or None,
        "parent_organization_id": str(uuid.uuid5(NAMESPACE, f"{parent}:organization")) if parent else None,
        "identifiers": (
            [{"id": uid(page, "siret"), "identifier_scheme": "FR-SIRET", "identifier_type": "SIRET",
              "identifier": page.siret}]  # fmt: skip
            if page.siret
            else []
        ),
        "phones": [{"id": uid(page, "phone"), "number": page.phone}] if page.phone else [],
        "locations": [location] if (location["addresses"] or page.latitude is not None) else [],
    }


def organizations(locale=None):
    pages = list(organisations(locale))
    keys = {page.pk: page.translation_key for page in pages}
    return [organization(page, keys) for page in pages]
