"""``path("opendata/", include("wagtail_reseau.directory.opendata.urls"))``"""

from django.urls import path

from . import views

app_name = "wagtail_reseau_opendata"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:name>/", views.export, name="export"),
]
