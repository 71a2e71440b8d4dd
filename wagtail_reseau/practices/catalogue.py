"""How good practices become catalogue documents."""

from django.utils.translation import gettext_lazy as _

from ..catalogue.document_types import DocumentType, published_date, register_document_type

PRACTICE = register_document_type(
    DocumentType(
        "practice",
        "wagtail_reseau.GoodPracticePage",
        _("Good practice"),
        plural_label=_("Good practices"),
        get_date=lambda page: page.start_date or published_date(page),
    )
)
