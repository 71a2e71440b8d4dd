"""JSON-LD written into a page: ``<script type="application/ld+json">`` whose text
cannot end the script early, whatever an editor typed (``</script>``, ``<!--``)."""

import json
import logging

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .registry import builder_for

logger = logging.getLogger(__name__)

# As Django's json_script: "<", ">" and "&" written as JSON escapes, which any JSON
# reader turns back into the same characters.
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def json_ld_script(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")).translate(ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above


def builder(page, request=None):
    return builder_for(page)(page, request)


def safely(function, *args, default=None):
    """Structured data never breaks a page: a failure is logged, nothing is written."""
    try:
        return function(*args)
    except Exception:  # noqa: BLE001
        logger.exception("Structured data of %r could not be built.", args[0] if args else None)
        return default
