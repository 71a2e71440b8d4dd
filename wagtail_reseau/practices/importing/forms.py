"""The upload form of the practices' import view: an index, a file, drafts or
published (``core/importing/forms.py``)."""

from django.utils.translation import gettext_lazy as _

from ...core.importing.forms import SpreadsheetImportForm
from ...core.importing.forms import indexes_for as _indexes_for
from ..models import GoodPracticeIndexPage


def indexes_for(user):
    """Practices indexes under which ``user`` may add pages."""
    return _indexes_for(GoodPracticeIndexPage, user)


class PracticeImportForm(SpreadsheetImportForm):
    index_model = GoodPracticeIndexPage
    index_label = _("Practices index")
    publish_label = _("Publish the practices")
    publish_help_text = _("Unticked, new practices are drafts and changes wait as drafts for an editor's review.")
    publish_refused = _("You may not publish pages in this practices index.")
