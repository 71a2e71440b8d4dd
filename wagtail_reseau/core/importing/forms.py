"""The upload form every spreadsheet import's admin view shares: an index page
(among those under which the editor may add pages), a file, drafts or published.

A domain subclasses ``SpreadsheetImportForm`` with its index model and its labels."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .files import ImportFileError, read_dataset


def indexes_for(model, user):
    """Pages of ``model`` under which ``user`` may add pages, in tree order."""
    pages = model.objects.order_by("path").select_related("locale")
    return [page for page in pages if page.permissions_for_user(user).can_add_subpage()]


class SpreadsheetImportForm(forms.Form):
    # What a domain gives: its index page model, and the words for it.
    index_model = None
    index_label = ""
    publish_label = ""
    publish_help_text = ""
    publish_refused = ""  # the error when the editor may not publish in the chosen index

    index = forms.TypedChoiceField(coerce=int)
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("A CSV or XLSX file whose first row names the columns (see the example spreadsheet)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    publish = forms.BooleanField(required=False)

    @classmethod
    def indexes_for(cls, user):
        return indexes_for(cls.index_model, user)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.indexes = {page.pk: page for page in self.indexes_for(user)}
        self.fields["index"].label = self.index_label
        self.fields["index"].choices = [
            (pk, f"{page.title} ({page.locale.get_display_name()})") for pk, page in self.indexes.items()
        ]
        self.fields["publish"].label = self.publish_label
        self.fields["publish"].help_text = self.publish_help_text

    def clean_file(self):
        upload = self.cleaned_data["file"]
        data = upload.read()
        try:
            self.dataset = read_dataset(data, upload.name)
        except ImportFileError as error:
            raise forms.ValidationError(error.message) from error
        self.data_bytes, self.file_name = data, upload.name
        return upload

    def clean(self):
        cleaned = super().clean()
        index = self.indexes.get(cleaned.get("index"))
        if index is not None and cleaned.get("publish"):
            if not index.permissions_for_user(self.user).can_publish_subpage():
                self.add_error("publish", self.publish_refused)
        cleaned["index_page"] = index
        return cleaned
