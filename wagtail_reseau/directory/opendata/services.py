"""Forums and workshops, training sessions and mentoring offers as
data·inclusion *services* (schema v1), where the schema fits: each belongs to
an exported structure (its organiser, provider or mentoring organisation);
only what is still to come (or open) is offered. Themes and publics come from
the page's domains and audiences (classification.py). Contact people are not
exported (personal data)."""

from django.utils import timezone

from .classification import classification_prefetch, classified
from .common import exported, page_url, plain, source_id
from .structures import structure_id

SERVICE_FIELDS = (
    "source", "structure_id", "id", "nom", "description", "lien_source", "date_maj", "type", "thematiques",
    "frais", "frais_precisions", "publics", "publics_precisions", "conditions_acces", "commune", "code_postal",
    "code_insee", "adresse", "complement_adresse", "longitude", "latitude", "telephone", "courriel",
    "modes_accueil", "zone_eligibilite", "contact_nom_prenom", "lien_mobilisation", "modes_mobilisation",
    "mobilisable_par", "mobilisation_precisions", "volume_horaire_hebdomadaire", "nombre_semaines",
    "horaires_accueil",
)  # fmt: skip

ATTENDANCE_MODES = {"in_person": ["en-presentiel"], "online": ["a-distance"], "hybrid": ["en-presentiel", "a-distance"]}
MENTORING_MODES = {"in_person": ["en-presentiel"], "remote": ["a-distance"], "both": ["en-presentiel", "a-distance"]}


def service(page, source, structure_page, **values):
    description = plain(getattr(page, "summary", "")) or plain(getattr(page, "description", ""), 10000)
    date = page.last_published_at or page.first_published_at
    row = dict.fromkeys(SERVICE_FIELDS)
    row.update(
        source=source,
        structure_id=structure_id(structure_page, source),
        id=f"{source}--{page.pk}",
        nom=page.title.strip().rstrip(".")[:150],
        description=description if len(description) >= 5 else page.title,
        lien_source=page_url(page) or None,
        date_maj=date.date().isoformat() if date else None,
        **classified(page),
    )
    row.update(values)
    return row


def exported_ids(locale):
    from ..models import OrganisationPage

    return set(exported(OrganisationPage.objects.all(), locale).values_list("pk", flat=True))


def forum_services(source, locale, structures):
    from ...events.forums import ForumPage

    now = timezone.now()
    pages = exported(ForumPage.objects.all(), locale).filter(start__gte=now, organiser__isnull=False)
    for page in pages.select_related("organiser").prefetch_related(*classification_prefetch()).order_by("start"):
        if page.organiser_id not in structures:
            continue
        links = page.external_registration_url or None
        yield service(
            page,
            source,
            page.organiser,
            type="atelier",
            adresse=page.venue_address or None,
            modes_accueil=ATTENDANCE_MODES.get(page.attendance_mode),
            lien_mobilisation=links,
            modes_mobilisation=["utiliser-lien-mobilisation"] if links else None,
            mobilisable_par=["professionnels"] if not page.open_to_public else ["usagers", "professionnels"],
            conditions_acces=None,
        )


def training_services(source, locale, structures):
    from ...events.trainings import TrainingCapsulePage

    now = timezone.now()
    pages = exported(TrainingCapsulePage.objects.all(), locale).filter(provider__isnull=False)
    pages = pages.select_related("provider").prefetch_related("sessions", *classification_prefetch())
    for page in pages.order_by("path"):
        if page.provider_id not in structures:
            continue
        for session in sorted(page.sessions.all(), key=lambda s: s.start):
            if session.start < now:
                continue
            row = service(
                page,
                source,
                page.provider,
                type="formation",
                frais_precisions=page.cost or None,
                lien_mobilisation=session.registration_url or None,
                modes_mobilisation=["utiliser-lien-mobilisation"] if session.registration_url else None,
                mobilisable_par=["professionnels"],
                mobilisation_precisions=f"{session.start:%d/%m/%Y %H:%M} {session.place}".strip()[:2000],
            )
            row["id"] = f"{source}--{page.pk}-{session.pk}"
            yield row


def mentoring_services(source, locale, structures):
    from ...mentoring.models import MentoringPage

    pages = exported(MentoringPage.objects.all(), locale).filter(direction="offer", status="open")
    for page in pages.select_related("organisation").prefetch_related(*classification_prefetch()).order_by("path"):
        if page.organisation_id not in structures:
            continue
        yield service(
            page,
            source,
            page.organisation,
            type="accompagnement",
            modes_accueil=MENTORING_MODES.get(page.mentoring_format),
            mobilisable_par=["professionnels"],
        )


def services(locale=None):
    from wagtail.models import Locale

    locale = locale or Locale.get_default()
    source = source_id()
    structures = exported_ids(locale)
    rows = []
    for producer in (forum_services, training_services, mentoring_services):
        rows.extend(producer(source, locale, structures))
    return rows
