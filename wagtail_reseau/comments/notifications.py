"""The e-mail to the moderators when a comment waits for them (members of the
``WAGTAIL_RESEAU_COMMENT_MODERATORS_GROUP`` group). It never carries the
commenter's e-mail address; a mail server that fails never fails the visitor."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from ..conf import reseau_settings

logger = logging.getLogger(__name__)
TEMPLATE = "wagtail_reseau/comments/email/to_moderators"


def moderator_addresses():
    group = reseau_settings.COMMENT_MODERATORS_GROUP
    if not group:
        return []
    users = get_user_model().objects.filter(groups__name=group, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def send_to_moderators(comment):
    recipients = moderator_addresses()
    if not recipients:
        return 0
    base = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    url = base + reverse("wagtailsnippets_reseau_comments_comment:list") + "?status=pending"
    context = {"comment": comment, "page": comment.page, "url": url}
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{TEMPLATE}_subject.txt", context).split())
        body = render_to_string(f"{TEMPLATE}.txt", context)
    try:
        return send_mail(subject, body, None, recipients)
    except Exception:  # a mail server that fails must not fail the visitor's request
        logger.warning("The comment e-mail to the moderators could not be sent.", exc_info=True)
        return 0
