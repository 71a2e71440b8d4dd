"""Unpublishing a page does not unpublish its translations (wagtail-localize does not
cascade it): the editor is told which ones are still live, with a link to unpublish
each of them through Wagtail's own confirmation (``after_unpublish_page`` hook)."""

from django.conf import settings
from django.contrib import messages
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _


def live_translations(page):
    """The page's live translations, in the order of the site's languages."""
    translations = page.get_translations().live().select_related("locale")
    order = {code: index for index, (code, _name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES)}
    return sorted(translations, key=lambda other: order.get(other.locale.language_code, len(order)))


def warn_of_live_translations(request, page):
    """After an unpublish in the admin: name the translations still live, each with a
    link to unpublish it too (the page's own confirmation, then back to this page)."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return
    translations = [
        other for other in live_translations(page) if other.permissions_for_user(request.user).can_unpublish()
    ]
    if not translations:
        return
    back = reverse("wagtailadmin_pages:edit", args=[page.pk])
    items = format_html_join(
        ", ",
        '<a href="{}">{}</a> (<a href="{}?next={}">{}</a>)',
        (
            (
                reverse("wagtailadmin_pages:edit", args=[other.pk]),
                other.locale.get_display_name(),
                reverse("wagtailadmin_pages:unpublish", args=[other.pk]),
                back,
                _("unpublish it too"),
            )
            for other in translations
        ),
    )
    messages.warning(
        request,
        format_html(
            "{} {}",
            _("The translations of this page are still live:"),
            items,
        ),
    )
