"""Demo of issue 12's mentoring in operation: answers and a request waiting for
moderation, approved answers (one not yet an agreement, to try the "Create an
agreement" button; the others turned into agreements), and agreements at each
stage of their lifecycle (with milestones and closing reports). Made already
decided: nobody is e-mailed. Idempotent: run again, nothing is added
twice. Built on the demo's mentoring pages (content.MENTORING)."""

import datetime

from django.utils import timezone

from wagtail_reseau.core.privacy.consent import current_consent
from wagtail_reseau.mentoring.agreements.models import (
    Agreement,
    AgreementStatus,
    MentoringSubmission,
    SubmissionKind,
    SubmissionStatus,
)
from wagtail_reseau.models import MentoringIndexPage, MentoringPage

OFFER_PROJECT = "accompagner-le-renouvellement-d-un-projet-social"
OFFER_FAMILIES = "mettre-en-place-un-conseil-des-familles"
OFFER_FUNDING = "lancer-une-campagne-de-financement-participatif"
REQUEST_EVS = "preparer-le-passage-d-evs-a-centre-social"
REQUEST_VOLUNTEERS = "structurer-le-benevolat-d-une-jeune-association"

SUBMISSIONS = [
    # (key organisation name, kind, answered page slug, status, title, message, contact)
    (
        "Maison des habitants du Mirail",
        SubmissionKind.ANSWER,
        OFFER_PROJECT,
        SubmissionStatus.PENDING,
        "",
        "Notre projet social arrive à échéance en juin : votre expérience nous aiderait à associer les habitants.",
        ("Nadia Benkirane", "nadia.benkirane@example.org"),
    ),
    (
        "Foyer rural de Saint-Sulpice",
        SubmissionKind.REQUEST,
        None,
        SubmissionStatus.PENDING,
        "Créer un accueil jeunes en milieu rural",
        "Nous cherchons une structure qui a ouvert un accueil jeunes dans un village, pour éviter les faux pas.",
        ("Julien Roux", "julien.roux@example.org"),
    ),
    (
        "Centre social du Vieux-Lille",
        SubmissionKind.ANSWER,
        OFFER_FAMILIES,
        SubmissionStatus.APPROVED,
        "",
        "Nous voulons donner plus de place aux familles dans nos instances.",
        ("Claire Lefebvre", "claire.lefebvre@example.org"),
    ),
    (
        "Espace de vie sociale Les Coteaux",
        SubmissionKind.ANSWER,
        OFFER_PROJECT,
        SubmissionStatus.APPROVED,
        "",
        "Premier projet social : nous aimerions être accompagnés pas à pas.",
        ("Marc Petit", "marc.petit@example.org"),
    ),
    (
        # Approved, not yet an agreement: its edit view shows "Create an agreement".
        "Centre socioculturel de Saint-Gaudens",
        SubmissionKind.ANSWER,
        OFFER_FAMILIES,
        SubmissionStatus.APPROVED,
        "",
        "Nous aimerions qu'un conseil des familles prépare avec nous la fête de quartier.",
        ("Hélène Fabre", "helene.fabre@example.org"),
    ),
    (
        "Association Quartiers solidaires",
        SubmissionKind.ANSWER,
        OFFER_FUNDING,
        SubmissionStatus.APPROVED,
        "",
        "Nous préparons une campagne de dons pour rénover notre local.",
        ("Sophie Garnier", "sophie.garnier@example.org"),
    ),
]


def _page(slug):
    return MentoringPage.objects.filter(slug=slug, locale__language_code="fr").first()


