"""One e-mail for every moderated sub-app: the moderators hear of a new entry
waiting for them (a mentoring answer or request, a reuse entry, a comment...),
with a link to it in the admin and no personal data: only what the entry's
``str()`` shows (or a ``summary`` the caller gives), never a contact.

Recipients: the active members, with an e-mail address, of the moderators'
group (``WAGTAIL_RESEAU_PROPOSAL_MODERATORS_GROUP``, "Moderators"; comments use
``WAGTAIL_RESEAU_COMMENT_MODERATORS_GROUP``). Call it only for an entry that
passed the form (never for the honeypot or the rate limit). A mail server that
fails never fails the visitor's request."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation

from ...conf import reseau_settings

logger = logging.getLogger(__name__)
TEMPLATE = "wagtail_reseau/privacy/email/to_moderators"
#: The setting naming the moderators' group of a purpose (default: the proposals').
GROUP_SETTINGS = {"comment": "COMMENT_MODERATORS_GROUP"}


def moderators_group(purpose):
    return getattr(reseau_settings, GROUP_SETTINGS.get(purpose, "PROPOSAL_MODERATORS_GROUP"))


def moderator_addresses(group):
    if not group:
        return []
    users = get_user_model().objects.filter(groups__name=group, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def absolute_admin_url(url):
    if not url or "://" in url:
        return url or ""
    return (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/") + url


def notify_moderators(purpose, obj, admin_url, summary=None, group=None):
    """E-mails the moderators that ``obj`` (for ``purpose``: "mentoring",
    "reuse", "comment"...) waits for them at ``admin_url`` (a path or a full
    address), one message to each. Returns the number of messages sent (0 when
    nobody is in the group). Call it from ``transaction.on_commit``."""
    recipients = moderator_addresses(group if group is not None else moderators_group(purpose))
    if not recipients:
        return 0
    # Everything in the site's language, the summary too (``str(obj)`` may hold
    # lazy labels): not in the language of the visitor who sent the entry.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "purpose": purpose,
            "object": obj,
            "label": obj._meta.verbose_name,
            "summary": str(summary) if summary is not None else str(obj),
            "url": absolute_admin_url(admin_url),
        }
        subject = " ".join(render_to_string(f"{TEMPLATE}_subject.txt", context).split())
        body = render_to_string(f"{TEMPLATE}.txt", context)
    # One message per moderator: nobody sees the others' addresses.
    messages = [EmailMessage(subject, body, None, [address]) for address in recipients]
    try:
        return get_connection().send_messages(messages) or 0
    except Exception:  # a mail server that fails must not fail the visitor's request
        logger.warning("The %s e-mail to the moderators could not be sent.", purpose, exc_info=True)
        return 0
