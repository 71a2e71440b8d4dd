"""Admin forms."""

from django.db.models import Case, IntegerField, Q, Value, When
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale

from ..core.collation import collation_key
from .chooser.widgets import TermChooserWidget, unfound_message

#: Page form fields that point at vocabulary terms, limited to the page's language.
VOCABULARY_FIELDS = ("domains", "territories", "audiences", "organisation_type")


class ClassifiedPageForm(WagtailAdminPageForm):
    """Offers the vocabulary terms of the page's own language; terms of a tree are
    listed in tree order with their full path (``Santé › Prévention``).

    A translated page keeps its source's terms (wagtail-localize synchronises them),
    so when its form opens, each term is shown as its translation in the page's
    language, or as itself while it has none: saving never drops a term."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
        if locale_id is None and getattr(self, "parent_page", None) is not None:
            locale_id = self.parent_page.locale_id
        if locale_id is None:
            return
        for name in VOCABULARY_FIELDS:
            field = self.fields.get(name)
            if field is None or not hasattr(field, "queryset"):
                continue
            model = field.queryset.model
            selected, untranslated = self._selected_in_locale(name, model, locale_id)
            queryset = field.queryset.filter(Q(locale_id=locale_id) | Q(pk__in=untranslated))
            if isinstance(field.widget, TermChooserWidget):
                # Thousands of terms: searched, never listed (taxonomy/chooser/).
                field.widget.language_code = self._language_code(locale_id)
                field.error_messages["invalid_pk_value"] = unfound_message()
                queryset = queryset.order_by("sort_name", "name", "pk")
            elif hasattr(model, "path_label"):
                queryset = _in_tree_order(queryset)
                field.label_from_instance = lambda term: term.path_label
            field.queryset = queryset
            if selected is not None and not self.is_bound:
                self.initial[name] = selected

    @staticmethod
    def _language_code(locale_id):
        return Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()

    def _selected_in_locale(self, name, model, locale_id):
        """(pks to show as selected, pks of selected terms with no translation)."""
        initial = self.initial.get(name)
        if not initial:
            return None, []
        many = not isinstance(initial, (str, int)) and hasattr(initial, "__iter__")
        pks = [getattr(value, "pk", value) for value in (initial if many else [initial])]
        terms = model.objects.filter(pk__in=pks)
        same = {term.pk for term in terms if term.locale_id == locale_id}
        others = {term.translation_key: term.pk for term in terms if term.locale_id != locale_id}
        translated = dict(
            model.objects.filter(translation_key__in=others, locale_id=locale_id).values_list("translation_key", "pk")
        )
        untranslated = [pk for key, pk in others.items() if key not in translated]
        selected = sorted(same) + list(translated.values()) + untranslated
        if not many:
            selected = selected[0] if selected else None
        return selected, untranslated


def _in_tree_order(queryset):
    terms = sorted(
        queryset.select_related("parent"),
        key=lambda term: (collation_key(term.path_label), term.path_label, term.pk),
    )
    if not terms:
        return queryset
    position = Case(
        *[When(pk=term.pk, then=Value(index)) for index, term in enumerate(terms)],
        output_field=IntegerField(),
    )
    return queryset.order_by(position)
