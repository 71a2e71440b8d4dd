"""The practices' import in Wagtail's admin: upload -> dry-run preview table ->
confirm, as the directory's (``core/importing/views.py``: the file waits in the
same private folder, under a random token kept in the editor's session).
Nothing is written before the confirmation."""

from django.utils.translation import gettext_lazy as _

from ...core.importing.views import SpreadsheetImportView
from . import import_practices
from .forms import PracticeImportForm

SESSION_KEY = "wagtail_reseau_practice_import"
TEMPLATE = "wagtail_reseau/admin/import_practices.html"
URL_NAME = "wagtail_reseau_import_practices"


class PracticeImportView(SpreadsheetImportView):
    form_class = PracticeImportForm
    template_name = TEMPLATE
    session_key = SESSION_KEY
    url_name = URL_NAME
    page_title = _("Import good practices")
    importer = staticmethod(import_practices)


import_view = PracticeImportView.as_view()
