"""Open Graph and Twitter card tags of a page, from its structured-data builder
(the same title, description, address and image)."""

from django.utils.translation import to_locale

from .schema import absolute, current_site, image_rendition, site_name

#: Open Graph wants a language with its territory (``fr_FR``); a language code of the
#: site that has none is completed from this table, else left as it is.
OPEN_GRAPH_LOCALES = {
    "fr": "fr_FR",
    "en": "en_GB",
    "de": "de_DE",
    "es": "es_ES",
    "it": "it_IT",
    "nl": "nl_NL",
    "pt": "pt_PT",
    "ca": "ca_ES",
    "eu": "eu_ES",
    "br": "br_FR",
    "oc": "oc_FR",
    "ar": "ar_AR",
}

SOCIAL_IMAGE_SPEC = "fill-1200x630-c50"
LOGO_SPEC = "max-1200x630"


def open_graph_locale(language_code):
    locale = to_locale(language_code)
    return OPEN_GRAPH_LOCALES.get(locale.lower(), locale) if "_" not in locale else locale


def social_tags(builder):
    """``[(attribute, name, content)]``: ``("property", "og:title", ...)``,
    ``("name", "twitter:card", ...)``... in the order they are written."""
    page = builder.page
    request = builder.request
    title = builder.title()
    description = builder.description()
    tags = [
        ("property", "og:type", builder.og_type),
        ("property", "og:title", title),
        ("property", "og:url", builder.url),
        ("property", "og:site_name", site_name(current_site(request))),
        ("property", "og:locale", open_graph_locale(builder.language)),
    ]
    if page.pk:
        for code in sorted(page.get_translations().live().values_list("locale__language_code", flat=True)):
            tags.append(("property", "og:locale:alternate", open_graph_locale(code)))
    if description:
        tags.append(("property", "og:description", description))

    image = builder.image()
    rendition = None
    if image is not None and image[0] is not None:
        spec = getattr(builder, "image_spec", SOCIAL_IMAGE_SPEC)
        rendition = image_rendition(image[0], spec)
    if rendition is not None:
        alt = image[1]
        url = absolute(rendition.url, request)
        tags += [
            ("property", "og:image", url),
            ("property", "og:image:width", str(rendition.width)),
            ("property", "og:image:height", str(rendition.height)),
        ]
        if alt:
            tags.append(("property", "og:image:alt", alt))
    tags += [
        ("name", "twitter:card", "summary_large_image" if rendition is not None else "summary"),
        ("name", "twitter:title", title),
    ]
    if description:
        tags.append(("name", "twitter:description", description))
    if rendition is not None:
        tags.append(("name", "twitter:image", absolute(rendition.url, request)))
        if image[1]:
            tags.append(("name", "twitter:image:alt", image[1]))
    return [(attribute, name, content) for attribute, name, content in tags if content]
