"""The version of each event's calendar entry: its iCalendar ``SEQUENCE`` and the
time it last changed (``LAST-MODIFIED``), shared by every calendar file of the
event (its download, the subscription feed, the file attached to registrants'
e-mails).

A row per event keeps a fingerprint of what a calendar application must not miss:
the start, the end, the place (or being online) and the status. Each time a file is
built, the event's current fingerprint is compared with the stored one; when it
differs, the sequence goes up by one. So the number rises between any two files
that say something different, whatever changed the event (a publication, a
scheduled publication, a revision put back, a script), and it never goes down.
Only what a file shows is compared: live events, never a draft.

``versions_for(targets)`` reads the rows of all the targets at once (one query
for a whole feed) and writes only the rows that are new or changed."""

import hashlib
import logging
from dataclasses import dataclass

from django.db import DatabaseError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class CalendarVersion(models.Model):
    """``key`` is ``forum-<page id>`` or ``session-<session id>``, as the UID of
    the calendar files and the registrations' ``RegistrationEvent.key``."""

    key = models.CharField(max_length=64, unique=True)
    sequence = models.PositiveIntegerField(_("sequence"), default=0)
    fingerprint = models.CharField(max_length=64)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("calendar version")
        verbose_name_plural = _("calendar versions")

    def __str__(self):
        return f"{self.key} ({self.sequence})"


@dataclass(frozen=True)
class Version:
    sequence: int
    changed_at: object  # an aware datetime


def _is_session(target):
    return target._meta.model_name == "trainingsession"


def event_key(target):
    return f"session-{target.pk}" if _is_session(target) else f"forum-{target.pk}"


def _published_at(target):
    page = target.page if _is_session(target) else target
    return getattr(page, "last_published_at", None)


def fingerprint(target):
    """What the calendar must follow, independent of the language a file is built in."""
    if _is_session(target):
        place = [target.place or ""]
    else:
        place = [target.attendance_mode or "", target.venue_name or "", target.venue_address or ""]
    parts = [
        target.start.isoformat() if target.start else "",
        target.end.isoformat() if target.end else "",
        target.event_status or "",
        *place,
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def versions_for(targets, at_least=None, now=None):
    """``{key: Version}`` of forums and sessions; ``at_least`` (``{key: number}``)
    raises a sequence to a number already given out elsewhere (the files sent to
    registrants before these versions existed)."""
    targets = list(targets)
    if not targets:
        return {}
    now = now or timezone.now()
    at_least = at_least or {}
    wanted = {event_key(target): target for target in targets}
    stored = {version.key: version for version in CalendarVersion.objects.filter(key__in=list(wanted))}
    new, changed = [], []
    for key, target in wanted.items():
        current = fingerprint(target)
        floor = at_least.get(key, 0)
        published = _published_at(target)
        version = stored.get(key)
        if version is None:
            stored[key] = version = CalendarVersion(
                key=key, sequence=floor, fingerprint=current, changed_at=published or now
            )
            new.append(version)
            continue
        if version.fingerprint == current and version.sequence >= floor:
            continue
        if version.fingerprint != current:
            version.sequence += 1
            version.fingerprint = current
            # The change went out with the page's last publication, if it came after the last one seen.
            version.changed_at = published if published and published > version.changed_at else now
        version.sequence = max(version.sequence, floor)
        changed.append(version)
    if new or changed:
        _save(new, changed)
    return {key: Version(stored[key].sequence, stored[key].changed_at) for key in wanted}


def _save(new, changed):
    """Stores the new and changed rows; a file is still built if the database refuses
    (a read-only replica): the next one raises the sequence instead."""
    try:
        with transaction.atomic():
            if new:
                # Two requests may see the same event first: the row of the other one stays.
                CalendarVersion.objects.bulk_create(new, ignore_conflicts=True)
            if changed:
                CalendarVersion.objects.bulk_update(changed, ["sequence", "fingerprint", "changed_at"])
    except DatabaseError:
        logger.exception("Calendar versions not stored")
