"""How forums and training capsules become catalogue documents: dated by their
(next) occurrence, upcoming or past by when their last occurrence ends."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..catalogue.document_types import DocumentType, published_date, register_document_type
from ..catalogue.relations import related_objects


def _forum_event_last(page):
    return page.end or page.start


def _forum_location(page):
    """A forum met in person is shown on the map at its organiser's coordinates
    (its venue is an address without coordinates): only a live, public organisation's."""
    organiser = page.organiser
    if page.attendance_mode == "online" or organiser is None or not organiser.live:
        return None
    if organiser.latitude is None or organiser.longitude is None:
        return None
    if organiser.get_view_restrictions().exists():  # a private page's address stays private
        return None
    return (organiser.latitude, organiser.longitude)


def _training_sessions(page):
    return related_objects(page, "sessions")


def _training_event_last(page):
    ends = [session.end or session.start for session in _training_sessions(page)]
    return max(ends) if ends else None


def _training_date(page):
    starts = [session.start for session in _training_sessions(page)]
    upcoming = [start for start in starts if start >= timezone.now()]
    if upcoming:
        return timezone.localtime(min(upcoming)).date()
    if starts:
        return timezone.localtime(max(starts)).date()
    return published_date(page)


def _training_years(page):
    return sorted({timezone.localtime(session.start).year for session in _training_sessions(page)})


FORUM = register_document_type(
    DocumentType(
        "forum",
        "wagtail_reseau.ForumPage",
        _("Forum or workshop"),
        plural_label=_("Forums and workshops"),
        get_date=lambda page: timezone.localtime(page.start).date(),
        get_event_last=_forum_event_last,
        get_location=_forum_location,
        prefetch=("organiser",),
    )
)
TRAINING = register_document_type(
    DocumentType(
        "training",
        "wagtail_reseau.TrainingCapsulePage",
        _("Training capsule"),
        plural_label=_("Training capsules"),
        get_date=_training_date,
        get_years=_training_years,
        get_event_last=_training_event_last,
        prefetch=("sessions",),
    )
)
