"""Demo of issue 12's comments: approved comments (one with a reply) and pending
ones on a French news item and on a past forum's report, and one trusted
address. Idempotent: run again, nothing is added twice."""

import datetime

from django.utils import timezone

from wagtail_reseau.comments.models import Comment, CommentStatus, TrustedAddress
from wagtail_reseau.core.privacy.consent import current_consent
from wagtail_reseau.models import ForumPage, NewsPage

NEWS_COMMENTS = [
    # (name, e-mail, text, status, days ago, reply to the comment at this position)
    ("Amina Diallo", "amina.diallo@example.org",
     "Merci pour cette nouvelle ! Nous aimerions faire la même chose dans notre quartier.",
     CommentStatus.APPROVED, 6, None),
    ("Louis Martin", "louis.martin@example.org",
     "Bonne idée : contactez-nous, nous avons un guide à partager.", CommentStatus.APPROVED, 5, 0),
    ("Claire Petit", "claire.petit@example.org",
     "Est-ce que les ateliers sont ouverts aux habitants des communes voisines ?", CommentStatus.PENDING, 1, None),
]  # fmt: skip

REPORT_COMMENTS = [
    ("Nadia Benali", "nadia.benali@example.org",
     "Un grand merci aux intervenants, les échanges de l'après-midi étaient passionnants.",
     CommentStatus.APPROVED, 4, None),
    ("Paul Girard", "paul.girard@example.org",
     "Les supports des ateliers seront-ils mis en ligne ?", CommentStatus.PENDING, 2, None),
]  # fmt: skip


def _news_item():
    return NewsPage.objects.live().public().filter(locale__language_code="fr").order_by("-date", "pk").first()


def _report():
    now = timezone.now()
    forums = ForumPage.objects.live().public().filter(locale__language_code="fr", start__lt=now).order_by("-start")
    return next((forum for forum in forums if forum.has_report and not forum.is_upcoming), None)


def _add(page, rows):
    statement = current_consent("comment", page.locale)
    created = []
    added = 0
    for name, email, body, status, days, reply_to in rows:
        comment = Comment.objects.filter(page=page, body=body).first()
        if comment is None:
            comment = Comment(
                page=page,
                parent=created[reply_to] if reply_to is not None else None,
                author_name=name,
                email=email,
                body=body,
                status=status,
                language_code="fr",
                moderated_at=timezone.now() if status == CommentStatus.APPROVED else None,
            )
            comment.record_consent(statement)
            comment.created_at = timezone.now() - datetime.timedelta(days=days)
            comment.save()
            added += 1
        created.append(comment)
    return added


def load(stdout):
    added = 0
    news = _news_item()
    if news is not None:
        added += _add(news, NEWS_COMMENTS)
    report = _report()
    if report is not None:
        added += _add(report, REPORT_COMMENTS)
    if not TrustedAddress.objects.filter(email="louis.martin@example.org").exists():
        TrustedAddress.trust("louis.martin@example.org")
        TrustedAddress.objects.filter(email="louis.martin@example.org").update(note="Louis Martin, EVS du Val")
    if added:
        stdout.write(f"Comments: {added} comments (approved and waiting for moderation).")
