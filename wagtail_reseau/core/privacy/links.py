"""Signed private links: a token that names one record, for one purpose, until a
date. Nobody can guess or alter it (django.core.signing with SECRET_KEY); the
expiry travels inside the signed payload."""

import datetime

from django.apps import apps
from django.core import signing
from django.utils import timezone

SALT = "wagtail_reseau.privacy."


def make_private_token(obj, purpose, expires_at):
    """A URL-safe token for ``obj`` (a saved model instance) and ``purpose``
    (e.g. "registration"), valid until ``expires_at`` (an aware datetime)."""
    payload = {"m": obj._meta.label_lower, "pk": obj.pk, "e": int(expires_at.timestamp())}
    return signing.dumps(payload, salt=SALT + purpose, compress=True)


def read_private_token(token, purpose):
    """The object a token names, or None if the token is forged, for another
    purpose, expired, or names an object that no longer exists or was erased."""
    try:
        payload = signing.loads(str(token), salt=SALT + purpose)
        model = apps.get_model(payload["m"])
        expires_at = datetime.datetime.fromtimestamp(int(payload["e"]), tz=datetime.UTC)
    except (signing.BadSignature, KeyError, LookupError, TypeError, ValueError, OverflowError):
        return None
    if expires_at < timezone.now():
        return None
    obj = model._default_manager.filter(pk=payload["pk"]).first()
    if obj is None or getattr(obj, "erased_at", None) is not None:
        return None
    return obj
