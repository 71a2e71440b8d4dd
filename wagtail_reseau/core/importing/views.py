"""The admin view every spreadsheet import shares: upload -> dry-run preview
table -> confirm. Nothing is written before the confirmation.

The uploaded file waits between the preview and the confirmation in a private
temporary folder, named by a random token kept in the editor's session; it is
deleted once imported. A domain subclasses ``SpreadsheetImportView`` with its
form, template, session key, URL name, title and import function."""

import os
import secrets
import tempfile
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from .files import ImportFileError


def upload_folder():
    folder = Path(tempfile.gettempdir()) / "wagtail-reseau-imports"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


class SpreadsheetImportView(View):
    form_class = None  # a SpreadsheetImportForm subclass
    template_name = ""
    session_key = ""  # where the pending upload is remembered between the two steps
    url_name = ""  # this view's URL name: an expired confirmation goes back there
    page_title = ""
    # The domain's import function: (data, name, index, *, dry_run, publish, user) -> ImportReport.
    importer = None

    def dispatch(self, request, *args, **kwargs):
        # Every method is answered as before the class existed: GET shows the form, POST previews or confirms.
        if not self.form_class.indexes_for(request.user):
            raise PermissionDenied
        if request.method == "POST" and request.POST.get("action") == "confirm":
            return self.confirm(request)
        return self.preview(request)

    def render(self, request, **context):
        return TemplateResponse(request, self.template_name, {"page_title": self.page_title, **context})

    def preview(self, request):
        context = {}
        form = self.form_class(request.POST or None, request.FILES or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            index = form.cleaned_data["index_page"]
            try:
                report = self.importer(
                    form.data_bytes,
                    form.file_name,
                    index,
                    dry_run=True,
                    publish=form.cleaned_data["publish"],
                    user=request.user,
                )
            except ImportFileError as error:
                form.add_error("file", error.message)
            else:
                token = self.keep_upload(request, form) if report.ok else ""
                context.update(report=report, index=index, token=token)
        return self.render(request, form=form, **context)

    def keep_upload(self, request, form):
        token = secrets.token_hex(16)
        (upload_folder() / token).write_bytes(form.data_bytes)
        request.session[self.session_key] = {
            "token": token,
            "name": form.file_name,
            "index": form.cleaned_data["index"],
            "publish": form.cleaned_data["publish"],
        }
        return token

    def confirm(self, request):
        pending = request.session.get(self.session_key) or {}
        token = request.POST.get("token", "")
        path = upload_folder() / token
        if not token or not token.isalnum() or pending.get("token") != token or not path.is_file():
            messages.error(request, _("This import has expired: upload the file again."))
            return redirect(self.url_name)
        index = next((page for page in self.form_class.indexes_for(request.user) if page.pk == pending["index"]), None)
        if index is None:
            raise PermissionDenied
        if pending["publish"] and not index.permissions_for_user(request.user).can_publish_subpage():
            raise PermissionDenied
        try:
            report = self.importer(
                path.read_bytes(), pending["name"], index, dry_run=False, publish=pending["publish"], user=request.user
            )
        except ImportFileError as error:
            messages.error(request, error.message)
            return redirect(self.url_name)
        finally:
            request.session.pop(self.session_key, None)
            if path.is_file():
                os.unlink(path)
        if report.written:
            messages.success(
                request,
                _("Imported: %(created)s created, %(updated)s updated.")
                % {"created": report.created, "updated": report.updated},
            )
            return redirect(reverse("wagtailadmin_explore", args=[index.pk]))
        return self.render(request, report=report, index=index, form=self.form_class(user=request.user))
