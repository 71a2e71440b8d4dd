"""A quality score per structure, after data·inclusion's ``score_qualite``.

The official package scores *services* only (``score_qualite.score(Service)``);
for structures it has no scoring, so this one is computed from the schema's own
fields, with the same conventions: each criterion scores 0 to 1, the score is
their mean, rounded to two decimals; the date criterion is the package's (1 under
six months, falling linearly to 0 at two years); the description's is its
length bands."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CRITERIA = {
    "description": _("a description of at least 200 characters"),
    "address": _("the street address, postcode and commune"),
    "insee_code": _("the commune's INSEE code"),
    "coordinates": _("the map coordinates"),
    "contact": _("a phone number or an e-mail address"),
    "website": _("a website"),
    "siret": _("the SIRET"),
    "opening_hours": _("opening hours"),
    "recent": _("an update in the last six months"),
}


@dataclass
class Quality:
    score: float
    criteria: dict  # name -> 0..1

    @property
    def missing(self):
        """What to complete, worst first."""
        return [CRITERIA[name] for name, value in sorted(self.criteria.items(), key=lambda i: i[1]) if value < 1]


def description_band(text):
    length = len(text or "")
    if length < 50:
        return 0.0
    if length < 200 or length > 2000:
        return 0.5
    return 1.0


def recent(date, today=None):
    if date is None:
        return 0.0
    today = today or timezone.now().date()
    age = (today - date).days
    six_months, two_years = 182.5, 730.0
    if age <= six_months:
        return 1.0
    if age >= two_years:
        return 0.0
    return (two_years - age) / (two_years - six_months)


def score_structure(row, today=None):
    """The score of one exported data·inclusion structure row."""
    date = row.get("date_maj")
    if isinstance(date, str):
        date = datetime.date.fromisoformat(date)
    criteria = {
        "description": description_band(row.get("description")),
        "address": 1.0 if row.get("adresse") and row.get("code_postal") and row.get("commune") else 0.0,
        "insee_code": 1.0 if row.get("code_insee") else 0.0,
        "coordinates": 1.0 if row.get("latitude") is not None and row.get("longitude") is not None else 0.0,
        "contact": 1.0 if row.get("telephone") or row.get("courriel") else 0.0,
        "website": 1.0 if row.get("site_web") else 0.0,
        "siret": 1.0 if row.get("siret") else 0.0,
        "opening_hours": 1.0 if row.get("horaires_accueil") else 0.0,
        "recent": round(recent(date, today), 2),
    }
    return Quality(round(sum(criteria.values()) / len(criteria), 2), criteria)
