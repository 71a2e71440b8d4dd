"""What an import did, or would do, row by row, in the editor's language
(shared with the practices' import: ``core/importing/report.py``)."""

from ...core.importing import report as _shared
from ...core.importing.report import (  # noqa: F401 (re-exported)
    ACTION_LABELS,
    CREATE,
    MATCH_LABELS,
    REFUSE,
    UPDATE,
    ImportReport,
    RowReport,
)
from ..models import OrganisationPage


def field_label(name):
    return _shared.field_label(OrganisationPage, name)


def reasons_of(row_result):
    return _shared.reasons_of(row_result, OrganisationPage)


def build_report(result, dataset, notes, *, dry_run, publish):
    return _shared.build_report(result, dataset, notes, dry_run=dry_run, publish=publish, model=OrganisationPage)
