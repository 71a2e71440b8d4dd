"""Public URL of the term chooser's search (include it in a host's URLconf to use
the chooser in public forms: ``path("reseau/terms/", include("wagtail_reseau.taxonomy.chooser.urls"))``).
The admin has its own under ``/admin/reseau/terms/`` (wagtail_hooks.py)."""

from django.urls import path

from .views import term_search_view

app_name = "wagtail_reseau_terms"
urlpatterns = [path("<slug:vocabulary>/", term_search_view, name="search")]
