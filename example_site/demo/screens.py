"""Demo forums in each event status other than "as planned": one postponed, one
cancelled, one moved online, so that their notices show on the agenda, the forums'
index and their own pages (French, and English through wagtail-localize when the
loader's ``translate`` is given). Idempotent: a forum already there (by slug) is
left alone. They start after the demo's own upcoming forums, so that the demo
registrations (registrations.py: the first two upcoming forums) never land on them."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from wagtail_reseau.events.status import EventStatus
from wagtail_reseau.models import ForumIndexPage, ForumPage

FORUMS = [
    {
        "slug": "sortir-de-l-isolement-apres-60-ans",
        "days": 91,
        "status": EventStatus.POSTPONED,
        "title": "Sortir de l'isolement après 60 ans",
        "summary": "Un atelier d'échange sur les visites à domicile, les cafés seniors et les liens entre générations.",
        "venue_name": "Maison de quartier du Pont-Neuf",
        "en": {
            "title": "Breaking isolation after 60",
            "slug": "breaking-isolation-after-60",
            "summary": "A practice-exchange workshop on home visits, senior cafés and links between generations.",
        },
    },
    {
        "slug": "jardins-partages-et-alimentation",
        "days": 98,
        "status": EventStatus.CANCELLED,
        "title": "Jardins partagés et alimentation durable",
        "summary": "Un forum sur les jardins partagés, les épiceries solidaires et la cuisine collective.",
        "venue_name": "Centre social des Tilleuls",
        "en": {
            "title": "Shared gardens and sustainable food",
            "slug": "shared-gardens-and-sustainable-food",
            "summary": "A forum on shared gardens, solidarity grocery shops and cooking together.",
        },
    },
    {
        "slug": "accueillir-les-familles-monoparentales",
        "days": 105,
        "status": EventStatus.MOVED_ONLINE,
        "title": "Accueillir les familles monoparentales",
        "summary": "Un atelier d'échange sur la garde d'enfants, les horaires décalés et le soutien entre parents.",
        "venue_name": "",
        "en": {
            "title": "Welcoming single-parent families",
            "slug": "welcoming-single-parent-families",
            "summary": "A practice-exchange workshop on childcare, odd working hours and support between parents.",
        },
    },
]


def _at(days, hour):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def load(stdout, translate=None):
    index = ForumIndexPage.objects.filter(locale__language_code="fr").first()
    if index is None:
        return
    english = Locale.objects.filter(language_code__startswith="en").first()
    created = 0
    for data in FORUMS:
        forum = ForumPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if forum is None:
            forum = ForumPage(
                title=data["title"],
                slug=data["slug"],
                kind="workshop" if "atelier" in data["summary"] else "forum",
                summary=data["summary"],
                start=_at(data["days"], 14),
                end=_at(data["days"], 17),
                event_status=data["status"],
                attendance_mode="online" if data["status"] == EventStatus.MOVED_ONLINE else "in_person",
                venue_name=data["venue_name"],
                registration_required=True,
                registration_opens=_at(-7, 9),
                registration_closes=_at(data["days"] - 2, 18),
                capacity=30,
            )
            index.add_child(instance=forum)
            forum.save_revision().publish()
            created += 1
        if translate is not None and english is not None and index.get_translation_or_none(english) is not None:
            translate(forum, english, data["en"])
    if created:
        stdout.write(_("%(count)d demo forums with a status created.") % {"count": created})
