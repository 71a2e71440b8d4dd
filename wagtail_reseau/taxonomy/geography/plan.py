"""From Etalab's lists to the territories wanted in the database: one
:class:`Entry` per region, département and current commune, parents first, and
where each commune that no longer exists went (``successors``)."""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

CODE = re.compile(r"^[0-9][0-9AB][0-9]{0,3}$")
#: Kinds of ``Territory`` this loader manages (others are the federation's own).
REGION, DEPARTMENT, COMMUNE, OTHER = "region", "department", "commune", "other"


@dataclass(frozen=True)
class Entry:
    kind: str
    code: str
    name: str
    #: ``(kind, code)`` of the parent entry; ``None`` for the country.
    parent: tuple | None
    postcodes: str = ""
    #: 1 for a region, 2 a département, 3 a commune (the country is 0).
    level: int = 1

    @property
    def key(self):
        return (self.kind, self.code)


@dataclass
class Plan:
    entries: list = field(default_factory=list)
    #: ``{former commune code: code of the commune that replaces it}``
    successors: dict = field(default_factory=dict)
    #: Département codes whose communes were read (``None``: all of them).
    scope: set | None = None
    warnings: list = field(default_factory=list)

    def by_level(self, level):
        return [entry for entry in self.entries if entry.level == level]


def _text(row, key):
    value = row.get(key)
    return value.strip() if isinstance(value, str) else ""


def make_plan(geography, departements=None):
    """The :class:`Plan` of ``geography``; with ``departements`` (codes), only
    the communes of those départements (every region and département is kept)."""
    plan = Plan(scope=set(departements) if departements else None)
    seen = set()

    def add(entry, row):
        if not CODE.match(entry.code) or not entry.name:
            plan.warnings.append(_("Ignored an entry without a valid code or name: %(row)s") % {"row": row})
            return
        if entry.key in seen:
            return
        seen.add(entry.key)
        plan.entries.append(entry)

    region_keys = {}
    for row in geography.regions:
        code = _text(row, "code")
        # Overseas collectivities (zone "com") are regions and départements at once.
        kind = OTHER if row.get("zone") == "com" else REGION
        region_keys[code] = (kind, code)
        add(Entry(kind, code, _text(row, "nom"), None, level=1), row)

    department_keys = {}
    for row in geography.departements:
        code, region = _text(row, "code"), _text(row, "region")
        if code == region and code in region_keys:
            department_keys[code] = region_keys[code]
            continue
        department_keys[code] = (DEPARTMENT, code)
        add(Entry(DEPARTMENT, code, _text(row, "nom"), region_keys.get(region), level=2), row)

    for row in geography.communes:
        kind, code = row.get("type", "commune-actuelle"), _text(row, "code")
        departement = _text(row, "departement")
        if plan.scope is not None and departement not in plan.scope:
            continue
        if kind == "commune-actuelle":
            parent = department_keys.get(departement) or region_keys.get(_text(row, "region"))
            postcodes = " ".join(sorted({str(p).strip() for p in row.get("codesPostaux") or [] if str(p).strip()}))
            add(Entry(COMMUNE, code, _text(row, "nom"), parent, postcodes, level=3), row)
            for former in row.get("anciensCodes") or []:
                if isinstance(former, str) and former != code:
                    plan.successors[former] = code
        elif kind in ("commune-deleguee", "commune-associee"):
            head = _text(row, "chefLieu")
            if head and head != code:
                plan.successors.setdefault(code, head)
    current = {entry.code for entry in plan.entries if entry.kind == COMMUNE}
    # Only successors that exist (a chain of merges ends at a current commune).
    finals = {former: _final(plan.successors, new, current) for former, new in plan.successors.items()}
    plan.successors = {former: new for former, new in finals.items() if former not in current and new in current}
    return plan


def _final(successors, code, current):
    seen = set()
    while code not in current and code in successors and code not in seen:
        seen.add(code)
        code = successors[code]
    return code
