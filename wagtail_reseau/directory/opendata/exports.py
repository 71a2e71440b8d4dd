"""The open-data exports by name: what the endpoints and the command serve."""

from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import hsds, services, structures
from .renderers import to_csv, to_json


@dataclass(frozen=True)
class Export:
    name: str
    label: str
    content_type: str
    extension: str

    def render(self, locale=None):
        kind, fmt = self.name.rsplit("-", 1)
        rows = PRODUCERS[kind](locale)
        if fmt == "csv":
            return to_csv(rows, FIELDS[kind])
        return to_json(rows)


PRODUCERS = {
    "structures": structures.structures,
    "services": services.services,
    "hsds-organizations": hsds.organizations,
}
FIELDS = {"structures": structures.STRUCTURE_FIELDS, "services": services.SERVICE_FIELDS}
JSON, CSV = "application/json; charset=utf-8", "text/csv; charset=utf-8"
SERVICES = _("Forums, training sessions and mentoring offers as data·inclusion services")

EXPORTS = {
    export.name: export
    for export in (
        Export("structures-json", _("Organisations as data·inclusion structures (JSON)"), JSON, "json"),
        Export("structures-csv", _("Organisations as data·inclusion structures (CSV)"), CSV, "csv"),
        Export("services-json", format_lazy("{} (JSON)", SERVICES), JSON, "json"),
        Export("services-csv", format_lazy("{} (CSV)", SERVICES), CSV, "csv"),
        Export("hsds-organizations-json", _("Organisations as Open Referral HSDS organizations (JSON)"), JSON, "json"),
    )
}  # fmt: skip
