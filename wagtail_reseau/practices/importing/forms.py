"""The upload form of the practices' import view: an index, a file, drafts or published."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ...core.importing.files import ImportFileError, read_dataset
from ..models import GoodPracticeIndexPage


def indexes_for(user):
    """Practices indexes under which ``user`` may add pages."""
    pages = GoodPracticeIndexPage.objects.order_by("path").select_related("locale")
    return [page for page in pages if page.permissions_for_user(user).can_add_subpage()]


class PracticeImportForm(forms.Form):
    index = forms.TypedChoiceField(label=_("Practices index"), coerce=int)
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("A CSV or XLSX file whose first row names the columns (see the example spreadsheet)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    publish = forms.BooleanField(
        label=_("Publish the practices"),
        required=False,
        help_text=_("Unticked, new practices are drafts and changes wait as drafts for an editor's review."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.indexes = {page.pk: page for page in indexes_for(user)}
        self.fields["index"].choices = [
            (pk, f"{page.title} ({page.locale.get_display_name()})") for pk, page in self.indexes.items()
        ]

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
                self.add_error("publish", _("You may not publish pages in this practices index."))
        cleaned["index_page"] = index
        return cleaned
