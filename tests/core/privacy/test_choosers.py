"""The snippet choosers of the models that hold personal data or unmoderated
submissions answer only those who may list the model: Wagtail's own chooser
checks no read permission, so an editor could read pending comments, trusted
addresses, proposals or mentoring submissions through it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail_reseau.comments.models import Comment, TrustedAddress
from wagtail_reseau.mentoring.agreements.models import Agreement, MentoringSubmission
from wagtail_reseau.practices.contributions.models import Proposal, Reuse

pytestmark = pytest.mark.django_db

GUARDED = [Comment, TrustedAddress, MentoringSubmission, Agreement, Proposal, Reuse]


def chooser_urls(model):
    namespace = f"wagtailsnippetchoosers_{model._meta.app_label}_{model._meta.model_name}"
    return [
        reverse(f"{namespace}:choose"),
        reverse(f"{namespace}:choose_results"),
        reverse(f"{namespace}:chosen", args=[1]),
    ]


def refused(response):
    """Refused the way Wagtail's admin refuses: back to the dashboard (or 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def editor(username, *permissions):
    user = get_user_model().objects.create_user(username, password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    for app_label, codename in permissions:
        # view_personal_data is declared by each model of the app; the check is by app.
        user.user_permissions.add(*Permission.objects.filter(codename=codename, content_type__app_label=app_label))
    return user


@pytest.mark.parametrize("model", GUARDED, ids=lambda model: model._meta.label)
def test_an_editor_without_the_permission_is_refused_every_chooser_view(client, model):
    client.force_login(editor("plain"))
    for url in chooser_urls(model):
        assert refused(client.get(url)), url


@pytest.mark.parametrize("model", GUARDED, ids=lambda model: model._meta.label)
def test_a_superuser_still_gets_the_chooser(admin_client, model):
    assert admin_client.get(chooser_urls(model)[0]).status_code == 200


def test_the_personal_data_permission_opens_the_chooser_of_its_own_app_only(client):
    """A proposal's chooser needs the contributions' view_personal_data (the model's
    listing needs it too); it does not open the mentoring submissions'."""
    client.force_login(editor("reader", ("reseau_contributions", "view_personal_data")))
    assert client.get(chooser_urls(Proposal)[0]).status_code == 200
    assert refused(client.get(chooser_urls(MentoringSubmission)[0]))


def test_a_comment_moderator_gets_the_comments_chooser(client):
    """Comments follow the model's own permissions, as their listing does."""
    client.force_login(editor("moderator", ("reseau_comments", "change_comment")))
    assert client.get(chooser_urls(Comment)[0]).status_code == 200
