"""A registrant's private links (signed with the privacy core): their page, and
the confirmation of their address."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from ...core.privacy.links import make_private_token, read_private_token

PRIVATE = "registration"
CONFIRM = "registration-confirm"
#: Days after the event a private link still opens (for the certificate).
PRIVATE_LINK_DAYS_AFTER = 30


def private_token(registration):
    expires = registration.event.ends_at + datetime.timedelta(days=PRIVATE_LINK_DAYS_AFTER)
    return make_private_token(registration, PRIVATE, expires)


def confirm_token(registration):
    expires = max(registration.event.starts_at, timezone.now() + datetime.timedelta(hours=1))
    return make_private_token(registration, CONFIRM, expires)


def read_private(token):
    return read_private_token(token, PRIVATE)


def read_confirm(token):
    return read_private_token(token, CONFIRM)


def site_root(registration):
    from .targets import target_for_event

    target = target_for_event(registration.event)
    if target is not None:
        site = target.page.get_site()
        if site is not None:
            return site.root_url
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")


def absolute(registration, name, token):
    """The full address of a registration view, in the registrant's language."""
    with translation.override(registration.language):
        return site_root(registration) + reverse(f"reseau_registrations:{name}", args=[token])


def private_url(registration):
    return absolute(registration, "private", private_token(registration))


def confirm_url(registration):
    return absolute(registration, "confirm", confirm_token(registration))
