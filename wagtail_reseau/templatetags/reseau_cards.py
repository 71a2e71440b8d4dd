"""What a card shows of a page: its summary in plain text, whatever field it comes from."""

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import Truncator
from wagtail.fields import RichTextField
from wagtail.rich_text import get_text_for_indexing

register = template.Library()

#: The fields a card's summary is taken from, the first one filled.
SUMMARY_FIELDS = ("summary", "intro")
SUMMARY_WORDS = 60


@register.filter
def card_summary(page):
    """The page's summary, or else its introduction, as plain text of at most 60 words.
    A rich-text field is read as text (its tags dropped, its blocks kept apart by a space),
    never shown as HTML source: the template escapes what this returns."""
    for name in SUMMARY_FIELDS:
        value = getattr(page, name, "")
        if not value or not isinstance(value, str):
            continue
        try:
            is_rich_text = isinstance(page._meta.get_field(name), RichTextField)
        except (AttributeError, FieldDoesNotExist):
            is_rich_text = False
        text = get_text_for_indexing(value) if is_rich_text else value
        if text.strip():
            return Truncator(text).words(SUMMARY_WORDS)
    return ""


@register.filter
def card_logo(page):
    """The logo a card shows, with its text alternative: an organisation's own logo is
    decorative (the card's title names it: empty alternative); the logo of the
    organisation leading a practice says who leads it (the organisation's name).
    Returns ``{"image": ..., "alt": ...}``, the image None when there is none."""
    logo = getattr(page, "logo", None)
    if logo is not None:
        return {"image": logo, "alt": ""}
    lead = getattr(page, "lead_organisation", None)
    if lead is not None and lead.live and lead.logo_id:
        return {"image": lead.logo, "alt": lead.title}
    return {"image": None, "alt": ""}
