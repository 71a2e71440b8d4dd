"""The reuse log ("We did it too"): moderated before it shows, counted on the
practice and in the catalogue ("most reused" sort, "reused at least once"
facet) on both engines; contacts only with ``view_personal_data``."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import override_settings

from wagtail_reseau import models as m
from wagtail_reseau.catalogue.models import CatalogueEntry
from wagtail_reseau.practices.contributions.models import Reuse, ReuseStatus

from tests.conftest import publish

pytestmark = pytest.mark.django_db

ENGINES = ["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


@pytest.fixture(params=ENGINES)
def engine_name(request):
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch_settings")
        yield request.param
        return
    with override_settings(WAGTAIL_RESEAU_CATALOGUE_ENGINE=request.param):
        yield request.param


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def site(home, vocab, commit, moderators):
    with commit():
        index = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
        garden = publish(index, m.GoodPracticePage(title="Jardin partagé", slug="jardin", summary="Cultiver."))
        cafe = publish(index, m.GoodPracticePage(title="Café des parents", slug="cafe", summary="Échanger."))
        catalogue = publish(home, m.CataloguePage(title="Catalogue", slug="catalogue"))
    return {"index": index, "garden": garden, "cafe": cafe, "catalogue": catalogue, "vocab": vocab}


def reuse_data(vocab, **changes):
    data = {
        "organisation_name": "Espace de vie sociale du Mirail",
        "territory": [vocab["haute_garonne"].pk],
        "started_on": "2025-09-01",
        "adaptation": "Un jardin sur le toit, avec l'école voisine.",
        "result": "Quinze familles jardinent.",
        "contact_name": "Louis Martin",
        "contact_email": "louis@example.org",
        "consent": "on",
    }
    data.update(changes)
    return data


def search(client, catalogue, **params):
    response = client.get(catalogue.url, {"format": "json", **params})
    assert response.status_code == 200, response.content[:300]
    return response.json()


def test_a_reuse_waits_for_moderation_then_shows_with_its_count(client, site, commit):
    garden = site["garden"]
    form_url = garden.url + garden.reverse_subpage("reuse_form")
    assert form_url in client.get(garden.url).content.decode()
    with commit():
        response = client.post(form_url, reuse_data(site["vocab"]))
    assert response.status_code == 200
    reuse = Reuse.objects.get()
    assert reuse.status == ReuseStatus.PENDING and reuse.consent_purpose == "reuse"
    assert reuse.territory == site["vocab"]["haute_garonne"]
    assert any(message.to == ["moderation@example.org"] for message in mail.outbox)
    page = client.get(garden.url).content.decode()
    assert "Espace de vie sociale du Mirail" not in page
    with commit():
        reuse.status = ReuseStatus.APPROVED
        reuse.save()
    page = client.get(garden.url).content.decode()
    assert "Espace de vie sociale du Mirail" in page and "Réutilisée" in page or "Reused once elsewhere" in page
    assert "louis@example.org" not in page and "Louis Martin" not in page


def test_the_reuse_form_keeps_what_was_typed_on_error(client, site):
    garden = site["garden"]
    form_url = garden.url + garden.reverse_subpage("reuse_form")
    response = client.post(form_url, reuse_data(site["vocab"], organisation_name="", contact_email="nope"))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and "Un jardin sur le toit" in html
    assert not Reuse.objects.exists()


def test_approved_reuses_sort_and_filter_the_catalogue(engine_name, client, site, commit):
    catalogue, garden, cafe = site["catalogue"], site["garden"], site["cafe"]
    with commit():
        # The newest practice comes first by date; reuses reorder "most reused".
        for name in ("Centre social A", "Centre social B"):
            Reuse.objects.create(practice=garden, organisation_name=name, status=ReuseStatus.APPROVED)
        Reuse.objects.create(practice=cafe, organisation_name="Centre social C", status=ReuseStatus.PENDING)
    data = search(client, catalogue, sort="reused")
    assert [hit["title"] for hit in data["results"]][:2] == ["Jardin partagé", "Café des parents"]
    reused = search(client, catalogue, reused="yes")
    assert [hit["title"] for hit in reused["results"]] == ["Jardin partagé"]
    with commit():
        for name in ("Centre social C", "Centre social D", "Centre social E"):
            Reuse.objects.update_or_create(
                practice=cafe, organisation_name=name, defaults={"status": ReuseStatus.APPROVED}
            )
        for reuse in Reuse.objects.filter(practice=cafe):  # save(): the signal reindexes
            reuse.save()
    data = search(client, catalogue, sort="reused")
    assert [hit["title"] for hit in data["results"]][:2] == ["Café des parents", "Jardin partagé"]
    assert len(search(client, catalogue, reused="yes")["results"]) == 2
    if engine_name == "database":
        assert CatalogueEntry.objects.get(page_id=cafe.pk).reuse_count == 3


def test_the_sort_is_offered_only_where_practices_are_searched(client, site, commit, home):
    with commit():
        forums_only = publish(home, m.CataloguePage(title="Forums", slug="forums", content_types=["forum"]))
    assert "reused" in client.get(site["catalogue"].url).content.decode()
    data = search(client, forums_only, sort="reused")
    assert any(item["parameter"] == "sort" for item in data.get("ignored", []))


def test_staff_record_a_reuse_and_contacts_need_the_permission(client, site, admin_client):
    listing = admin_client.get("/admin/snippets/reseau_contributions/reuse/")
    assert listing.status_code == 200
    add = admin_client.get("/admin/snippets/reseau_contributions/reuse/add/")
    assert add.status_code == 200 and 'name="contact_email"' in add.content.decode()
    editor = get_user_model().objects.create_user("editrice", "e@example.org", "password", is_staff=True)
    group = Group.objects.create(name="Éditeurs")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="reseau_contributions", codename__endswith="_reuse"),
    )
    editor.groups.add(group)
    reuse = Reuse.objects.create(
        practice=site["garden"], organisation_name="Centre X", contact_email="secret@example.org"
    )
    client.force_login(editor)
    edit = client.get(f"/admin/snippets/reseau_contributions/reuse/edit/{reuse.pk}/")
    assert edit.status_code == 200
    assert "secret@example.org" not in edit.content.decode()
    # The proposals' admin needs the permission even to list.
    assert client.get("/admin/snippets/reseau_contributions/proposal/").status_code in {302, 403}
    group.permissions.add(
        Permission.objects.get(
            codename="view_personal_data", content_type__app_label="reseau_contributions", content_type__model="reuse"
        )
    )
    editor = get_user_model().objects.get(pk=editor.pk)
    client.force_login(editor)
    edit = client.get(f"/admin/snippets/reseau_contributions/reuse/edit/{reuse.pk}/")
    assert "secret@example.org" in edit.content.decode()


def test_moderators_approve_and_reject_from_the_listing(site, admin_client, commit):
    pending = [
        Reuse.objects.create(practice=site["garden"], organisation_name=name) for name in ("Centre A", "Centre B")
    ]
    ids = "&".join(f"id={reuse.pk}" for reuse in pending)
    url = f"/admin/bulk/reseau_contributions/reuse/approve/?{ids}"
    confirm = admin_client.get(url)
    assert confirm.status_code == 200 and "Centre A" in confirm.content.decode()
    with commit():
        response = admin_client.post(url)
    assert response.status_code == 302
    assert set(Reuse.objects.values_list("status", flat=True)) == {ReuseStatus.APPROVED}
    assert CatalogueEntry.objects.get(page_id=site["garden"].pk).reuse_count == 2
    with commit():
        admin_client.post(f"/admin/bulk/reseau_contributions/reuse/reject/?id={pending[0].pk}")
    assert Reuse.objects.get(pk=pending[0].pk).status == ReuseStatus.REJECTED
    assert CatalogueEntry.objects.get(page_id=site["garden"].pk).reuse_count == 1
