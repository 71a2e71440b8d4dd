"""Staff admin: registrations (filters, search, CSV and XLSX export, edit
attendance) and events with registrations (counts, attendance, message), in one
"Registrations" menu seen only with the ``view_personal_data`` permission."""

from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from ...core.privacy.permissions import PersonalDataPermissionPolicy
from . import admin
from .models import Registration, RegistrationEvent

try:  # Wagtail 8: policies are registered for a model
    from wagtail.permissions import register_permission_policy
except ImportError:  # Wagtail 7.4: the view set carries it
    register_permission_policy = None


class EventLinkColumn(Column):
    def get_value(self, instance):
        url = reverse("reseau_registrations_admin:event", args=[instance.pk])
        return format_html('<a href="{}">{}</a>', url, instance)


class RegistrationViewSet(ModelViewSet):
    model = Registration
    name = "reseau_registrations_list"
    url_prefix = "registrations/list"
    icon = "group"
    menu_label = _("Registrations")
    list_display = ["name", "email", "event", "status", "organisation_label", "attended", "created_at"]
    list_filter = ["event", "status", "attended", "audience"]
    search_fields = ["name", "email", "organisation_name"]
    search_backend_name = None
    list_export = [
        "event",
        "status",
        "name",
        "email",
        "organisation_label",
        "audience",
        "accessibility_needs",
        "accessibility_details",
        "answers",
        "language",
        "attended",
        "created_at",
        "confirmed_at",
        "consent_version",
    ]
    export_filename = "registrations"
    form_fields = ["name", "email", "organisation_name", "accessibility_details", "attended"]
    add_to_admin_menu = False
    if register_permission_policy is None:
        permission_policy = PersonalDataPermissionPolicy(Registration)


class RegistrationEventViewSet(ModelViewSet):
    model = RegistrationEvent
    name = "reseau_registration_events"
    url_prefix = "registrations/events"
    icon = "date"
    menu_label = _("Events")
    list_display = [EventLinkColumn("title", label=_("Event")), "starts_at", "capacity"]
    search_fields = ["title"]
    search_backend_name = None
    form_fields = ["title"]
    add_to_admin_menu = False
    if register_permission_policy is None:
        permission_policy = PersonalDataPermissionPolicy(RegistrationEvent)


if register_permission_policy is not None:
    register_permission_policy(Registration, PersonalDataPermissionPolicy(Registration))
    # An event holds no personal data but leads to it: the same permission opens it.
    register_permission_policy(RegistrationEvent, PersonalDataPermissionPolicy(RegistrationEvent))


class RegistrationsGroup(ViewSetGroup):
    menu_label = _("Registrations")
    menu_icon = "group"
    menu_order = 260
    items = (RegistrationEventViewSet, RegistrationViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return RegistrationsGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("event/<int:pk>/", admin.event_view, name="event"),
        path("erase/<int:pk>/", admin.erase_view, name="erase"),
    ]
    from . import certificate_views

    return [
        path("registrations/manage/", include((urls, "reseau_registrations_admin"))),
        # Certificates and the sign-in sheet (certificate_views.py).
        path(
            "registrations/documents/",
            include((certificate_views.admin_urlpatterns, certificate_views.ADMIN_NAMESPACE)),
        ),
    ]
