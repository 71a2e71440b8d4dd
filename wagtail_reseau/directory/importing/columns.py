"""The columns an organisation spreadsheet may have, and the other names they
are recognised by (French headers of a federation's own files, data·inclusion's
field names)."""

from ...core.importing.lookups import canonical_headers as _canonical

# Copied onto the page as they are (through import-export's widgets).
SIMPLE_FIELDS = (
    "title",
    "siret",
    "external_id",
    "summary",
    "street_address",
    "postcode",
    "commune",
    "insee_code",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "opening_hours_note",
    "accessibility_notes",
)
# Looked up: a type by name, slug or code; a level by value or label; a parent
# federation by external identifier, SIRET or name.
RELATION_FIELDS = ("organisation_type", "network_level", "parent_organisation")
COLUMNS = SIMPLE_FIELDS + RELATION_FIELDS
# Values that are codes, not numbers: a spreadsheet may have turned "01053" into 1053.
CODE_WIDTHS = {"postcode": 5, "insee_code": 5, "siret": 14}

ALIASES = {
    "nom": "title",
    "name": "title",
    "titre": "title",
    "raison sociale": "title",
    "identifiant": "external_id",
    "identifiant externe": "external_id",
    "id": "external_id",
    "external id": "external_id",
    "resume": "summary",
    "presentation": "summary",
    "adresse": "street_address",
    "address": "street_address",
    "code postal": "postcode",
    "code_postal": "postcode",
    "cp": "postcode",
    "ville": "commune",
    "code insee": "insee_code",
    "code_insee": "insee_code",
    "code commune": "insee_code",
    "telephone": "phone",
    "tel": "phone",
    "courriel": "email",
    "e mail": "email",
    "mail": "email",
    "site web": "website",
    "site_web": "website",
    "site internet": "website",
    "horaires": "opening_hours_note",
    "accessibilite": "accessibility_notes",
    "type": "organisation_type",
    "type de structure": "organisation_type",
    "typologie": "organisation_type",
    "niveau": "network_level",
    "niveau dans le reseau": "network_level",
    "level": "network_level",
    "federation": "parent_organisation",
    "federation parente": "parent_organisation",
    "structure parente": "parent_organisation",
    "parent": "parent_organisation",
}


def canonical_headers(headers):
    """Each header as the field name it stands for (unknown headers unchanged)."""
    return _canonical(headers, COLUMNS, ALIASES)
