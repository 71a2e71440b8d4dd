"""What an import did, or would do, row by row, in the editor's language (any page model)."""

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from import_export.results import RowResult

CREATE, UPDATE, REFUSE = "create", "update", "refuse"
ACTION_LABELS = {CREATE: _("Create"), UPDATE: _("Update"), REFUSE: _("Refused")}
MATCH_LABELS = {
    "siret": _("matched by SIRET"),
    "external_id": _("matched by external identifier"),
}


@dataclass
class RowReport:
    number: int  # the spreadsheet's line: 2 for the first row under the header
    action: str
    title: str = ""
    page_id: int | None = None
    matched_by: str = ""
    reasons: list = field(default_factory=list)

    @property
    def action_label(self):
        return ACTION_LABELS[self.action]

    @property
    def matched_label(self):
        return MATCH_LABELS.get(self.matched_by, "")


@dataclass
class ImportReport:
    rows: list = field(default_factory=list)
    dry_run: bool = True
    publish: bool = False
    errors: list = field(default_factory=list)  # about the whole file
    live_ids: list = field(default_factory=list)  # pages written live (to index)

    def count(self, action):
        return sum(1 for row in self.rows if row.action == action)

    @property
    def created(self):
        return self.count(CREATE)

    @property
    def updated(self):
        return self.count(UPDATE)

    @property
    def refused(self):
        return self.count(REFUSE)

    @property
    def ok(self):
        return not self.errors and self.refused == 0

    @property
    def written(self):
        return not self.dry_run and self.ok


def field_label(model, name):
    if name == NON_FIELD_ERRORS:
        return ""
    try:
        found = model._meta.get_field(name)
        # A child relation (partner organisations) is named by its model's plural.
        label = getattr(found, "verbose_name", None) or found.related_model._meta.verbose_name_plural
    except Exception:
        return name
    return capfirst(label)


def reasons_of(row_result, model):
    reasons = []
    if row_result.validation_error is not None:
        error = row_result.validation_error
        items = error.message_dict.items() if hasattr(error, "error_dict") else [(NON_FIELD_ERRORS, error.messages)]
        for name, messages in items:
            label = field_label(model, name)
            reasons += [
                # The same words as a form's error summary: "Label : message" in French.
                _("%(label)s: %(message)s") % {"label": label, "message": message} if label else str(message)
                for message in messages
            ]
    for error in row_result.errors:
        reasons.append(_("Unexpected error: %(error)s") % {"error": error.error})
    return reasons


def build_report(result, dataset, notes, *, dry_run, publish, model):
    report = ImportReport(dry_run=dry_run, publish=publish)
    titles = dataset["title"] if "title" in dataset.headers else [""] * len(dataset)
    for number, row_result in enumerate(result.rows, 1):
        note = notes.get(number)
        if row_result.import_type in (RowResult.IMPORT_TYPE_INVALID, RowResult.IMPORT_TYPE_ERROR):
            action = REFUSE
        elif row_result.import_type == RowResult.IMPORT_TYPE_NEW:
            action = CREATE
        else:
            action = UPDATE
        report.rows.append(
            RowReport(
                number=number + 1,
                action=action,
                title=str(titles[number - 1] or ""),
                page_id=note.page_id if note and action != REFUSE else None,
                matched_by=note.matched_by if note else "",
                reasons=reasons_of(row_result, model),
            )
        )
    for error in result.base_errors:
        report.errors.append(str(error.error))
    return report