def load(stdout):
    index = MentoringIndexPage.objects.filter(locale__language_code="fr").first()
    if index is None:
        return
    statement = current_consent("mentoring", index.locale)
    submissions = {}
    created = 0
    for name, kind, slug, status, title, message, (contact, email) in SUBMISSIONS:
        submission = MentoringSubmission.objects.filter(organisation_name=name, index=index).first()
        if submission is None:
            submission = MentoringSubmission(
                kind=kind,
                index=index,
                page=_page(slug) if slug else None,
                organisation_name=name,
                title=title,
                message=message,
                contact_name=contact,
                contact_email=email,
                status=status,
                moderated_at=timezone.now() if status != SubmissionStatus.PENDING else None,
                language_code="fr",
            )
            submission.record_consent(statement)
            submission.save()
            created += 1
        submissions[name] = submission

    today = timezone.localdate()
    agreements = [
        # (offer, request page, submission, status, objectives, started days ago)
        (
            OFFER_FAMILIES,
            REQUEST_EVS,
            None,
            AgreementStatus.PROPOSED,
            "Préparer le dossier d'agrément centre social.",
            None,
        ),
        (
            OFFER_PROJECT,
            None,
            "Espace de vie sociale Les Coteaux",
            AgreementStatus.ACCEPTED,
            "Écrire un premier projet social avec les habitants.",
            None,
        ),
        (
            OFFER_FUNDING,
            REQUEST_VOLUNTEERS,
            None,
            AgreementStatus.UNDER_WAY,
            "Structurer l'accueil des bénévoles et lancer une première collecte.",
            45,
        ),
        (
            OFFER_FAMILIES,
            None,
            "Centre social du Vieux-Lille",
            AgreementStatus.COMPLETED,
            "Installer un conseil des familles.",
            200,
        ),
        (
            OFFER_FUNDING,
            None,
            "Association Quartiers solidaires",
            AgreementStatus.ABANDONED,
            "Préparer une campagne de dons.",
            120,
        ),
    ]
    order = [AgreementStatus.ACCEPTED, AgreementStatus.UNDER_WAY, AgreementStatus.COMPLETED]
    for offer_slug, request_slug, submission_name, status, objectives, days_ago in agreements:
        offer = _page(offer_slug)
        if offer is None:
            continue
        request = _page(request_slug) if request_slug else None
        submission = submissions.get(submission_name)
        lookup = {"offer": offer, "request": request, "submission": submission}
        if Agreement.objects.filter(**lookup).exists():
            continue
        mentee_name = request.contact_name if request else submission.contact_name
        mentee_email = request.contact_email if request else submission.contact_email
        agreement = Agreement(
            **lookup,
            objectives=objectives,
            mentor_name=offer.contact_name,
            mentor_email=offer.contact_email,
            mentee_name=mentee_name,
            mentee_email=mentee_email,
            proposed_on=today - datetime.timedelta(days=(days_ago or 10) + 20),
        )
        start = today - datetime.timedelta(days=days_ago) if days_ago else None
        if status == AgreementStatus.ABANDONED:
            agreement.move_to(AgreementStatus.ACCEPTED, on=start, save=False)
            agreement.move_to(AgreementStatus.ABANDONED, on=start + datetime.timedelta(days=30), save=False)
        else:
            for step in order[: order.index(status) + 1] if status in order else []:
                on = start or today
                if step == AgreementStatus.COMPLETED:
                    on = start + datetime.timedelta(days=150)
                agreement.move_to(step, on=on, save=False)
        if status in (AgreementStatus.UNDER_WAY, AgreementStatus.COMPLETED):
            agreement.planned_end = start + datetime.timedelta(days=180)
        if status == AgreementStatus.COMPLETED:
            agreement.mentor_report = "Six rencontres ; le conseil des familles s'est réuni trois fois."
            agreement.mentor_reported_at = timezone.now()
            agreement.mentee_report = "Un accompagnement précieux : les familles siègent désormais au conseil."
            agreement.mentee_reported_at = timezone.now()
        agreement.save()
        if status == AgreementStatus.UNDER_WAY:
            agreement.milestones.create(label="Point d'étape à mi-parcours", due_on=today + datetime.timedelta(days=45))
            agreement.milestones.create(label="Bilan et rapport de clôture", due_on=agreement.planned_end)
        created += 1
    stdout.write(f"Mentoring: {created} answers, requests and agreements created.")
