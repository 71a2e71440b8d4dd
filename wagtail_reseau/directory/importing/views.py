"""The organisations' import in Wagtail's admin: upload -> dry-run preview
table -> confirm (``core/importing/views.py``). Nothing is written before the
confirmation."""

from django.utils.translation import gettext_lazy as _

from ...core.importing.views import SpreadsheetImportView, upload_folder  # noqa: F401 (re-exported)
from . import import_organisations
from .forms import ImportForm

SESSION_KEY = "wagtail_reseau_import"
TEMPLATE = "wagtail_reseau/admin/import_organisations.html"
URL_NAME = "wagtail_reseau_import"


class OrganisationImportView(SpreadsheetImportView):
    form_class = ImportForm
    template_name = TEMPLATE
    session_key = SESSION_KEY
    url_name = URL_NAME
    page_title = _("Import organisations")
    importer = staticmethod(import_organisations)


import_view = OrganisationImportView.as_view()
