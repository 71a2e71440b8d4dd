"""Forums as schema.org ``Event``s and training capsules as ``Course``s with one
``CourseInstance`` per dated session. The online joining link is private (sent to
registrants only): a ``VirtualLocation`` points at the public page instead."""

from django.apps import apps as django_apps
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..seo.builders import IndexStructuredData, PageStructuredData
from ..seo.registry import register_structured_data
from ..seo.schema import (
    compact,
    field_text,
    iso_datetime,
    iso_duration_hours,
    organisation_reference,
    person_node,
    plain_text,
    term_names,
)
from .forums import AttendanceMode, ForumIndexPage, ForumPage
from .trainings import TrainingCapsulePage, TrainingFormat

ATTENDANCE_MODES = {
    AttendanceMode.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    AttendanceMode.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
COURSE_MODES = {
    TrainingFormat.IN_PERSON: "Onsite",
    TrainingFormat.ONLINE: "Online",
    TrainingFormat.BLENDED: "Blended",
}
ONLINE_WORDS = {"online", "en ligne", "à distance", "a distance", "remote", "visio", "visioconférence"}

REGISTRATIONS_APP = "wagtail_reseau.events.registrations"


def places_left(events):
    """``{event pk: places left}`` for forums or training sessions, from the registrations
    sub-app when it is installed (read only, one query); ``{}`` without it, and None
    for an event without a limit. Then only the capacity is said."""
    events = [event for event in events if event.pk]
    if not events or not django_apps.is_installed(REGISTRATIONS_APP):
        return {}
    try:
        from .registrations.pages import places_by_key
        from .registrations.targets import EventTarget
    except ImportError:  # an older registrations app: say the capacity only
        return {}
    targets = [EventTarget(event) for event in events]
    places = places_by_key(targets)
    return {event.pk: places.get(target.key) for event, target in zip(events, targets, strict=True)}


def event_status(page):
    """``EventScheduled`` unless the page says it was cancelled, postponed or moved online."""
    status = getattr(page, "event_status", "") or getattr(page, "status", "")
    known = {
        "cancelled": "EventCancelled",
        "postponed": "EventPostponed",
        "rescheduled": "EventRescheduled",
        "moved_online": "EventMovedOnline",
    }
    return "https://schema.org/" + known.get(str(status), "EventScheduled")


@register_structured_data(ForumIndexPage)
class ForumIndexStructuredData(IndexStructuredData):
    """The forums to come (the soonest first), then the past ones (the latest first),
    as the list shows them."""

    def items(self):
        page = self.page
        upcoming = (
            ForumPage.objects.child_of(page)
            .live()
            .public()
            .filter(locale_id=page.locale_id)
            .annotate(finishes=Coalesce("end", "start"))
            .filter(finishes__gte=timezone.now())
            .order_by("start")
        )
        upcoming = list(upcoming[: self.max_items])
        return (upcoming + super().items())[: self.max_items]


@register_structured_data(ForumPage)
class ForumStructuredData(PageStructuredData):
    entity_fragment = "event"

    def locations(self):
        page = self.page
        locations = []
        if page.attendance_mode in (AttendanceMode.IN_PERSON, AttendanceMode.HYBRID) and (
            page.venue_name or page.venue_address
        ):
            locations.append(
                compact(
                    {
                        "@type": "Place",
                        "name": page.venue_name or page.venue_address,
                        "address": page.venue_address or page.venue_name,
                    }
                )
            )
        if page.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.HYBRID):
            # Never page.online_url: the joining link is for registrants only.
            locations.append({"@type": "VirtualLocation", "url": self.url})
        return locations[0] if len(locations) == 1 else locations

    def main_entity(self):
        page = self.page
        organiser = organisation_reference(page.organiser.localized if page.organiser_id else None, self.request)
        performers = [person_node(contributor.person) for contributor in page.get_contributors()]
        left = places_left([page]).get(page.pk)
        return compact(
            {
                "@type": "Event",
                "@id": self.entity_id,
                "name": page.title,
                "url": self.url,
                "description": self.description(),
                "startDate": iso_datetime(page.start),
                "endDate": iso_datetime(page.end),
                "eventAttendanceMode": ATTENDANCE_MODES.get(page.attendance_mode),
                "eventStatus": event_status(page),
                "location": self.locations(),
                "organizer": organiser,
                "performer": [node for node in performers if node],
                "inLanguage": self.language,
                "maximumAttendeeCapacity": page.capacity,
                "remainingAttendeeCapacity": left,
                "audience": self.audiences(),
                "keywords": term_names(page, "domains") or None,
            }
        )

    def audiences(self):
        names = term_names(self.page, "audiences")
        return [{"@type": "Audience", "audienceType": name} for name in names] or None


@register_structured_data(TrainingCapsulePage)
class TrainingStructuredData(PageStructuredData):
    entity_fragment = "course"

    def main_entity(self):
        page = self.page
        provider = organisation_reference(page.provider.localized if page.provider_id else None, self.request)
        instructors = [node for node in (person_node(trainer.person) for trainer in page.get_trainers()) if node]
        sessions = list(page.sessions.order_by("start"))
        places = places_left(sessions)
        objectives = [plain_text(block.value, length=0) for block in page.learning_objectives]
        return compact(
            {
                "@type": "Course",
                "@id": self.entity_id,
                "name": page.title,
                "url": self.url,
                "description": self.description() or page.title,
                "provider": provider,
                "teaches": [objective for objective in objectives if objective],
                "coursePrerequisites": field_text(page, "prerequisites"),
                "timeRequired": iso_duration_hours(page.duration_hours),
                "inLanguage": self.language,
                "keywords": term_names(page, "domains") or None,
                "hasCourseInstance": [
                    self.session_node(session, index, instructors, places.get(session.pk))
                    for index, session in enumerate(sessions, start=1)
                ],
            }
        )

    def session_node(self, session, index, instructors, left=None):
        page = self.page
        place = (session.place or "").strip()
        online = page.training_format == TrainingFormat.ONLINE or place.lower() in ONLINE_WORDS
        if online:
            location = {"@type": "VirtualLocation", "url": self.url}
        elif place:
            location = {"@type": "Place", "name": place, "address": place}
        else:
            location = None
        return compact(
            {
                "@type": "CourseInstance",
                "@id": f"{self.url}#session-{session.pk or index}",
                "courseMode": "Online" if online else COURSE_MODES.get(page.training_format),
                "startDate": iso_datetime(session.start),
                "endDate": iso_datetime(session.end),
                "eventStatus": event_status(session),
                "location": location,
                "instructor": instructors,
                "maximumAttendeeCapacity": session.capacity,
                "remainingAttendeeCapacity": left,
                "courseWorkload": page.workload,
            }
        )
