"""One query-string value checked against the model field it filters on."""

import decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from taggit.managers import TaggableManager
from wagtail.api.v2.utils import BadRequestError

#: What every database the package supports stores in an integer column (64 bits, signed).
SMALLEST_INTEGER = -(2**63)
LARGEST_INTEGER = 2**63 - 1


def check_no_null_character(name, value):
    if "\x00" in value:
        raise BadRequestError(_("%(name)s: the null character is not allowed.") % {"name": name})


def check_integer(name, value, minimum=SMALLEST_INTEGER, maximum=LARGEST_INTEGER):
    """``value`` as an int between ``minimum`` and ``maximum``, or a 400."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = None
    if number is None or not minimum <= number <= maximum:
        raise BadRequestError(
            _("%(name)s must be a whole number from %(minimum)s to %(maximum)s.")
            % {"name": name, "minimum": minimum, "maximum": maximum}
        )
    return number


def check_field_value(field, name, value):
    """Raises a 400 unless ``value`` is one the database can compare with ``field``:
    a date for a date, an id for a relation, an integer that fits in a column."""
    check_no_null_character(name, value)
    if isinstance(field, (TaggableManager, models.BooleanField)):
        return  # tags are names; Wagtail's own filter reads booleans (true, false, 1, 0)
    if field.is_relation:
        if field.related_model is None:
            return
        field = field.related_model._meta.pk
        while field.is_relation:  # a page type's key is its link to wagtailcore.Page
            field = field.target_field
    if isinstance(field, models.JSONField):
        return
    try:
        python_value = field.to_python(value)
        if isinstance(python_value, int) and not isinstance(python_value, bool):
            if not SMALLEST_INTEGER <= python_value <= LARGEST_INTEGER:
                raise ValidationError("out of range")
        field.get_prep_value(python_value)
    except (ValidationError, ValueError, TypeError, ArithmeticError, decimal.InvalidOperation) as error:
        raise BadRequestError(
            _("“%(value)s” is not a valid value for %(name)s (%(expected)s expected).")
            % {"value": value[:100], "name": name, "expected": describe(field)}
        ) from error


def describe(field):
    """What a field expects, in words a reader of the API understands."""
    if isinstance(field, models.DateTimeField):
        return _("a date and time, YYYY-MM-DDTHH:MM")
    if isinstance(field, models.DateField):
        return _("a date, YYYY-MM-DD")
    if isinstance(field, models.TimeField):
        return _("a time, HH:MM")
    if isinstance(field, (models.IntegerField, models.AutoField)):
        return _("a whole number")
    if isinstance(field, (models.DecimalField, models.FloatField)):
        return _("a number")
    if isinstance(field, models.UUIDField):
        return _("a UUID")
    return _("a value of the field's kind")
