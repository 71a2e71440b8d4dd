"""What every open-data export shares: which pages may leave the site (live,
public, in the site's default language), the producer's identifier, the
licence, plain text from rich text."""

import re

from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail.models import Locale, Site

from ...conf import reseau_settings

LICENCE_URLS = {
    "etalab-2.0": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    "odbl-1.0": "https://opendatacommons.org/licenses/odbl/1-0/",
    "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}


def licence():
    """``(identifier, URL or "")`` of the licence the federation publishes under."""
    identifier = reseau_settings.OPENDATA_LICENCE
    return identifier, LICENCE_URLS.get(identifier.lower(), "")


def source_id():
    """data·inclusion's ``source``: the producer (a setting, else the default site's host)."""
    if reseau_settings.OPENDATA_SOURCE:
        return reseau_settings.OPENDATA_SOURCE
    site = Site.objects.filter(is_default_site=True).first()
    return slugify((site.hostname if site else "") or "wagtail-reseau")


def exported(queryset, locale=None):
    """Only what a visitor may see: live pages without a view restriction (nor
    under one), of one language (the default one unless given)."""
    locale = locale or Locale.get_default()
    return queryset.live().public().filter(locale=locale)


def plain(html, limit=None):
    text = re.sub(r"\s+", " ", strip_tags(str(html or ""))).strip()
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def page_url(page):
    try:
        return page.get_full_url() or ""
    except Exception:  # a page outside every site has no address
        return ""
