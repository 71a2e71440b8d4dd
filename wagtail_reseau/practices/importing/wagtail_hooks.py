"""The practices' import in the admin: its URL and a menu item shown to the
editors who may add practices (imported by the package's wagtail_hooks)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ...conf import reseau_settings


class PracticeImportMenuItem(MenuItem):
    def is_shown(self, request):
        from .forms import indexes_for

        return bool(indexes_for(request.user))


@hooks.register("register_admin_urls")
def register_practice_import_url():
    from .views import URL_NAME, import_view

    return [path("reseau/practices/import/", import_view, name=URL_NAME)]


@hooks.register("register_admin_menu_item")
def register_practice_import_menu_item():
    return PracticeImportMenuItem(
        _("Import good practices"),
        reverse("wagtail_reseau_import_practices"),
        icon_name="upload",
        order=reseau_settings.ADMIN_MENU_ORDER + 2,
    )
