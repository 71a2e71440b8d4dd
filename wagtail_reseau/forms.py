"""Admin forms."""

from django.db.models import Case, IntegerField, Value, When
from wagtail.admin.forms import WagtailAdminPageForm

#: Page form fields that point at vocabulary terms, limited to the page's language.
VOCABULARY_FIELDS = ("domains", "territories", "audiences", "organisation_type")


class ClassifiedPageForm(WagtailAdminPageForm):
    """Offers only the vocabulary terms of the page's own language; terms of a
    tree are listed in tree order with their full path (``Santé › Prévention``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
        if locale_id is None and getattr(self, "parent_page", None) is not None:
            locale_id = self.parent_page.locale_id
        for name in VOCABULARY_FIELDS:
            field = self.fields.get(name)
            if field is None or not hasattr(field, "queryset"):
                continue
            queryset = field.queryset
            if locale_id is not None:
                queryset = queryset.filter(locale_id=locale_id)
            if hasattr(queryset.model, "path_label"):
                queryset = _in_tree_order(queryset)
                field.label_from_instance = lambda term: term.path_label
            field.queryset = queryset


def _in_tree_order(queryset):
    terms = sorted(queryset.select_related("parent"), key=lambda term: term.path_label.lower())
    if not terms:
        return queryset
    position = Case(
        *[When(pk=term.pk, then=Value(index)) for index, term in enumerate(terms)],
        output_field=IntegerField(),
    )
    return queryset.order_by(position)
