import re

from django.core import mail

from wagtail_reseau.events.registrations.models import Registration

VALID = {"name": "Awa Diallo", "email": "awa@example.org", "consent": "on"}


def register(client, page, capture, **fields):
    data = {**VALID, **fields}
    with capture(execute=True):
        return client.post(f"/registrations/{page.pk}/", data, REMOTE_ADDR=fields.pop("address", "10.0.0.1"))


def link_in(message, kind):
    """The first link of ``kind`` ("confirm" or "r") in an e-mail."""
    return re.search(rf"http://[^\s]+/registrations/{kind}/[^\s]+/", message.body).group(0)


def last_registration():
    return Registration.objects.order_by("-pk").first()


def subjects():
    return [message.subject for message in mail.outbox]
