"""The default vocabulary command: a tree of domains and territories, audiences
and organisation types, loaded once, translated, never overwriting editors."""

from io import StringIO

import pytest
from django.core.management import call_command

from wagtail_reseau import models as m

pytestmark = pytest.mark.django_db


def load(*args):
    out = StringIO()
    call_command("reseau_load_vocabulary", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_default_vocabulary_is_loaded_as_trees(locale_fr):
    load()
    health = m.DomainOfAction.objects.get(locale=locale_fr, slug="sante")
    assert health.parent is None
    assert health.children.exists()
    for slug in ["participation-des-habitants", "gouvernance", "logement", "bien-etre-et-societe"]:
        assert m.DomainOfAction.objects.filter(locale=locale_fr, slug=slug).exists(), slug
    occitanie = m.Territory.objects.get(locale=locale_fr, code="76")
    assert occitanie.kind == m.Territory.Kind.REGION
    assert m.OrganisationType.objects.filter(locale=locale_fr, code="CS").exists()
    assert m.OrganisationType.objects.filter(locale=locale_fr, code="EVS").exists()
    assert m.Audience.objects.filter(locale=locale_fr).count() >= 5


def test_loading_twice_keeps_editor_changes(locale_fr):
    load()
    counts = {model: model.objects.count() for model in (m.DomainOfAction, m.Territory, m.Audience)}
    health = m.DomainOfAction.objects.get(locale=locale_fr, slug="sante")
    health.name = "Santé et prévention"
    health.save()
    load()
    assert {model: model.objects.count() for model in counts} == counts
    health.refresh_from_db()
    assert health.name == "Santé et prévention"
    load("--update")
    health.refresh_from_db()
    assert health.name == "Santé"


def test_translations_share_slugs_and_follow_the_tree(locale_fr, locale_en):
    load("--translations")
    french = m.DomainOfAction.objects.filter(locale=locale_fr).exclude(parent=None).first()
    english = french.get_translation(locale_en)
    assert english.slug == french.slug
    assert english.name != "" and english.parent.locale == locale_en
    assert english.parent.translation_key == french.parent.translation_key
    assert m.DomainOfAction.objects.filter(locale=locale_en).count() == m.DomainOfAction.objects.filter(
        locale=locale_fr
    ).count()
