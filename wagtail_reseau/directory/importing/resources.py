"""The import-export resource of organisations: one spreadsheet row -> one
organisation page, matched to an existing one by SIRET or external identifier.

Rows are only checked here; nothing is written until every row is valid
(``writer.write_pages`` then writes them all at once, in the import's one
transaction; ``core/importing/resources.py``). A file with one refused row
changes nothing."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ...core.importing.resources import PageRowResource, RowNote
from ..models import OrganisationPage
from .columns import CODE_WIDTHS, SIMPLE_FIELDS
from .lookups import CommuneLookup, LevelLookup, OrganisationLookup, TypeLookup, digits, fold


@dataclass
class PendingPage:
    """A checked row waiting to be written."""

    row_number: int
    instance: OrganisationPage
    new: bool
    parent_ref: tuple | None = None  # ("page", pk) or ("row", row_number)
    territory_ids: list = field(default_factory=list)


def clean_code(value, width):
    """A code a spreadsheet may have stored as a number (1053.0 -> "01053")."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value).zfill(width)
    return digits(value)


class OrganisationResource(PageRowResource):
    class Meta:
        model = OrganisationPage
        fields = SIMPLE_FIELDS
        import_order = SIMPLE_FIELDS

    # -- before the rows ------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        self.organisations = OrganisationLookup(self.locale)
        self.types = TypeLookup(self.locale)
        self.levels = LevelLookup()
        self.communes = CommuneLookup(self.locale)
        self.plan_matches(dataset)

    def plan_matches(self, dataset):
        """Finds, for every row, the page it updates (or why it cannot), and which
        row of the file each SIRET, identifier and name belongs to (parents may be
        created by the same file)."""
        headers = dataset.headers
        self.matches = {}
        self.file_keys = {"siret": {}, "external_id": {}, "name": {}}
        matched_pks = set()
        for number, values in enumerate(dataset, 1):
            row = dict(zip(headers, values, strict=False))
            siret = clean_code(row.get("siret"), 14) if row.get("siret") not in (None, "") else ""
            external_id = str(row.get("external_id") or "").strip()
            self.matches[number] = match = self.match(siret, external_id, number)
            if match[0] == "page":
                matched_pks.add(match[1])
            for kind, key in (("siret", siret), ("external_id", external_id), ("name", fold(row.get("title")))):
                if key:
                    self.file_keys[kind].setdefault(key, []).append(number)
        self.existing = OrganisationPage.objects.in_bulk(matched_pks)

    def match(self, siret, external_id, number):
        """("page", pk, how), ("new",) or ("refused", message)."""
        found = {}
        if siret:
            pks = self.organisations.by_siret.get(siret, [])
            if len(pks) > 1:
                return ("refused", _("Several organisations already have the SIRET %(siret)s.") % {"siret": siret})
            if pks:
                found["siret"] = pks[0]
        if external_id:
            pks = self.organisations.by_external_id.get(external_id, [])
            if len(pks) > 1:
                return (
                    "refused",
                    _("Several organisations already have the external identifier “%(id)s”.") % {"id": external_id},
                )
            if pks:
                found["external_id"] = pks[0]
        if len(set(found.values())) > 1:
            return (
                "refused",
                _("The SIRET and the external identifier designate two different organisations."),
            )
        if found:
            how = "siret" if "siret" in found else "external_id"
            return ("page", found[how], how)
        return ("new",)

    # -- each row -------------------------------------------------------------

    def before_import_row(self, row, **kwargs):
        for name, width in CODE_WIDTHS.items():
            if name in row and row[name] not in (None, ""):
                row[name] = clean_code(row[name], width)
        for name in ("latitude", "longitude"):
            if isinstance(row.get(name), str):
                row[name] = row[name].strip().replace(",", ".") or None
        for name, value in list(row.items()):
            if value is None:
                row[name] = ""
            elif isinstance(value, str):
                row[name] = value.strip()

    def get_or_init_instance(self, instance_loader, row):
        number = self.current_row_number
        match = self.matches[number]
        if match[0] == "refused":
            raise ValidationError({"__all__": [match[1]]})
        for kind, key in (("siret", row.get("siret")), ("external_id", row.get("external_id"))):
            numbers = self.file_keys[kind].get(key or "", [])
            if len(numbers) > 1 and numbers[0] != number:
                raise ValidationError({kind: [_("Row %(row)s of this file has the same value.") % {"row": numbers[0]}]})
        if match[0] == "page":
            page = self.existing[match[1]]
            if page.has_unpublished_changes and page.latest_revision_id:
                page = page.get_latest_revision_as_object()
                page._from_revision = True  # its relations come with it
            self.notes[number] = RowNote(matched_by=match[2], page_id=page.pk)
            return page, False
        self.notes[number] = RowNote()
        return OrganisationPage(locale=self.locale), True

    def check_row(self, instance, row, errors):
        pending = PendingPage(self.current_row_number, instance, instance.pk is None)
        self.resolve_type(instance, row, errors)
        self.resolve_level(instance, row, errors)
        self.resolve_parent(pending, row, errors)
        self.resolve_commune(pending, row, errors)
        self.check_instance(instance, row, errors)
        return pending

    def resolve_type(self, instance, row, errors):
        if "organisation_type" not in row:
            return
        value = row["organisation_type"]
        if not value:
            instance.organisation_type = None
            return
        pk = self.types.find(value)
        if pk is None:
            errors["organisation_type"] = [_("No organisation type is called “%(value)s”.") % {"value": value}]
        else:
            instance.organisation_type_id = pk

    def resolve_level(self, instance, row, errors):
        value = row.get("network_level")
        if not value:
            return
        level = self.levels.find(value)
        if level is None:
            errors["network_level"] = [_("“%(value)s” is not a level of the network.") % {"value": value}]
        else:
            instance.network_level = level

    def resolve_parent(self, pending, row, errors):
        if "parent_organisation" not in row:
            return
        value = str(row["parent_organisation"])
        if not value:
            pending.instance.parent_organisation = None
            pending.parent_ref = ("none",)
            return
        candidates = set()
        for kind, key in (("external_id", value), ("siret", digits(value)), ("name", fold(value))):
            found = {("page", pk) for pk in getattr(self.organisations, f"by_{kind}").get(key, [])}
            found |= {("row", number) for number in self.file_keys[kind].get(key, [])}
            # A row that updates an existing page is that page, not a second candidate.
            found = {self.as_page_ref(ref) for ref in found}
            if found:
                candidates = found
                break
        if not candidates:
            errors["parent_organisation"] = [_("No organisation “%(value)s” was found.") % {"value": value}]
        elif len(candidates) > 1:
            errors["parent_organisation"] = [
                _("Several organisations are called “%(value)s”: give its SIRET or external identifier.")
                % {"value": value}
            ]
        else:
            ref = candidates.pop()
            own = ("row", pending.row_number) if pending.new else ("page", pending.instance.pk)
            if ref == own:
                errors["parent_organisation"] = [_("An organisation cannot belong to itself.")]
            else:
                pending.parent_ref = ref

    def as_page_ref(self, ref):
        if ref[0] == "row" and self.matches.get(ref[1], ("",))[0] == "page":
            return ("page", self.matches[ref[1]][1])
        return ref

    def resolve_commune(self, pending, row, errors):
        instance = pending.instance
        if not self.communes.loaded or not ({"insee_code", "postcode"} & set(row)):
            return
        if instance.insee_code:
            pk = self.communes.by_insee(instance.insee_code)
            if pk is None:
                errors["insee_code"] = [_("No commune has the INSEE code %(code)s.") % {"code": instance.insee_code}]
                return
        elif instance.postcode and instance.commune:
            pk = self.communes.by_postcode(instance.postcode, instance.commune)
            if pk is None:
                errors["commune"] = [
                    _("No commune called “%(name)s” has the postcode %(postcode)s.")
                    % {"name": instance.commune, "postcode": instance.postcode}
                ]
                return
        else:
            return
        instance.insee_code = self.communes.codes.get(pk, instance.insee_code)
        if not instance.commune:
            instance.commune = self.communes.names[pk]
        pending.territory_ids.append(pk)

    def check_instance(self, instance, row, errors):
        """The model's field validators (SIRET, INSEE code, e-mail, web address,
        coordinates, lengths) of the columns given, without Page.clean, which
        needs a tree position."""
        checked = (set(SIMPLE_FIELDS) & set(row)) | {"title", "network_level"}
        exclude = [f.name for f in OrganisationPage._meta.fields if f.name not in checked or f.name in errors]
        try:
            instance.clean_fields(exclude=exclude)
        except ValidationError as error:
            error.update_error_dict(errors)
        if (instance.latitude is None) != (instance.longitude is None) and "longitude" not in errors:
            errors["longitude"] = [_("Give both the latitude and the longitude, or neither.")]

    def save_instance(self, instance, is_create, row, **kwargs):
        super().save_instance(instance, is_create, row, **kwargs)
        note = self.notes[self.current_row_number]
        if note.page_id is None and instance.pk:
            note.page_id = instance.pk

    # -- after the rows -------------------------------------------------------

    def write(self, pending):
        from .writer import write_pages

        write_pages(self, pending, progress=self.progress, index_after_commit=self.index_after_commit)
