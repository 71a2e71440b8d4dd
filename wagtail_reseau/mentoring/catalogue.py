"""How mentoring offers and requests become catalogue documents."""

from django.utils.translation import gettext_lazy as _

from ..catalogue.document_types import DocumentType, register_document_type

MENTORING = register_document_type(
    DocumentType("mentoring", "wagtail_reseau.MentoringPage", _("Mentoring"), plural_label=_("Mentoring"))
)
