"""What the page imports' django-import-export resources share: one spreadsheet
row -> one page under the chosen index, only checked row by row. Nothing is
written until every row is valid; then the domain's writer writes them all at
once, in the import's one transaction. A file with one refused row changes nothing.

A domain subclasses ``PageRowResource`` with its ``Meta.model`` and fields,
``get_or_init_instance`` (which page a row updates), ``check_row`` (its lookups
and validators) and ``write`` (its writer)."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from import_export import resources

from .report import build_report


@dataclass
class RowNote:
    """What the dry run says of a row besides its action."""

    matched_by: str = ""
    page_id: int | None = None
    remarks: list = field(default_factory=list)


class PageRowResource(resources.ModelResource):
    class Meta:
        skip_diff = True
        clean_model_instances = False  # checked by check_row (Page.clean needs a tree position)
        use_transactions = True
        report_skipped = True
        # No savepoint per row: nothing is written before every row is checked
        # (save_instance only collects; create_instances stays empty).
        use_bulk = True

    def __init__(self, index, *, publish=False, user=None, progress=None, index_after_commit=True):
        super().__init__()
        self.index = index
        self.locale = index.locale
        self.publish = publish
        self.user = user
        self.progress = progress
        self.index_after_commit = index_after_commit
        self.live_ids = []  # pages written live (to index after the commit)
        self.pending = []  # the checked rows, written after the last one
        self.notes = {}  # row number -> RowNote

    def run(self, dataset, *, dry_run=True):
        """Checks every row of ``dataset`` and, unless ``dry_run`` or a row is
        refused, writes them all; returns the row-by-row ``ImportReport``."""
        if self.progress is not None:
            self.progress.total = len(dataset)
        result = self.import_data(dataset, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True)
        model = self._meta.model
        report = build_report(result, dataset, self.notes, dry_run=dry_run, publish=self.publish, model=model)
        report.live_ids = self.live_ids if report.written else []
        return report

    def import_row(self, row, instance_loader, **kwargs):
        self.current_row_number = kwargs["row_number"]
        result = super().import_row(row, instance_loader, **kwargs)
        if self.progress is not None:
            self.progress.update(1)
        return result

    def import_instance(self, instance, row, **kwargs):
        if instance.pk is not None:
            # Updating: an empty cell leaves the page's value as it is.
            row = {name: value for name, value in row.items() if value not in ("", None)}
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        pending = self.check_row(instance, row, errors)
        if errors:
            raise ValidationError(errors)
        self.current_pending = pending

    def check_row(self, instance, row, errors):
        """The domain's checks of a row beyond import-export's widgets: adds what
        is wrong to ``errors`` ({field: [messages]}) and returns what waits to be
        written (the domain's pending row)."""
        raise NotImplementedError

    def save_instance(self, instance, is_create, row, **kwargs):
        self.pending.append(self.current_pending)

    def save_m2m(self, instance, row, **kwargs):
        pass

    def after_import(self, dataset, result, **kwargs):
        if kwargs.get("dry_run") or result.has_errors() or result.has_validation_errors():
            return
        self.write(self.pending)

    def write(self, pending):
        """Writes every checked row at once (the domain's writer)."""
        raise NotImplementedError
