"""A message in a page's Classification tab when the page's language has no terms
in a vocabulary (the lists would be empty), saying how to fix it."""

from django.urls import NoReverseMatch, reverse
from wagtail.admin.panels import Panel

#: The page form fields whose vocabularies are checked.
CHECKED_FIELDS = ("domains", "territories", "audiences")


class EmptyVocabularyPanel(Panel):
    """Shown only when a vocabulary of the page's form has no term in the page's locale."""

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs.pop("help_text", None)
        return kwargs

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_reseau/admin/empty_vocabulary_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.locale = self._locale()
            self.empty = self._empty_vocabularies() if self.locale is not None else []

        def _locale(self):
            locale = getattr(self.instance, "locale", None) if getattr(self.instance, "locale_id", None) else None
            parent = getattr(self.form, "parent_page", None)
            return locale or getattr(parent, "locale", None)

        def _empty_vocabularies(self):
            empty = []
            for name in CHECKED_FIELDS:
                field = self.form.fields.get(name) if self.form is not None else None
                model = getattr(getattr(field, "queryset", None), "model", None)
                if model is None or model.objects.filter(locale=self.locale).exists():
                    continue
                try:
                    url = reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:list")
                except NoReverseMatch:
                    url = None
                empty.append({"name": model._meta.verbose_name_plural, "url": url})
            return empty

        def is_shown(self):
            return bool(self.empty)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(empty_vocabularies=self.empty, locale=self.locale)
            return context
