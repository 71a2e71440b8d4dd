"""Model fields shared by the content types."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """A list of values picked among fixed choices, edited as checkboxes.

    Stored as a JSON list so it works the same on SQLite and PostgreSQL, and is
    synchronised (not translated) by wagtail-localize. ``get_<name>_labels()``
    is added to the model and returns the translated labels, in choice order.

    ``item_choices`` may be a function returning the choices, read each time they
    are needed: for choices that a registry fills (a host's content types).
    """

    def __init__(self, *args, item_choices=(), **kwargs):
        self._item_choices = item_choices if callable(item_choices) else list(item_choices)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    @property
    def item_choices(self):
        return list(self._item_choices()) if callable(self._item_choices) else self._item_choices

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self._item_choices
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)

        def get_labels(instance, _field=self):
            return _field.labels_for(getattr(instance, _field.attname))

        if not hasattr(cls, f"get_{name}_labels"):
            setattr(cls, f"get_{name}_labels", get_labels)

    def labels_for(self, values):
        chosen = set(values or ())
        return [label for value, label in self.item_choices if value in chosen]

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if value in (None, ""):
            return
        if not isinstance(value, list):
            raise ValidationError(_("Pick values from the list."), code="invalid_list")
        allowed = {choice for choice, _label in self.item_choices}
        unknown = [item for item in value if item not in allowed]
        if unknown:
            raise ValidationError(
                _("Unknown value(s): %(values)s."),
                code="invalid_choice",
                params={"values": ", ".join(map(str, unknown))},
            )

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self._item_choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=kwargs.get("label", self.verbose_name),
            help_text=self.help_text,
        )
