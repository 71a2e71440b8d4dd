"""What one can register for: a forum (``ForumPage``) or a dated session of a
training capsule (``TrainingSession``), seen through one interface."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..forums import AccessibilityService, ForumPage
from ..trainings import TrainingSession


@dataclass
class EventTarget:
    obj: object  # the ForumPage or the TrainingSession

    @property
    def is_session(self):
        return isinstance(self.obj, TrainingSession)

    @property
    def page(self):
        """The page the form is on: the forum, or the session's capsule."""
        return self.obj.page.specific if self.is_session else self.obj

    @property
    def key(self):
        return f"session-{self.obj.pk}" if self.is_session else f"forum-{self.obj.pk}"

    @property
    def title(self):
        if self.is_session:
            start = timezone.localtime(self.obj.start)
            return f"{self.page.title} – {start:%d/%m/%Y %H:%M}"
        return self.obj.title

    @property
    def start(self):
        return self.obj.start

    @property
    def end(self):
        return self.obj.end or self.obj.start + datetime.timedelta(hours=2)

    @property
    def capacity(self):
        return self.obj.capacity

    @property
    def waiting_list(self):
        return True if self.is_session else self.obj.waiting_list

    @property
    def place(self):
        if self.is_session:
            return self.obj.place
        return ", ".join(part for part in (self.obj.venue_name, self.obj.venue_address) if part)

    @property
    def online_url(self):
        return "" if self.is_session else self.obj.online_url

    @property
    def external_url(self):
        return self.obj.registration_url if self.is_session else self.obj.external_registration_url

    @property
    def takes_registrations(self):
        """Registration through this site (not elsewhere, not "just come along")."""
        if self.external_url:
            return False
        return True if self.is_session else self.obj.registration_required

    def opening(self):
        """(opens, closes): a session closes at its start."""
        if self.is_session:
            return None, self.obj.start
        return self.obj.registration_opens, self.obj.registration_closes or self.obj.start

    @property
    def event_status(self):
        return self.obj.event_status

    def status(self, now=None):
        """ "open", "not_yet", "closed", "cancelled" or "none" (no registration on this site)."""
        if not self.takes_registrations:
            return "none"
        if self.obj.is_cancelled:
            return "cancelled"
        now = now or timezone.now()
        opens, closes = self.opening()
        if opens and now < opens:
            return "not_yet"
        if (closes and now >= closes) or now >= self.end:
            return "closed"
        return "open"

    def accessibility_choices(self):
        """The services the event declares, offered as needs (a forum's; none for a session)."""
        if self.is_session:
            return []
        labels = dict(AccessibilityService.choices)
        return [(value, labels.get(value, value)) for value in (self.obj.accessibility_services or [])]

    def questions(self):
        return list(self.page.registration_questions.all())

    def ics_target(self):
        return self.obj


def target_for_event(event):
    """The target an event row stands for, or None if it was deleted."""
    if event.session_id:
        session = TrainingSession.objects.filter(pk=event.session_id).select_related("page").first()
        return EventTarget(session) if session else None
    if event.forum_id:
        forum = ForumPage.objects.filter(pk=event.forum_id).first()
        return EventTarget(forum) if forum else None
    return None


NOT_OPEN_MESSAGES = {
    "not_yet": _("Registration is not open yet."),
    "closed": _("Registration is closed."),
    "cancelled": _("This event is cancelled: registration is closed."),
    "none": _("This event does not take registrations on this site."),
}
