"""A mentoring answer or request is erased whole: the contact and the moderator's
comment (written to the visitor, it often names them), by ``erase()`` and by the
retention purge."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from wagtail_reseau.mentoring.agreements.models import MentoringSubmission, SubmissionKind, SubmissionStatus


def rejected_answer(data):
    return MentoringSubmission.objects.create(
        kind=SubmissionKind.ANSWER,
        index=data["index"],
        page=data["offer"],
        organisation_name="Maison de quartier du Mirail",
        message="Monter un budget participatif.",
        contact_name="Inès Martin",
        contact_email="ines@example.org",
        contact_phone="06 11 22 33 44",
        status=SubmissionStatus.REJECTED,
        moderator_comment="Bonjour Inès Martin, votre structure n'est pas encore adhérente.",
    )


def test_erase_blanks_the_moderators_comment(small_exchange):
    entry = rejected_answer(small_exchange)
    entry.erase()
    entry.refresh_from_db()
    assert entry.erased_at is not None
    assert (entry.contact_name, entry.contact_email, entry.contact_phone) == ("", "", "")
    assert entry.moderator_comment == ""
    assert entry.message == "Monter un budget participatif."


def test_the_purge_command_blanks_the_moderators_comment(small_exchange, settings):
    settings.WAGTAIL_RESEAU_MENTORING_RETENTION_MONTHS = 1
    old = rejected_answer(small_exchange)
    recent = rejected_answer(small_exchange)
    MentoringSubmission.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=60))
    call_command("reseau_purge_personal_data", stdout=io.StringIO())
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.erased_at is not None and old.moderator_comment == "" and old.contact_email == ""
    assert recent.erased_at is None and "Inès Martin" in recent.moderator_comment
