"""Suggested pairs are ranked as documented (docs/mentoring.md), with reasons."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from wagtail_reseau.mentoring.agreements.matching import (
    score_pair,
    suggest_pairs,
    territory_distance,
)
from wagtail_reseau.mentoring.agreements.models import Agreement, AgreementStatus


@pytest.fixture(autouse=True)
def reasons_in_english():
    """The reasons are written in the active language: read them in English."""
    with translation.override("en"):
        yield


def test_territory_distance(exchange):
    vocab = exchange["vocab"]
    occitanie, haute_garonne = vocab["occitanie"], vocab["haute_garonne"]
    assert territory_distance(haute_garonne, haute_garonne) == 0
    assert territory_distance(occitanie, haute_garonne) == 1
    assert territory_distance(haute_garonne, occitanie) == 1
    assert territory_distance(haute_garonne, exchange["tarn"]) == 2
    assert territory_distance(haute_garonne, exchange["bretagne"]) is None


def test_pairs_ranked_by_documented_score(exchange):
    suggestions = suggest_pairs(include_zero=True)
    assert [(s.offer.pk, s.request.pk) for s in suggestions] == [
        (exchange["near"].pk, exchange["request"].pk),
        (exchange["sibling"].pk, exchange["request"].pk),
        (exchange["far"].pk, exchange["request"].pk),
    ]
    near, sibling, far = suggestions
    # 3 (one shared domain) + 3 (same territory) + 2 (formats) + 1 (availability)
    assert near.score == 9
    assert "Shared domain of action: Participation des habitants" in near.reasons
    assert "Same territory: Haute-Garonne" in near.reasons
    # 3 + 1 (siblings) + 2 (in person / both) + 1
    assert sibling.score == 7
    assert "Sibling territories: Tarn and Haute-Garonne" in sibling.reasons
    # no domain, far, remote / both: 0 + 0 + 2 + 1
    assert far.score == 3
    assert "No shared domain of action" in far.reasons
    assert "Far apart in the territory tree" in far.reasons


def test_format_and_availability_count(exchange):
    request, sibling = exchange["request"], exchange["sibling"]
    request.mentoring_format = "remote"
    request.available_until = datetime.date(2026, 1, 31)
    sibling.available_from = datetime.date(2026, 6, 1)
    suggestion = score_pair(sibling, request)
    assert suggestion.score == 3 + 1  # domain + siblings, formats differ, periods disjoint
    assert "Formats differ: one in person, the other remote" in suggestion.reasons
    assert "Availability periods do not overlap" in suggestion.reasons


def test_suggestions_leave_out_paired_and_closed(exchange):
    Agreement.objects.create(offer=exchange["near"], request=exchange["request"])
    exchange["far"].status = "closed"
    exchange["far"].save_revision().publish()
    pairs = [(s.offer.pk, s.request.pk) for s in suggest_pairs(include_zero=True)]
    assert pairs == [(exchange["sibling"].pk, exchange["request"].pk)]


def test_admin_suggestions_and_make_agreement(exchange, admin_client):
    response = admin_client.get(reverse("reseau_mentoring_admin:suggestions"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Offre proche" in content and "Same territory: Haute-Garonne" in content
    response = admin_client.post(
        reverse("reseau_mentoring_admin:make_agreement"),
        {"offer": exchange["near"].pk, "request": exchange["request"].pk},
    )
    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.status == AgreementStatus.PROPOSED
    assert agreement.mentee_email == "besoin.budget@example.org"
    # A wrong pair (two offers) is a 404, not a 5xx.
    response = admin_client.post(
        reverse("reseau_mentoring_admin:make_agreement"),
        {"offer": exchange["near"].pk, "request": exchange["far"].pk},
    )
    assert response.status_code == 404


def test_suggestions_need_permission(exchange, client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("staff", "s@example.org", "pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"))
    client.force_login(user)
    response = client.get(reverse("reseau_mentoring_admin:suggestions"))
    assert response.status_code in (302, 403)
