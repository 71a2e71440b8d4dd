"""The upload form of the organisations' import view: a directory, a file,
drafts or published (``core/importing/forms.py``)."""

from django.utils.translation import gettext_lazy as _

from ...core.importing.forms import SpreadsheetImportForm
from ...core.importing.forms import indexes_for as _indexes_for
from ..models import OrganisationIndexPage


def indexes_for(user):
    """Directories under which ``user`` may add pages."""
    return _indexes_for(OrganisationIndexPage, user)


class ImportForm(SpreadsheetImportForm):
    index_model = OrganisationIndexPage
    index_label = _("Directory")
    publish_label = _("Publish the organisations")
    publish_help_text = _("Unticked, new organisations are drafts and changes wait as drafts for review.")
    publish_refused = _("You may not publish pages in this directory.")
