"""How news and residents' initiatives become catalogue documents."""

from django.utils.translation import gettext_lazy as _

from ..catalogue.document_types import DocumentType, register_document_type

NEWS = register_document_type(
    DocumentType(
        "news",
        "wagtail_reseau.NewsPage",
        _("News"),
        plural_label=_("News"),
        summary_field="intro",
        get_date=lambda page: page.date,
    )
)
