"""The practices' import in Wagtail's admin: upload -> dry-run preview table ->
confirm, as the directory's (the file waits in the same private folder, under
a random token kept in the editor's session). Nothing is written before the
confirmation."""

import os

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from ...core.importing.files import ImportFileError
from ...directory.importing.views import upload_folder
from .forms import PracticeImportForm, indexes_for

SESSION_KEY = "wagtail_reseau_practice_import"
TEMPLATE = "wagtail_reseau/admin/import_practices.html"
URL_NAME = "wagtail_reseau_import_practices"


def keep_upload(request, form):
    import secrets

    token = secrets.token_hex(16)
    (upload_folder() / token).write_bytes(form.data_bytes)
    request.session[SESSION_KEY] = {
        "token": token,
        "name": form.file_name,
        "index": form.cleaned_data["index"],
        "publish": form.cleaned_data["publish"],
    }
    return token


def import_view(request):
    from . import import_practices

    if not indexes_for(request.user):
        raise PermissionDenied
    context = {"page_title": _("Import good practices")}
    if request.method == "POST" and request.POST.get("action") == "confirm":
        return confirm(request, context)
    form = PracticeImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        index = form.cleaned_data["index_page"]
        try:
            report = import_practices(
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
            context.update(report=report, index=index, token=keep_upload(request, form) if report.ok else "")
    context["form"] = form
    return TemplateResponse(request, TEMPLATE, context)


def confirm(request, context):
    from . import import_practices

    pending = request.session.get(SESSION_KEY) or {}
    token = request.POST.get("token", "")
    path = upload_folder() / token
    if not token or not token.isalnum() or pending.get("token") != token or not path.is_file():
        messages.error(request, _("This import has expired: upload the file again."))
        return redirect(URL_NAME)
    index = next((page for page in indexes_for(request.user) if page.pk == pending["index"]), None)
    if index is None:
        raise PermissionDenied
    if pending["publish"] and not index.permissions_for_user(request.user).can_publish_subpage():
        raise PermissionDenied
    try:
        report = import_practices(
            path.read_bytes(), pending["name"], index, dry_run=False, publish=pending["publish"], user=request.user
        )
    except ImportFileError as error:
        messages.error(request, error.message)
        return redirect(URL_NAME)
    finally:
        request.session.pop(SESSION_KEY, None)
        if path.is_file():
            os.unlink(path)
    if report.written:
        messages.success(
            request,
            _("Imported: %(created)s created, %(updated)s updated.")
            % {"created": report.created, "updated": report.updated},
        )
        return redirect(reverse("wagtailadmin_explore", args=[index.pk]))
    context.update(report=report, index=index, form=PracticeImportForm(user=request.user))
    return TemplateResponse(request, TEMPLATE, context)
