"""How organisations become catalogue documents."""

from django.utils.translation import gettext_lazy as _

from ..catalogue.document_types import DocumentType, register_document_type

ORGANISATION = register_document_type(
    DocumentType(
        "organisation",
        "wagtail_reseau.OrganisationPage",
        _("Organisation"),
        plural_label=_("Organisations"),
        get_years=lambda page: [],
    )
)
