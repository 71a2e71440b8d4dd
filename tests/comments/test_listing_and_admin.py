"""The comment count on news cards (constant queries), and moderation in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail_reseau import models as m
from wagtail_reseau.comments.models import Comment, CommentStatus, TrustedAddress

from tests.conftest import in_days, publish

pytestmark = pytest.mark.django_db

SECRET = "amina.secret@example.org"


def add_comments(page, approved, pending=1):
    for i in range(approved):
        Comment.objects.create(
            page=page, author_name=f"P{i}", email=SECRET, body="Bravo", status=CommentStatus.APPROVED
        )
    for _i in range(pending):
        Comment.objects.create(page=page, author_name="X", email=SECRET, body="En attente")


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_the_count_shows_on_news_cards_with_constant_queries(client, news):
    index, items = news["index"], news["items"]
    add_comments(items[0], approved=2)
    add_comments(items[1], approved=1)
    client.get(index.url)  # warm the caches
    few, html = queries_for(client, index.url)
    # (French once the catalogue is compiled: "2 commentaires")
    assert 'reseau-meta__comments">2 comment' in html and 'reseau-meta__comments">1 comment' in html
    assert "En attente" not in html
    for i in range(3, 9):
        add_comments(publish(index, m.NewsPage(title=f"Nouvelle {i}", slug=f"nouvelle-{i}")), approved=1)
    client.get(index.url)
    many, html = queries_for(client, index.url)
    assert html.count('reseau-meta__comments">1 comment') == 7
    assert many == few


def test_the_count_shows_on_forum_cards_with_constant_queries(client, forum):
    """Past forums with a report show their count; an upcoming one (no comments taken)
    shows none and costs no query."""
    index = forum["past"].get_parent().specific
    add_comments(forum["past"], approved=2)
    client.get(index.url)  # warm the caches
    few, html = queries_for(client, index.url)
    assert html.count('reseau-meta__comments">2 comment') == 1
    assert html.count("reseau-meta__comments") == 1
    for i in range(6):
        past = publish(
            index,
            m.ForumPage(
                title=f"Forum {i}",
                slug=f"forum-{i}",
                summary="Une rencontre.",
                start=in_days(-20 - i, 9),
                venue_name="Maison des associations",
                report_summary="<p>Compte rendu.</p>",
            ),
        )
        add_comments(past, approved=1)
    client.get(index.url)
    many, html = queries_for(client, index.url)
    assert html.count('reseau-meta__comments">1 comment') == 6
    assert many == few


@pytest.fixture
def moderator(db):
    """An editor who moderates comments, without the personal-data permission."""
    user = get_user_model().objects.create_user("moderateur", "m@example.org", "password", is_staff=True)
    group = Group.objects.create(name="Modération des commentaires")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="reseau_comments").exclude(codename="view_personal_data"),
    )
    user.groups.add(group)
    return user


def bulk_url(action, comments):
    url = reverse("wagtail_bulk_action", args=("reseau_comments", "comment", action))
    return url + "?" + "&".join(f"id={comment.pk}" for comment in comments)


def test_bulk_moderation_approve_spam_and_trust(client, news, moderator):
    item = news["item"]
    add_comments(item, approved=0, pending=3)
    first, second, third = Comment.objects.order_by("pk")
    client.force_login(moderator)
    listing = client.get(reverse("wagtailsnippets_reseau_comments_comment:list"))
    assert listing.status_code == 200
    assert SECRET not in listing.content.decode()
    response = client.post(bulk_url("approve_comments", [first]), {})
    assert response.status_code == 302
    response = client.post(bulk_url("spam_comments", [second]), {})
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "approved", second.pk: "spam", third.pk: "pending"}
    # Trusting needs the trusted addresses' permission (here given): the address is then trusted.
    response = client.post(bulk_url("trust_comments", [third]), {})
    third.refresh_from_db()
    assert third.status == CommentStatus.APPROVED
    assert TrustedAddress.is_trusted(SECRET)


def test_the_email_is_hidden_from_moderators_without_the_permission(client, news, moderator):
    add_comments(news["item"], approved=0, pending=1)
    comment = Comment.objects.get()
    client.force_login(moderator)
    edit = client.get(reverse("wagtailsnippets_reseau_comments_comment:edit", args=[comment.pk]))
    assert edit.status_code == 200
    assert SECRET not in edit.content.decode()
    # The trusted addresses need the permission too.
    assert client.get(reverse("wagtailsnippets_reseau_comments_trustedaddress:list")).status_code in (302, 403)
    moderator.groups.first().permissions.add(
        Permission.objects.get(codename="view_personal_data", content_type__app_label="reseau_comments")
    )
    moderator = get_user_model().objects.get(pk=moderator.pk)
    client.force_login(moderator)
    edit = client.get(reverse("wagtailsnippets_reseau_comments_comment:edit", args=[comment.pk]))
    assert SECRET in edit.content.decode()
    assert client.get(reverse("wagtailsnippets_reseau_comments_trustedaddress:list")).status_code == 200
