"""One e-mail for every moderated sub-app: the moderators hear of a new entry
waiting for them (a mentoring answer or request, a reuse entry, a comment...),
with a link to it in the admin and no personal data: only what the entry's
``str()`` shows (or a ``summary`` the caller gives), never a contact.

Recipients: the active members, with an e-mail address, of the moderators'
group (``WAGTAIL_RESEAU_PROPOSAL_MODERATORS_GROUP``, "Moderators"; comments use
``WAGTAIL_RESEAU_COMMENT_MODERATORS_GROUP``). Each reads the message in their own
admin language (Wagtail's *preferred language* of their account), else in the
site's language (``LANGUAGE_CODE``): one message to each moderator, never a
shared ``To:``. Call it only for an entry that
passed the form (never for the honeypot or the rate limit). A mail server that
fails never fails the visitor's request."""

import logging
from collections import defaultdict

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


def _moderators(group):
    return get_user_model().objects.filter(groups__name=group, is_active=True).exclude(email="")


def moderator_addresses(group):
    if not group:
        return []
    return sorted(set(_moderators(group).values_list("email", flat=True)))


def message_language(preferred):
    """The language of a moderator's e-mails: their admin's preferred language
    when Django has it, else the site's (``LANGUAGE_CODE``)."""
    if preferred and translation.check_for_language(preferred):
        return preferred
    return settings.LANGUAGE_CODE


def moderators_by_language(group):
    """``{language: [addresses]}`` of the group's active moderators with an
    address, each once (the first language found for an address shared by two
    accounts), in a stable order."""
    if not group:
        return {}
    rows = _moderators(group).order_by("pk").values_list("email", "wagtail_userprofile__preferred_language")
    languages = {}
    for address, preferred in rows:
        languages.setdefault(address, message_language(preferred))
    grouped = defaultdict(list)
    for address in sorted(languages):
        grouped[languages[address]].append(address)
    return dict(sorted(grouped.items()))


def send_to_each_moderator(group, render, what="moderators"):
    """Sends one message to each moderator of ``group``: ``render()`` returns
    ``(subject, body)`` and is called once per language, inside
    ``translation.override`` of that language. Returns the number of messages
    sent; a mail server that fails is logged, never raised."""
    messages = []
    for language, addresses in moderators_by_language(group).items():
        with translation.override(language):
            subject, body = render()
        messages.extend(EmailMessage(subject, body, None, [address]) for address in addresses)
    if not messages:
        return 0
    try:
        return get_connection().send_messages(messages) or 0
    except Exception:  # a mail server that fails must not fail the visitor's request
        logger.warning("The %s e-mail to the moderators could not be sent.", what, exc_info=True)
        return 0


def absolute_admin_url(url):
    if not url or "://" in url:
        return url or ""
    return (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/") + url


def notify_moderators(purpose, obj, admin_url, summary=None, group=None):
    """E-mails the moderators that ``obj`` (for ``purpose``: "mentoring",
    "reuse", "comment"...) waits for them at ``admin_url`` (a path or a full
    address), one message to each, in their own language. Returns the number of
    messages sent (0 when nobody is in the group). Call it from
    ``transaction.on_commit``."""

    def render():
        # Everything in the moderator's language, the summary too (``str(obj)``
        # may hold lazy labels): not in the language of the visitor who wrote.
        context = {
            "purpose": purpose,
            "object": obj,
            "label": obj._meta.verbose_name,
            "summary": str(summary) if summary is not None else str(obj),
            "url": absolute_admin_url(admin_url),
        }
        subject = " ".join(render_to_string(f"{TEMPLATE}_subject.txt", context).split())
        return subject, render_to_string(f"{TEMPLATE}.txt", context)

    return send_to_each_moderator(group if group is not None else moderators_group(purpose), render, purpose)
