"""Closing a page's comments from its editor: the action menu and the header menu
link to a confirmation page that toggles the setting; visitors then see
"Comments are closed" and a post is refused."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail_reseau.comments.models import CommentSettings

from .conftest import comment_data

pytestmark = pytest.mark.django_db


def toggle_url(page):
    return reverse("reseau_comments_toggle", args=[page.pk])


def test_an_editor_closes_and_reopens_comments_from_the_page_editor(admin_client, news):
    item = news["item"]
    edit_url = reverse("wagtailadmin_pages:edit", args=[item.pk])
    editor = admin_client.get(edit_url).content.decode()
    # In the action menu and the header menu, both links to the toggle.
    assert editor.count(f'href="{toggle_url(item)}"') == 2
    assert "Close comments" in editor or "Fermer les commentaires" in editor

    confirm = admin_client.get(toggle_url(item), {"next": edit_url})
    assert confirm.status_code == 200 and 'name="close" value="1"' in confirm.content.decode()
    response = admin_client.post(toggle_url(item), {"next": edit_url, "close": "1"})
    assert response.status_code == 302 and response["Location"] == edit_url
    assert CommentSettings.objects.filter(page=item, closed=True).exists()
    assert 'name="close" value="0"' in admin_client.get(toggle_url(item)).content.decode()

    editor = admin_client.get(edit_url).content.decode()
    assert "Reopen comments" in editor or "Rouvrir les commentaires" in editor
    page = admin_client.get(item.url).content.decode()
    assert "Comments are closed on this page" in page or "Les commentaires sont fermés" in page
    assert 'name="comment-body"' not in page
    assert admin_client.post(item.url, comment_data()).status_code == 403

    admin_client.post(toggle_url(item), {"next": "https://elsewhere.example/", "close": "0"})
    assert not CommentSettings.objects.filter(page=item).exists()
    assert 'name="comment-body"' in admin_client.get(item.url).content.decode()


def test_not_offered_on_other_pages_nor_to_who_cannot_edit(client, admin_client, news, home):
    assert admin_client.get(toggle_url(home)).status_code == 404
    assert admin_client.get(toggle_url(news["index"])).status_code == 404
    assert toggle_url(home) not in admin_client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])).content.decode()
    reader = get_user_model().objects.create_user("lecteur", "l@example.org", "password", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    assert client.post(toggle_url(news["item"])).status_code in (302, 403)  # Wagtail: back to the dashboard
    assert not CommentSettings.objects.exists()


def test_a_double_submit_keeps_the_state_asked_for(admin_client, news):
    """The confirmation sent twice (a double click, a reload) closes the comments,
    and leaves them closed; a post without a valid state changes nothing."""
    item = news["item"]
    for _twice in range(2):
        assert admin_client.post(toggle_url(item), {"close": "1"}).status_code == 302
        assert CommentSettings.objects.filter(page=item, closed=True).exists()
    for _twice in range(2):
        admin_client.post(toggle_url(item), {"close": "0"})
        assert not CommentSettings.objects.filter(page=item).exists()
    for garbage in ({}, {"close": "yes"}, {"close": ""}):
        response = admin_client.post(toggle_url(item), garbage)
        assert response.status_code == 302 and response["Location"].startswith(toggle_url(item))
        assert not CommentSettings.objects.filter(page=item).exists()
