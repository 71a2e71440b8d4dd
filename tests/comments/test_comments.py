"""Comments on news items and forum reports: held until approved, the e-mail
address never shown, one level of threading, closed pages refuse, trusted
addresses publish directly, no 5xx on bad input."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from wagtail_reseau.comments.models import Comment, CommentSettings, CommentStatus, TrustedAddress

from .conftest import comment_data

pytestmark = pytest.mark.django_db

SECRET = "amina.secret@example.org"


def approve(comment):
    comment.status = CommentStatus.APPROVED
    comment.save()
    return comment


def test_the_form_is_on_a_news_item_in_the_visitors_language(client, news):
    response = client.get(news["item"].url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="comment-form"' in html
    assert 'name="comment-body"' in html and 'name="reseau_comment"' in html


def test_a_comment_is_held_until_approved_and_never_shows_the_email(client, news):
    item = news["item"]
    response = client.post(item.url, comment_data())
    assert response.status_code == 303
    assert "comment=held" in response["Location"]
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert comment.page_id == item.pk and comment.email == SECRET
    assert comment.consent_purpose == "comment" and comment.consented_at is not None

    html = client.get(item.url + "?comment=held").content.decode()
    assert "Merci pour ce compte rendu" not in html
    assert "modérat" in html or "moderator" in html  # the notice

    approve(comment)
    html = client.get(item.url).content.decode()
    assert "Merci pour ce compte rendu" in html
    assert "Amina Diallo" in html
    assert f'datetime="{timezone.localtime(comment.created_at).isoformat()}"' in html or "<time" in html
    assert SECRET not in html
    # Nor in the API, nor in the feeds.
    api = client.get(f"/api/v2/pages/{item.pk}/")
    assert api.status_code == 200 and SECRET not in api.content.decode()
    with translation.override("fr"):
        feed_url = reverse("wagtail_reseau_feed", kwargs={"key": "news", "syndication_format": "rss"})
    feed = client.get(feed_url)
    assert feed.status_code == 200 and SECRET not in feed.content.decode()


def test_errors_keep_everything_typed_in_the_visitors_language(client, news):
    item = news["item"]
    response = client.post(item.url, comment_data(**{"comment-email": "pas-une-adresse", "comment-consent": None}))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Merci pour ce compte rendu" in html  # the text typed is kept
    assert 'value="Amina Diallo"' in html
    assert "adresse" in html.lower()  # French error message
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"comment-body": "   "},
        {"comment-body": "x" * 6000},
        {"comment-author_name": "a\x00b"},
        {"comment-parent": "abc"},
        {"comment-parent": "99999999999999999999999"},
        {"comment-parent": "-4"},
        {"comment-email": "a" * 300 + "@example.org"},
    ],
)
def test_no_5xx_on_bad_input(client, news, changes):
    response = client.post(news["item"].url, comment_data(**changes))
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_the_honeypot_refuses(client, news):
    response = client.post(news["item"].url, comment_data(**{"comment-website": "http://spam.example"}))
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_threading_is_one_level(client, news):
    item = news["item"]
    client.post(item.url, comment_data())
    first = approve(Comment.objects.get())
    client.post(item.url, comment_data(**{"comment-parent": str(first.pk), "comment-body": "Une réponse."}))
    reply = approve(Comment.objects.exclude(pk=first.pk).get())
    assert reply.parent_id == first.pk
    # A reply to the reply answers the first comment: never deeper.
    client.post(item.url, comment_data(**{"comment-parent": str(reply.pk), "comment-body": "Et encore."}))
    third = Comment.objects.exclude(pk__in=[first.pk, reply.pk]).get()
    assert third.parent_id == first.pk
    approve(third)
    html = client.get(item.url).content.decode()
    assert html.count('class="reseau-comments__replies"') == 1
    assert "Une réponse." in html and "Et encore." in html
    # The reply link of a comment shows who is answered.
    html = client.get(f"{item.url}?reply_to={first.pk}").content.decode()
    assert f'name="comment-parent" value="{first.pk}"' in html


def test_a_reply_to_another_pages_comment_is_refused(client, news):
    client.post(news["items"][1].url, comment_data())
    other = approve(Comment.objects.get())
    response = client.post(news["item"].url, comment_data(**{"comment-parent": str(other.pk)}))
    assert response.status_code == 400
    assert Comment.objects.count() == 1


def test_a_closed_page_refuses_and_keeps_the_text(client, news):
    item = news["item"]
    CommentSettings.objects.create(page=item, closed=True)
    assert 'id="comment-form" method="post"' not in client.get(item.url).content.decode()
    response = client.post(item.url, comment_data())
    assert response.status_code == 403
    assert "Merci pour ce compte rendu" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_trusted_address_publishes_directly(client, news):
    TrustedAddress.trust("Amina.Secret@Example.org")
    item = news["item"]
    response = client.post(item.url, comment_data())
    assert "comment=published" in response["Location"]
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.APPROVED
    html = client.get(item.url).content.decode()
    assert "Merci pour ce compte rendu" in html and SECRET not in html


def test_an_error_on_a_forum_report_serves_the_report_again(client, forum):
    past = forum["past"]
    response = client.post(past.url, comment_data(**{"comment-author_name": ""}))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Compte rendu du forum." in html and "Merci pour ce compte rendu" in html
    assert 'aria-invalid="true"' in html


def test_comments_on_a_past_forum_with_a_report_only(client, forum):
    past, upcoming = forum["past"], forum["upcoming"]
    assert 'id="comment-form"' in client.get(past.url).content.decode()
    assert 'id="comment-form"' not in client.get(upcoming.url).content.decode()
    response = client.post(past.url, comment_data())
    assert response.status_code == 303
    assert Comment.objects.get().page_id == past.pk
    client.post(upcoming.url, comment_data())
    assert Comment.objects.count() == 1


def test_a_private_page_takes_no_comment_from_outside(client, news):
    from wagtail.models import PageViewRestriction

    item = news["item"]
    PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.LOGIN)
    response = client.post(item.url, comment_data())
    assert response.status_code == 302  # to the login page
    assert not Comment.objects.exists()


def test_the_purge_erases_name_and_email_and_keeps_the_text(client, news, settings):
    client.post(news["item"].url, comment_data())
    comment = approve(Comment.objects.get())
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timezone.timedelta(days=800))
    call_command("reseau_purge_personal_data", verbosity=0)
    comment.refresh_from_db()
    assert comment.email == "" and comment.author_name == "" and comment.erased_at is not None
    assert comment.body == "Merci pour ce compte rendu !"


def test_the_moderators_are_told_of_a_waiting_comment_without_the_email(
    client, news, django_capture_on_commit_callbacks
):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core import mail

    moderator = get_user_model().objects.create_user("moderatrice", "moderation@example.org", "password")
    moderator.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(news["item"].url, comment_data())
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["moderation@example.org"]
    assert "Nouvelle 0" in message.subject and "Merci pour ce compte rendu" in message.body
    assert SECRET not in message.body and "?status=pending" in message.body
    # A trusted address's comment is published: nobody is told.
    TrustedAddress.trust(SECRET)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(news["item"].url, comment_data(**{"comment-body": "Encore merci."}))
    assert len(mail.outbox) == 1
