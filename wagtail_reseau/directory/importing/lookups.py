"""What a spreadsheet row refers to, read once per import into memory: existing
organisations (by SIRET, external identifier, name), organisation types and
communes. A row then costs no query, so 10,000 rows import in seconds."""

from collections import defaultdict

from ...core.importing.lookups import ChoiceLookup, digits, fold
from ...taxonomy.models import OrganisationType, Territory
from ..models import NetworkLevel, OrganisationPage

__all__ = ["CommuneLookup", "LevelLookup", "OrganisationLookup", "TypeLookup", "digits", "fold", "geography_fields"]


class OrganisationLookup:
    """Existing organisations of one language, by SIRET, external id and folded name."""

    def __init__(self, locale):
        self.by_siret = defaultdict(list)
        self.by_external_id = defaultdict(list)
        self.by_name = defaultdict(list)
        rows = OrganisationPage.objects.filter(locale=locale).values_list("pk", "siret", "external_id", "title")
        for pk, siret, external_id, title in rows:
            if siret:
                self.by_siret[digits(siret)].append(pk)
            if external_id:
                self.by_external_id[external_id.strip()].append(pk)
            self.by_name[fold(title)].append(pk)


class TypeLookup:
    """Organisation types of one language by slug, data·inclusion code and folded name."""

    def __init__(self, locale):
        self.keys = {}
        for pk, slug, code, name in OrganisationType.objects.filter(locale=locale).values_list(
            "pk", "slug", "code", "name"
        ):
            for key in (slug, code, name):
                if key:
                    self.keys.setdefault(fold(key), pk)

    def find(self, value):
        return self.keys.get(fold(value))


class LevelLookup(ChoiceLookup):
    """Network levels by value or label, in any of the site's languages."""

    def __init__(self):
        super().__init__(NetworkLevel.choices)


def geography_fields():
    """Which of the official-geography fields the Territory model has."""
    names = {field.name for field in Territory._meta.get_fields()}
    return {name for name in ("postcodes", "is_active", "replaced_by") if name in names}


class CommuneLookup:
    """Communes (territories of kind "commune") of one language, by INSEE code and
    by postcode + folded name. Empty when the official geography is not loaded."""

    def __init__(self, locale):
        fields = geography_fields()
        columns = ["pk", "code", "name"]
        columns += [name for name in ("postcodes", "is_active", "replaced_by_id") if name.split("_id")[0] in fields]
        self.by_code = {}
        self.by_postcode_name = {}
        self.names = {}
        self.replacement = {}
        self.has_postcodes = "postcodes" in fields
        queryset = Territory.objects.filter(locale=locale, kind=Territory.Kind.COMMUNE)
        for values in queryset.values_list(*columns):
            row = dict(zip(columns, values, strict=True))
            self.names[row["pk"]] = row["name"]
            if row.get("is_active") is False and row.get("replaced_by_id"):
                self.replacement[row["pk"]] = row["replaced_by_id"]
            if row["code"]:
                self.by_code.setdefault(row["code"], row["pk"])
            for postcode in (row.get("postcodes") or "").split():
                self.by_postcode_name.setdefault((postcode, fold(row["name"])), row["pk"])
        self.codes = {pk: code for code, pk in self.by_code.items()}

    @property
    def loaded(self):
        return bool(self.by_code)

    def current(self, pk):
        """The commune itself, or the one that replaced it (a merged commune)."""
        seen = set()
        while pk in self.replacement and pk not in seen:
            seen.add(pk)
            pk = self.replacement[pk]
        return pk

    def by_insee(self, code):
        pk = self.by_code.get(code)
        return None if pk is None else self.current(pk)

    def by_postcode(self, postcode, name):
        pk = self.by_postcode_name.get((postcode, fold(name)))
        return None if pk is None else self.current(pk)
