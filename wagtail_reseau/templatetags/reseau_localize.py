"""``{% load reseau_localize %}``, then ``{{ obj|localized }}``: the object in the
visitor's language, like Wagtail's ``obj.localized``, but free when the object was
already translated with its list (``core.i18n.localize_all``)."""

from django import template

from ..core.i18n import localize

register = template.Library()


@register.filter
def localized(obj):
    return localize(obj)
