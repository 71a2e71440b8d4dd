"""Demo registrations: an upcoming forum with a few registrants, one full with a
waiting list, a training session with registrants, a past forum with attendance
marked. Written without sending e-mails. Idempotent (an event that already has
registrations is left alone)."""

from django.test import override_settings
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail_reseau.events.registrations import capacity
from wagtail_reseau.events.registrations.models import Registration
from wagtail_reseau.events.registrations.targets import EventTarget
from wagtail_reseau.models import Audience, ForumPage, TrainingSession

PEOPLE = [
    "Awa Diallo",
    "Léa Martin",
    "Karim Benali",
    "Sofia Rossi",
    "Hugo Lefèvre",
    "Inès Moreau",
    "Yanis Girard",
    "Chloé Bernard",
    "Mathis Roux",
    "Manon Fournier",
    "Nadia Haddad",
    "Lucas Petit",
    "Emma Garnier",
    "Tom Faure",
    "Jade Chevalier",
    "Noah Lambert",
    "Lina Bonnet",
    "Adam Mercier",
    "Zoé Blanc",
    "Paul Guerin",
]


def _register(target, count, start=0):
    audience = Audience.objects.filter(locale=target.page.locale).first()
    made = []
    for number in range(start, start + count):
        name = PEOPLE[number % len(PEOPLE)]
        registration = Registration(
            name=name,
            email=f"{name.split()[0].lower()}.{number}@example.org".replace("é", "e").replace("è", "e"),
            organisation_name="Centre social de démonstration",
            audience=audience,
            language=target.page.locale.language_code,
        )
        registration.record_consent(_DemoConsent)
        try:
            capacity.register(target, registration, double_opt_in=False)
        except capacity.RegistrationRefused:
            break
        made.append(registration)
    return made


class _DemoConsent:
    purpose = "registration"
    version = 0
    text = "Consentement de démonstration."


def _has_registrations(target):
    return Registration.objects.filter(event__key=target.key).exists()


@override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
def load(stdout):
    now = timezone.now()
    forums = ForumPage.objects.live().filter(locale__language_code="fr", registration_required=True)
    upcoming = [f for f in forums.filter(start__gte=now).order_by("start") if not f.external_registration_url]
    past = forums.filter(start__lt=now).order_by("-start").first()
    created = 0
    if upcoming:
        target = EventTarget(upcoming[0])
        if not _has_registrations(target):
            created += len(_register(target, 3))
    if len(upcoming) > 1:
        target = EventTarget(upcoming[1])
        if not _has_registrations(target):
            places = target.capacity or 10
            # Full, and three people waiting.
            created += len(_register(target, places + 3 if target.waiting_list else places))
    session = TrainingSession.objects.filter(start__gte=now, registration_url="").order_by("start").first()
    if session is not None:
        target = EventTarget(session)
        if not _has_registrations(target):
            created += len(_register(target, 2))
    if past is not None:
        target = EventTarget(past)
        if not _has_registrations(target):
            made = _register(target, 6)
            for registration in made[:4]:
                Registration.objects.filter(pk=registration.pk).update(attended=True)
            for registration in made[4:]:
                Registration.objects.filter(pk=registration.pk).update(attended=False)
            created += len(made)
    if created:
        stdout.write(_("%(count)d demo registrations created.") % {"count": created})
