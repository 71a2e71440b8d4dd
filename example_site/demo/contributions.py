"""Demo of issue 12's contributions to the practices: two proposals waiting in
the moderation queue (draft pages in the workflow), and practices with entries
in their reuse log (approved ones, counted in the catalogue, and one pending).
Idempotent: run again, nothing is added twice."""

import datetime

from django.test.utils import override_settings

from wagtail_reseau.core.privacy.consent import current_consent
from wagtail_reseau.models import GoodPracticeIndexPage, GoodPracticePage
from wagtail_reseau.practices.contributions.models import Proposal, ProposalStatus, Reuse, ReuseStatus
from wagtail_reseau.practices.contributions.proposals import submit

PROPOSALS = [
    {
        "key": "demo-proposal-cafe-parents",
        "title": "Le café des parents du mardi",
        "summary": "Chaque mardi matin, un temps d'échange entre parents autour d'un café, animé par une bénévole.",
        "what": "Un café convivial ouvert à tous les parents du quartier, sans inscription.",
        "who": "Une bénévole et la référente familles du centre social.",
        "why": "Rompre l'isolement des parents et faire émerger des projets collectifs.",
        "how": "Chaque mardi de 9 h à 11 h, dans la salle d'accueil, avec un thème proposé par les parents.",
        "results": "Trente familles venues au moins une fois la première année.",
        "links": "https://example.org/cafe-des-parents",
        "contact_name": "Amina Diallo",
        "contact_email": "amina.diallo@example.org",
        "organisation_name": "Centre social des Izards",
    },
    {
        "key": "demo-proposal-repair-cafe",
        "title": "Un repair café itinérant",
        "summary": "Des habitants réparent ensemble petits appareils et vélos, chaque mois dans un village différent.",
        "what": "Un atelier de réparation mobile, avec des bénévoles bricoleurs.",
        "who": "Un espace de vie sociale et trois communes rurales.",
        "why": "Réduire les déchets et créer du lien entre villages.",
        "how": "Un samedi par mois, une salle prêtée par la commune, un camion d'outils partagé.",
        "results": "",
        "links": "",
        "contact_name": "Louis Martin",
        "contact_email": "louis.martin@example.org",
        "organisation_name": "Espace de vie sociale du Val",
    },
]

REUSES = [
    # (practice position among the French practices, organisation, month, adaptation, result, status)
    (0, "Centre social de Bagatelle", (2024, 9), "Les ateliers ont lieu le samedi, avec les enfants.",
     "Une quarantaine de participants réguliers.", ReuseStatus.APPROVED),
    (0, "Maison des habitants de Figeac", (2025, 1), "Version rurale, avec un minibus pour venir.",
     "Deux communes voisines ont rejoint le projet.", ReuseStatus.APPROVED),
    (0, "Centre social du Mirail", (2025, 3), "Avec un partenariat de la médiathèque.",
     "Trop tôt pour le dire.", ReuseStatus.APPROVED),
    (1, "Espace de vie sociale de Lectoure", (2024, 11), "Un rythme mensuel plutôt qu'hebdomadaire.",
     "Des bénévoles nouveaux chaque mois.", ReuseStatus.APPROVED),
    (2, "Centre social de Pamiers", (2025, 5), "Adapté aux jeunes de 16 à 25 ans.",
     "", ReuseStatus.PENDING),
]  # fmt: skip


def _practices_index():
    return GoodPracticeIndexPage.objects.live().filter(locale__language_code="fr").order_by("path").first()


def _load_proposals(index, stdout):
    statement = current_consent("proposal", index.locale)
    created = 0
    for item in PROPOSALS:
        if Proposal.objects.filter(submission_key=item["key"]).exists():
            continue
        data = {name: value for name, value in item.items() if name != "key"}
        data["licence"] = "CC-BY-SA-4.0"
        proposal = Proposal(
            index=index,
            submission_key=item["key"],
            language_code=index.locale.language_code,
            title=item["title"],
            data=data,
            contact_name=item["contact_name"],
            contact_email=item["contact_email"],
            organisation_name=item["organisation_name"],
            status=ProposalStatus.DRAFT,
        )
        proposal.record_consent(statement)
        proposal.save()
        submit(proposal)  # a draft page in the list's workflow: the moderation queue
        created += 1
    return created


def _load_reuses(index, stdout):
    practices = list(GoodPracticePage.objects.live().child_of(index).order_by("path")[:3])
    statement = current_consent("reuse", index.locale)
    created = 0
    for position, organisation, (year, month), adaptation, result, status in REUSES:
        if position >= len(practices):
            continue
        practice = practices[position]
        if Reuse.objects.filter(practice=practice, organisation_name=organisation).exists():
            continue
        reuse = Reuse(
            practice=practice,
            organisation_name=organisation,
            started_on=datetime.date(year, month, 1),
            adaptation=adaptation,
            result=result,
            contact_name="Contact de démonstration",
            contact_email="demo@example.org",
            status=status,
        )
        reuse.record_consent(statement)
        reuse.save()  # an approved entry reindexes the practice (its count)
        created += 1
    return created


def load(stdout):
    index = _practices_index()
    if index is None:
        return
    # The demo's proposers and moderators do not need real e-mails.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        proposals = _load_proposals(index, stdout)
        reuses = _load_reuses(index, stdout)
    if proposals or reuses:
        stdout.write(f"Contributions: {proposals} proposals in moderation, {reuses} reuse entries.")
