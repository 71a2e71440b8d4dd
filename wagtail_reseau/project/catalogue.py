"""How the axes of the federal project become catalogue documents."""

from django.utils.translation import gettext_lazy as _

from ..catalogue.document_types import DocumentType, register_document_type

PROJECT_AXIS = register_document_type(
    DocumentType(
        "project_axis",
        "wagtail_reseau.ProjectAxisPage",
        _("Federal project axis"),
        plural_label=_("Federal project axes"),
        get_years=lambda page: [],
    )
)
