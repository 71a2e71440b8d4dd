"""``TermChooserWidget``: pick terms of a vocabulary among thousands.

Without JavaScript it is a list of the chosen terms (checkboxes, checked: untick
to remove) and a text box: type a name, an official code or a postcode (several
separated by semicolons) and save; a term that cannot be found exactly is
reported on the field, with the text kept. With JavaScript the text box becomes
a combobox (WAI-ARIA 1.2: ``aria-activedescendant`` over a listbox of
suggestions, arrows, Enter, Escape) that adds the term to the list at once."""

import re

from django import forms
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

from .search import describe, locale_for, resolve_typed, vocabulary_model

SEPARATORS = re.compile(r"[;\n]+")


def search_url(vocabulary):
    """The public search URL when the host includes it, else the admin's."""
    for name in ("wagtail_reseau_terms:search", "wagtail_reseau_term_search"):
        try:
            return reverse(name, args=[vocabulary])
        except NoReverseMatch:
            continue
    return ""


class TermChooserWidget(forms.SelectMultiple):
    template_name = "wagtail_reseau/widgets/term_chooser.html"
    #: Suffix of the text box's name (``territories-search``).
    search_suffix = "-search"

    class Media:
        css = {"all": ["wagtail_reseau/css/term-chooser.css"]}
        js = ["wagtail_reseau/js/term-chooser.js"]

    def __init__(self, vocabulary="territory", attrs=None, language_code=None):
        super().__init__(attrs)
        self.vocabulary = vocabulary
        #: The language of the terms offered (the page's); the active one if ``None``.
        self.language_code = language_code

    def get_model(self):
        return vocabulary_model(self.vocabulary)

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else data.get(name) or []
        values = [str(values)] if isinstance(values, (str, int)) else [str(value) for value in values]
        typed = data.get(name + self.search_suffix, "")
        if typed and typed.strip():
            locale = locale_for(self.language_code or get_language())
            for text in SEPARATORS.split(typed):
                text = text.strip()
                if not text:
                    continue
                term = resolve_typed(self.get_model(), text, locale)
                # An unknown text goes on as a value, so the field reports it and the text is shown again.
                values.append(str(term.pk) if term is not None else text)
        return list(dict.fromkeys(values))

    def value_omitted_from_data(self, data, files, name):
        return name not in data and (name + self.search_suffix) not in data

    def format_value(self, value):
        if value is None:
            return []
        if not isinstance(value, (list, tuple)):
            value = [value]
        return [str(getattr(item, "pk", item)) for item in value if item not in (None, "")]

    def get_context(self, name, value, attrs):
        # Not the parent's: it would render every term as an <option>.
        context = forms.Widget.get_context(self, name, value, attrs)
        values = context["widget"]["value"]
        # An id SQLite can compare (64 bits) in ASCII digits ("²" is a digit to isdigit()); the rest is text.
        pks = [value for value in values if value.isascii() and value.isdigit() and int(value) < 2**63]
        typed = [value for value in values if value not in pks]
        model = self.get_model()
        terms = model.objects.filter(pk__in=pks)
        if hasattr(model, "parent"):
            terms = terms.select_related("parent__parent__parent__parent")
        chosen = {str(term.pk): term for term in terms}
        widget_id = context["widget"]["attrs"].get("id") or f"id_{name}"
        context["widget"].update(
            {
                "chosen": [describe(chosen[pk]) for pk in pks if pk in chosen],
                "typed": "; ".join(typed),
                "search_name": name + self.search_suffix,
                "search_id": f"{widget_id}-search",
                "listbox_id": f"{widget_id}-listbox",
                "status_id": f"{widget_id}-status",
                "help_id": f"{widget_id}-help",
                "search_url": search_url(self.vocabulary),
                "language_code": self.language_code or get_language() or "",
                "vocabulary": self.vocabulary,
            }
        )
        return context

    def id_for_label(self, id_):
        return f"{id_}-search" if id_ else id_


class TermChoiceField(forms.ModelMultipleChoiceField):
    """A ``ModelMultipleChoiceField`` with the chooser, for public forms:
    ``TermChoiceField("territory", required=False)``."""

    def __init__(self, vocabulary="territory", *, language_code=None, **kwargs):
        model = vocabulary_model(vocabulary)
        kwargs.setdefault("widget", TermChooserWidget(vocabulary, language_code=language_code))
        queryset = kwargs.pop("queryset", None)
        if queryset is None:
            queryset = model.objects.all()
        super().__init__(queryset, **kwargs)
        self.error_messages["invalid_pk_value"] = unfound_message()


def unfound_message():
    from django.utils.translation import gettext_lazy as _

    return _(
        "No term matches “%(pk)s” exactly: type its full name, its official code or its postcode, "
        "or choose it in the suggestions."
    )
