"""The directory's admin menu: spreadsheet import and the open-data quality
report (imported by the package's wagtail_hooks). Other parts of the package
or a host add items with the ``register_reseau_directory_menu_item`` hook."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from ..conf import reseau_settings


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        from .importing.forms import indexes_for

        return bool(indexes_for(request.user))


class QualityMenuItem(MenuItem):
    def is_shown(self, request):
        from .opendata.admin import can_see_report

        return can_see_report(request.user)


@hooks.register("register_admin_urls")
def register_directory_admin_urls():
    from .importing.views import import_view
    from .opendata.admin import quality_view

    return [
        path("reseau/directory/import/", import_view, name="wagtail_reseau_import"),
        path("reseau/directory/quality/", quality_view, name="wagtail_reseau_opendata_quality"),
    ]


@hooks.register("register_reseau_directory_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import organisations"), reverse("wagtail_reseau_import"), icon_name="upload", order=100)


@hooks.register("register_reseau_directory_menu_item")
def register_quality_menu_item():
    return QualityMenuItem(
        _("Open-data quality"), reverse("wagtail_reseau_opendata_quality"), icon_name="tasks", order=200
    )


@hooks.register("register_admin_menu_item")
def register_directory_menu():
    return SubmenuMenuItem(
        _("Directory"),
        Menu(register_hook_name="register_reseau_directory_menu_item"),
        icon_name="folder-open-inverse",
        order=reseau_settings.ADMIN_MENU_ORDER + 1,
    )
