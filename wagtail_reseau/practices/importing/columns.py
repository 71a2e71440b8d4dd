"""The columns a practice spreadsheet may have, and the other names (French
headers) they are recognised by."""

from ...core.importing.lookups import canonical_headers as _canonical
from ...taxonomy.models import Audience, DomainOfAction, Territory

# Copied onto the page as they are (through import-export's widgets).
SIMPLE_FIELDS = ("title", "summary", "external_id", "other_partners", "contact_name", "contact_email")
# Plain text made rich text: one paragraph per block of lines.
RICH_FIELDS = ("what", "who", "why", "how", "results", "transferability", "lessons_learned")
# A choice by its value or label (French or English); the ratings by 1 to 4 or "3 of 4".
CHOICE_FIELDS = ("maturity", "licence", "public_reach", "recurrence")
# A date: 2024-03-31, 31/03/2024 or a spreadsheet's date cell.
DATE_FIELDS = ("start_date",)
# Vocabulary terms by slug or name (a territory by its INSEE/COG code too), several per cell.
TERM_FIELDS = ("domains", "audiences", "territories")
# An organisation of the directory by SIRET, external identifier or name.
LEAD_FIELD = "lead_organisation"
# Organisations of the directory (as the lead), several per cell.
PARTNERS_FIELD = "partner_organisations"
# Tag names, several per cell.
TAGS_FIELD = "tags"
COLUMNS = (
    SIMPLE_FIELDS + RICH_FIELDS + CHOICE_FIELDS + DATE_FIELDS + TERM_FIELDS + (LEAD_FIELD, PARTNERS_FIELD, TAGS_FIELD)
)

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
    "structures partenaires": "partner_organisations",
    "partenaires du reseau": "partner_organisations",
    "organisations partenaires": "partner_organisations",
    "mots cles": "tags",
    "mot cle": "tags",
    "etiquettes": "tags",
    "tag": "tags",
    "resultats": "results",
    "resultats et effets constates": "results",
    "results and evidence": "results",
    "transferabilite": "transferability",
    "enseignements": "lessons_learned",
    "enseignements tires": "lessons_learned",
    "lecons tirees": "lessons_learned",
    "public touche": "public_reach",
    "portee": "public_reach",
    "frequence": "recurrence",
    "date de debut": "start_date",
    "debut": "start_date",
    "demarree le": "start_date",
    "started on": "start_date",
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
