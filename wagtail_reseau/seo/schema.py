"""Small pieces of schema.org shared by the builders: addresses, dates, images,
references to organisations and people, plain text from rich text."""

import datetime
import html

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page, PageViewRestriction, Site

DESCRIPTION_LENGTH = 300


def plain_text(value, length=DESCRIPTION_LENGTH, is_html=True):
    """Rich text or HTML (or, with ``is_html=False``, text typed as it is) as one
    line of plain text, cut at ``length`` characters."""
    if not value:
        return ""
    text = str(value)
    if is_html:
        text = html.unescape(strip_tags(text))
    text = " ".join(text.split())
    return Truncator(text).chars(length) if length else text


def field_text(obj, name, length=DESCRIPTION_LENGTH):
    """The plain text of ``obj``'s field ``name``: a rich-text field's tags removed,
    a text field's characters kept (a "<" typed in a summary stays a "<")."""
    from wagtail.fields import RichTextField

    value = getattr(obj, name, "")
    try:
        rich = isinstance(obj._meta.get_field(name), RichTextField)
    except Exception:  # noqa: BLE001 - not a model field: read as HTML
        rich = True
    return plain_text(value, length, is_html=rich)


def iso_datetime(value):
    """A date-time with its offset (``2026-12-03T09:00:00+01:00``), in the site's
    time zone; a date as ``2026-12-03``."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def iso_duration_hours(hours):
    """``9`` -> ``PT9H``, ``1.5`` -> ``PT1H30M`` (ISO 8601)."""
    if hours is None:
        return None
    minutes = round(float(hours) * 60)
    whole, rest = divmod(minutes, 60)
    return f"PT{whole}H{rest}M" if rest else f"PT{whole}H"


def compact(node):
    """The node without its empty values (schema.org properties are optional)."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def is_public(page):
    """A live page that no view restriction (on it or an ancestor) hides."""
    if page is None or not page.live:
        return False
    return not PageViewRestriction.objects.filter(page__path__in=_ancestor_paths(page)).exists()


def _ancestor_paths(page):
    return [page.path[:index] for index in range(page.steplen, len(page.path) + 1, page.steplen)]


def full_url(page, request=None):
    try:
        return page.get_full_url(request)
    except Exception:  # noqa: BLE001 - a page outside every site has no address
        return None


def current_site(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    return site


def site_name(site):
    """The site's name in the active language (as ``reseau_site_name`` says it)."""
    if site is None:
        return ""
    root = site.root_page
    home = root.localized
    if home.locale_id != root.locale_id:
        return home.title
    return site.site_name or home.title


def postal_address(street="", postcode="", locality="", country="FR"):
    address = compact(
        {
            "@type": "PostalAddress",
            "streetAddress": street,
            "postalCode": postcode,
            "addressLocality": locality,
        }
    )
    if len(address) == 1:
        return None
    address["addressCountry"] = country
    return address


def image_object(image, alt="", request=None, spec="max-1200x1200"):
    """An ``ImageObject`` of a Wagtail image (a rendition at most 1200 px wide)."""
    if image is None:
        return None
    rendition = image_rendition(image, spec)
    if rendition is None:
        return None
    return compact(
        {
            "@type": "ImageObject",
            "url": absolute(rendition.url, request),
            "width": rendition.width,
            "height": rendition.height,
            "caption": alt,
        }
    )


def image_rendition(image, spec):
    try:
        return image.get_rendition(spec)
    except Exception:  # noqa: BLE001 - a missing file must not break the page
        return None


def absolute(url, request=None):
    if not url or url.startswith(("http://", "https://")):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    from django.conf import settings

    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return base.rstrip("/") + url


def organisation_reference(organisation, request=None, known_public=False):
    """A short ``Organization`` node for a live, public organisation page, pointing
    at its full description (``@id``) on its own page; None otherwise.
    ``known_public``: already checked (a list from ``live_pages_in_order``)."""
    if organisation is None:
        return None
    if not known_public and not is_public(organisation):
        return None
    url = full_url(organisation, request)
    return compact(
        {
            "@type": "Organization",
            "@id": f"{url}#organisation" if url else None,
            "name": organisation.title,
            "url": url,
        }
    )


def person_node(person):
    """A ``Person`` from a vocabulary person (name, job title, organisation's name)."""
    if person is None:
        return None
    organisation = getattr(person, "organisation", None)
    if organisation is not None and not organisation.live:
        organisation = None
    return compact(
        {
            "@type": "Person",
            "name": person.name,
            "jobTitle": getattr(person, "job_title", ""),
            "affiliation": {"@type": "Organization", "name": organisation.title} if organisation else None,
        }
    )


def page_reference(page, request=None):
    if page is None or not isinstance(page, Page) or not is_public(page):
        return None
    url = full_url(page, request)
    return compact({"@type": "WebPage", "@id": f"{url}#webpage" if url else None, "url": url, "name": page.title})


def term_names(page, relation):
    """Names of the page's terms of a classification relation (``domains``,
    ``audiences``...) in the visitor's language."""
    from ..core.i18n import localize_all

    manager = getattr(page, relation, None)
    if manager is None:
        return []
    return [term.name for term in localize_all(list(manager.all()))]
