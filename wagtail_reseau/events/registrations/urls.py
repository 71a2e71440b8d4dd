"""The registration addresses. A host site includes them in ``i18n_patterns``
(so e-mails link in the registrant's language)::

    path("registrations/", include("wagtail_reseau.events.registrations.urls")),
"""

from django.urls import path

from . import certificate_views, views

app_name = "reseau_registrations"

urlpatterns = [
    path("<int:page_id>/", views.register, name="register"),
    path("<int:page_id>/json/", views.register_json, name="register_json"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("r/<str:token>/", views.private, name="private"),
    path("r/<str:token>/cancel/", views.cancel, name="cancel"),
    path("r/<str:token>/data.json", views.personal_data, name="data"),
    path("r/<str:token>/event.ics", views.calendar_file, name="ics"),
    path("r/<str:token>/certificate.pdf", certificate_views.private_certificate, name="certificate"),
]
