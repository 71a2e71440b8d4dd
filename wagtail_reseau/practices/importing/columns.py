"""The columns a practice spreadsheet may have, and the other names (French
headers) they are recognised by."""

from ...core.importing.lookups import canonical_headers as _canonical
from ...taxonomy.models import Audience, DomainOfAction, Territory

# Copied onto the page as they are (through import-export's widgets).
SIMPLE_FIELDS = ("title", "summary", "external_id", "other_partners", "contact_name", "contact_email")
# Plain text made rich text: one paragraph per block of lines.
RICH_FIELDS = ("what", "who", "why", "how")
# A choice by its value or label (French or English).
CHOICE_FIELDS = ("maturity", "licence")
# Vocabulary terms by slug or name (a territory by its INSEE/COG code too), several per cell.
TERM_FIELDS = ("domains", "audiences", "territories")
# An organisation of the directory by SIRET, external identifier or name.
LEAD_FIELD = "lead_organisation"
COLUMNS = SIMPLE_FIELDS + RICH_FIELDS + CHOICE_FIELDS + TERM_FIELDS + (LEAD_FIELD,)

ALIASES = {
    "titre": "title",
    "nom": "title",
    "intitule": "title",
    "name": "title",
    "resume": "summary",
    "chapo": "summary",
    "identifiant": "external_id",
    "identifiant externe": "external_id",
    "id": "external_id",
    "external id": "external_id",
    "quoi": "what",
    "qui": "who",
    "pourquoi": "why",
    "comment": "how",
    "domaines": "domains",
    "domaine": "domains",
    "domaines d action": "domains",
    "domain": "domains",
    "publics": "audiences",
    "public": "audiences",
    "audience": "audiences",
    "territoire": "territories",
    "territoires": "territories",
    "territory": "territories",
    "code insee": "territories",
    "structure porteuse": "lead_organisation",
    "porteur": "lead_organisation",
    "structure": "lead_organisation",
    "lead organisation": "lead_organisation",
    "autres partenaires": "other_partners",
    "partenaires": "other_partners",
    "maturite": "maturity",
    "licence": "licence",
    "license": "licence",
    "contact": "contact_name",
    "nom du contact": "contact_name",
    "courriel": "contact_email",
    "courriel du contact": "contact_email",
    "email": "contact_email",
}


def canonical_headers(headers):
    return _canonical(headers, COLUMNS, ALIASES)

# The vocabulary model of each term column.
TERM_MODELS = {"domains": DomainOfAction, "audiences": Audience, "territories": Territory}
