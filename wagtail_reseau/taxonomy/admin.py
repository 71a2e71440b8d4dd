"""Admin views of the shared vocabularies, grouped in one "Network" menu."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from ..conf import reseau_settings
from .models import Audience, DomainOfAction, OrganisationType, Person, Territory


class VocabularyIndexView(IndexView):
    """A list of terms or people sorted by name as readers of the language expect
    ("Égalité" among the E's), by default and when the name column is clicked: by the
    stored ``sort_name`` (core/collation.py), the same on SQLite and PostgreSQL."""

    def order_queryset(self, queryset):
        if self.ordering in ("name", "-name"):
            sign = "-" if self.ordering.startswith("-") else ""
            return queryset.order_by(f"{sign}sort_name", f"{sign}name", f"{sign}pk")
        return super().order_queryset(queryset)


class VocabularyViewSet(SnippetViewSet):
    index_view_class = VocabularyIndexView


class DomainOfActionViewSet(VocabularyViewSet):
    model = DomainOfAction
    icon = "tag"
    menu_label = _("Domains of action")
    list_display = ["name", Column("path_label", label=_("Full path")), "slug"]
    list_filter = ["parent"]
    list_export = ["name", "slug", "path_label", "description"]
    export_filename = "domains_of_action"


class TerritoryFilterSet(WagtailFilterSet):
    """Parents to filter by: every territory but communes (with the official
    geography there are 35,000 communes, and communes have no children to list)."""

    parent = django_filters.ModelChoiceFilter(
        label=_("parent"), queryset=Territory.objects.exclude(kind=Territory.Kind.COMMUNE)
    )

    class Meta:
        model = Territory
        fields = ["kind", "is_active", "parent"]


class TerritoryViewSet(VocabularyViewSet):
    model = Territory
    icon = "site"
    menu_label = _("Territories")
    list_display = ["name", "kind", "code", Column("path_label", label=_("Full path"))]
    filterset_class = TerritoryFilterSet
    list_export = ["name", "slug", "kind", "code", "path_label"]
    export_filename = "territories"


class AudienceViewSet(VocabularyViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Audiences")
    list_display = ["name", "slug"]


class OrganisationTypeViewSet(VocabularyViewSet):
    model = OrganisationType
    icon = "folder-open-1"
    menu_label = _("Organisation types")
    list_display = ["name", "code", "slug"]


class PersonViewSet(VocabularyViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "job_title", "organisation"]
    list_filter = ["organisation"]
    list_export = ["name", "job_title", "organisation", "website"]
    export_filename = "people"


VOCABULARY_VIEWSETS = {
    "domain": DomainOfActionViewSet,
    "territory": TerritoryViewSet,
    "audience": AudienceViewSet,
    "organisation_type": OrganisationTypeViewSet,
    "person": PersonViewSet,
}


class NetworkViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Network")
    menu_icon = "globe"
    menu_name = "wagtail-reseau"

    def __init__(self):
        names = reseau_settings.VOCABULARIES
        if isinstance(names, str) or not hasattr(names, "__iter__"):
            names = ()  # reported by the system check wagtail_reseau.E003
        self.items = [VOCABULARY_VIEWSETS[name] for name in names if name in VOCABULARY_VIEWSETS]
        self.menu_order = reseau_settings.ADMIN_MENU_ORDER
        super().__init__()


@hooks.register("register_admin_urls")
def register_term_search_url():
    """The term chooser's search in the admin (taxonomy/chooser/); registered when
    wagtail_hooks.py imports this module."""
    from django.urls import path

    from .chooser.views import term_search_view

    return [path("reseau/terms/<slug:vocabulary>/", term_search_view, name="wagtail_reseau_term_search")]
