"""The import-export resource of good practices: one spreadsheet row -> one
practice page, matched to an existing one by its external identifier.

Rows are only checked here; nothing is written until every row is valid
(``writer.write_practices`` then writes them all at once, in the import's one
transaction; ``core/importing/resources.py``). A file with one refused row
changes nothing."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from ...core.importing.lookups import ChoiceLookup, TermLookup, digits, fold, parse_date, split_values
from ...core.importing.resources import PageRowResource, RowNote
from ...directory.importing.lookups import OrganisationLookup
from ..models import GoodPracticePage, GoodPracticePageTag, Licence, Maturity, Rating
from .columns import (
    CHOICE_FIELDS,
    DATE_FIELDS,
    LEAD_FIELD,
    PARTNERS_FIELD,
    RICH_FIELDS,
    SIMPLE_FIELDS,
    TAGS_FIELD,
    TERM_FIELDS,
    TERM_MODELS,
)

TERM_KEYS = {"territories": ("slug", "name", "code")}
NOT_FOUND = {
    "domains": _("No domain of action is called “%(value)s”."),
    "audiences": _("No audience is called “%(value)s”."),
    "territories": _("No territory has the code or name “%(value)s”."),
}


def rich_text(text):
    """Plain text as rich text: a paragraph per block of lines, a line break within."""
    blocks = [block.strip() for block in str(text).replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>{}</p>".format("<br/>".join(escape(line) for line in block.split("\n"))) for block in blocks if block
    )


@dataclass
class PendingPractice:
    """A checked row waiting to be written."""

    row_number: int
    instance: GoodPracticePage
    new: bool
    terms: dict = field(default_factory=dict)  # m2m name -> term ids (replaces the page's)
    partners: list | None = None  # organisation ids, in the file's order (None: the page's stay)
    tags: list | None = None  # tag names (None: the page's stay)


class PracticeResource(PageRowResource):
    class Meta:
        model = GoodPracticePage
        fields = SIMPLE_FIELDS
        import_order = SIMPLE_FIELDS

    # -- before the rows ------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        self.terms = {
            name: TermLookup(model, self.locale, TERM_KEYS.get(name, ("slug", "name")))
            for name, model in TERM_MODELS.items()
        }
        self.choices = {
            "maturity": ChoiceLookup(Maturity.choices),
            "licence": ChoiceLookup(Licence.choices),
            "public_reach": ChoiceLookup(Rating.choices),
            "recurrence": ChoiceLookup(Rating.choices),
        }
        self.organisations = OrganisationLookup(self.locale)
        existing = {}
        for pk, external_id in (
            GoodPracticePage.objects.filter(locale=self.locale).exclude(external_id="").values_list("pk", "external_id")
        ):
            existing.setdefault(external_id.strip(), []).append(pk)
        self.by_external_id = existing
        self.file_ids = {}
        for number, values in enumerate(dataset, 1):
            row = dict(zip(dataset.headers, values, strict=False))
            key = str(row.get("external_id") or "").strip()
            if key:
                self.file_ids.setdefault(key, []).append(number)
        matched = {pks[0] for pks in existing.values() if len(pks) == 1}
        # Only practices under the chosen index are updated: the editor's rights were checked there.
        self.existing = GoodPracticePage.objects.descendant_of(self.index).in_bulk(matched)

    # -- each row -------------------------------------------------------------

    def before_import_row(self, row, **kwargs):
        for name, value in list(row.items()):
            if value is None:
                row[name] = ""
            elif isinstance(value, float) and value.is_integer():
                row[name] = str(int(value))
            elif isinstance(value, str):
                row[name] = value.strip()
            else:
                row[name] = str(value)

    def get_or_init_instance(self, instance_loader, row):
        number = self.current_row_number
        key = row.get("external_id") or ""
        if key:
            numbers = self.file_ids.get(key, [])
            if len(numbers) > 1 and numbers[0] != number:
                raise ValidationError(
                    {"external_id": [_("Row %(row)s of this file has the same value.") % {"row": numbers[0] + 1}]}
                )
            pks = self.by_external_id.get(key, [])
            if len(pks) > 1:
                raise ValidationError(
                    {
                        "external_id": [
                            _("Several practices already have the external identifier “%(id)s”.") % {"id": key}
                        ]
                    }
                )
            if pks:
                page = self.existing.get(pks[0])
                if page is None:
                    raise ValidationError(
                        {"external_id": [_("A practice with this identifier exists elsewhere in the site.")]}
                    )
                self.check_rights(page)
                if self.publish and page.has_unpublished_changes:
                    # Publishing would make an editor's unfinished draft live with the row.
                    raise ValidationError(_("This practice has unpublished changes: publish or discard them first."))
                if page.has_unpublished_changes and page.latest_revision_id:
                    page = page.get_latest_revision_as_object()
                    page._from_revision = True  # its relations come with it
                self.notes[number] = RowNote(matched_by="external_id", page_id=page.pk)
                return page, False
        self.notes[number] = RowNote()
        return GoodPracticePage(locale=self.locale), True

    def check_rights(self, page):
        """The importing editor (none from the command line) must be allowed to
        edit ``page``, and to publish it when publishing."""
        if self.user is None:
            return
        permissions = page.permissions_for_user(self.user)
        if not permissions.can_edit():
            raise ValidationError(_("You may not edit this practice."))
        if self.publish and not permissions.can_publish():
            raise ValidationError(_("You may not publish this practice."))

    def check_row(self, instance, row, errors):
        pending = PendingPractice(self.current_row_number, instance, instance.pk is None)
        for name in RICH_FIELDS:
            if name in row:
                setattr(instance, name, rich_text(row[name]))
        self.resolve_choices(instance, row, errors)
        self.resolve_dates(instance, row, errors)
        self.resolve_terms(pending, row, errors)
        self.resolve_lead(instance, row, errors)
        self.resolve_partners(pending, row, errors)
        self.resolve_tags(pending, row, errors)
        self.check_instance(instance, row, errors)
        return pending

    def resolve_choices(self, instance, row, errors):
        for name in CHOICE_FIELDS:
            value = row.get(name)
            if not value:
                continue
            found = self.choices[name].find(value)
            if found is None:
                errors[name] = [_("“%(value)s” is not one of the choices.") % {"value": value}]
            else:
                setattr(instance, name, found)

    def resolve_dates(self, instance, row, errors):
        for name in DATE_FIELDS:
            value = row.get(name)
            if not value:
                continue
            found = parse_date(value)
            if found is None:
                errors[name] = [
                    _("“%(value)s” is not a date: write it as 2024-03-31 or 31/03/2024.") % {"value": value}
                ]
            else:
                setattr(instance, name, found)

    def resolve_terms(self, pending, row, errors):
        for name in TERM_FIELDS:
            if name not in row:
                continue
            ids, problems = [], []
            lookup = self.terms[name]
            for value in split_values(row[name]):
                pk = lookup.find(value)
                if pk is None:
                    if lookup.is_ambiguous(value):
                        problems.append(_("Several terms are called “%(value)s”: give its slug.") % {"value": value})
                    else:
                        problems.append(NOT_FOUND[name] % {"value": value})
                elif pk not in ids:
                    ids.append(pk)
            if problems:
                errors[name] = problems
            else:
                pending.terms[name] = ids

    def find_organisation(self, value):
        """(the id of the organisation ``value`` designates by its external
        identifier, SIRET or exact name, None) or (None, why there is none)."""
        candidates = []
        for kind, key in (("external_id", value), ("siret", digits(value)), ("name", fold(value))):
            candidates = getattr(self.organisations, f"by_{kind}").get(key, [])
            if candidates:
                break
        if not candidates:
            return None, _("No organisation “%(value)s” was found.") % {"value": value}
        if len(set(candidates)) > 1:
            return None, _("Several organisations are called “%(value)s”: give its SIRET or external identifier.") % {
                "value": value
            }
        return candidates[0], None

    def resolve_lead(self, instance, row, errors):
        if LEAD_FIELD not in row:
            return
        value = str(row[LEAD_FIELD])
        if not value:
            instance.lead_organisation = None
            return
        pk, problem = self.find_organisation(value)
        if problem:
            errors[LEAD_FIELD] = [problem]
        else:
            instance.lead_organisation_id = pk

    def resolve_partners(self, pending, row, errors):
        """Partner organisations, several per cell: each one not found (or
        ambiguous) is named in the row's reasons; the list replaces the page's."""
        if PARTNERS_FIELD not in row:
            return
        value = str(row[PARTNERS_FIELD])
        # A name with a comma in it ("Centre social Nord, Pas-de-Calais") is one organisation.
        values = [value] if self.find_organisation(value)[0] is not None else split_values(value)
        ids, problems = [], []
        for item in values:
            pk, problem = self.find_organisation(item)
            if problem:
                problems.append(problem)
            elif pk not in ids:
                ids.append(pk)
        if problems:
            errors[PARTNERS_FIELD] = problems
        else:
            pending.partners = ids

    def resolve_tags(self, pending, row, errors):
        if TAGS_FIELD not in row:
            return
        limit = GoodPracticePageTag.tag_model()._meta.get_field("name").max_length
        names, problems = [], []
        for name in split_values(row[TAGS_FIELD]):
            if len(name) > limit:
                problems.append(
                    _("“%(value)s” is too long for a tag (%(limit)s characters at most).")
                    % {"value": name, "limit": limit}
                )
            elif name not in names:
                names.append(name)
        if problems:
            errors[TAGS_FIELD] = problems
        else:
            pending.tags = names

    def check_instance(self, instance, row, errors):
        """The model's field validators of the columns given (lengths, e-mail,
        choices), without Page.clean, which needs a tree position."""
        checked = (set(SIMPLE_FIELDS) | set(CHOICE_FIELDS) | set(DATE_FIELDS)) & set(row) | {"title"}
        exclude = [f.name for f in GoodPracticePage._meta.fields if f.name not in checked or f.name in errors]
        try:
            instance.clean_fields(exclude=exclude)
        except ValidationError as error:
            error.update_error_dict(errors)

    # -- after the rows -------------------------------------------------------

    def write(self, pending):
        from .writer import write_practices

        write_practices(self, pending)
