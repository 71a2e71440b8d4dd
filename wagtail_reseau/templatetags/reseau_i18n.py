"""Template tags for a site in several languages: the language switch, the site
name and the tags of a page, each in the language of the page shown.

``{% load reseau_i18n %}``, then:

- ``{% reseau_language_links page as languages %}``: one entry per content
  language (``code``, ``name``, ``url``, ``current``, ``is_translation``);
- ``{% reseau_site_name as site_name %}``: the site's name in the current language;
- ``{% reseau_page_tags page as tags %}``: the page's tags, if they are in its language.
"""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import TranslationSource

register = template.Library()


def _site(context):
    request = context.get("request")
    site = context.get("current_site")
    if site is None and request is not None:
        site = Site.find_for_request(request)
    return request, site


def _language_root_url(code):
    """The address of a language's root (``/en/``) when it has no home page of its own."""
    try:
        with translation.override(code):
            return reverse("wagtail_serve", args=[""])
    except NoReverseMatch:
        return None


@register.simple_tag(takes_context=True)
def reseau_language_links(context, page):
    """Every content language, with where its link leads from ``page``: the page's
    live translation in that language if there is one, otherwise that language's
    home page (the site root's live translation), otherwise that language's root.

    Languages without a locale are left out. Returns an empty list when there is
    only one language or no page."""
    if not isinstance(page, Page):
        return []
    languages = get_content_languages()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    if len(languages) < 2 or len(locales) < 2:
        return []
    request, site = _site(context)
    translations = {
        other.locale_id: other for other in page.get_translations().live().public().select_related("locale")
    }
    homes = {}
    if site is not None:
        homes = {home.locale_id: home for home in site.root_page.get_translations(inclusive=True).live()}

    links = []
    for code, name in languages.items():
        locale = locales.get(code)
        if locale is None:
            continue
        info = translation.get_language_info(code)
        entry = {
            "code": code,
            "name": info["name_local"][:1].upper() + info["name_local"][1:],
            "english_name": str(name),
            "current": locale.pk == page.locale_id,
            "is_translation": False,
            "url": None,
        }
        if entry["current"]:
            entry["url"] = page.get_url(request)
            entry["is_translation"] = True
        elif locale.pk in translations:
            entry["url"] = translations[locale.pk].get_url(request)
            entry["is_translation"] = True
        elif locale.pk in homes:
            entry["url"] = homes[locale.pk].get_url(request)
        else:
            entry["url"] = _language_root_url(code)
        if entry["url"]:
            links.append(entry)
    return links if len(links) > 1 else []


@register.simple_tag(takes_context=True)
def reseau_site_name(context):
    """The site's name in the current language: the site name in the language of the
    site's root page, the title of the root page's translation in any other
    language (each language names the site through its home page)."""
    _request, site = _site(context)
    if site is None:
        return ""
    root = site.root_page
    home = root.localized
    if home.locale_id != root.locale_id:
        return home.title
    return site.site_name or home.title


@register.simple_tag
def reseau_page_tags(page):
    """The page's tags, unless the page is a translation: wagtail-localize copies the
    tags of the source page into every translation, so on a translated page they
    are words of another language and are not shown."""
    tags = getattr(page, "tags", None)
    if tags is None:
        return []
    source_locale_id = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .order_by("created_at")
        .values_list("locale_id", flat=True)
        .first()
    )
    if source_locale_id is not None and source_locale_id != page.locale_id:
        return []
    return tags.all()
