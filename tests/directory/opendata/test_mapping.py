"""Domains of action -> data·inclusion thematiques, audiences -> publics: the
lists kept in our code are the official ones, the terms' fields and their admin,
and the suggestions of ``reseau_map_datainclusion``."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from wagtail_reseau import models as m
from wagtail_reseau.directory.opendata import suggest
from wagtail_reseau.taxonomy import datainclusion


def test_our_lists_are_the_official_package_s():
    schema = pytest.importorskip("data_inclusion.schema.v1")
    assert list(datainclusion.THEMATIQUES) == [(item.value, item._label) for item in schema.Thematique]
    assert datainclusion.CATEGORIES == {item.value: item._label for item in schema.Categorie}
    assert list(datainclusion.PUBLICS) == [(item.value, item._label) for item in schema.Public]
    assert datainclusion.ALL_PUBLICS == schema.Public.TOUS_PUBLICS.value


def test_suggestions_by_name_in_any_language():
    themes, publics = suggest.THEMATIQUE_RULES, suggest.PUBLIC_RULES
    assert suggest.suggest(["Santé mentale"], themes, datainclusion.THEMATIQUES) == [
        "sante--sante-mentale",
        "sante--acces-aux-soins",
    ]
    assert suggest.suggest(["Inclusion numérique", "Digital inclusion"], themes, datainclusion.THEMATIQUES)[0] == (
        "numerique--maitriser-les-fondamentaux-du-numerique"
    )
    assert suggest.suggest(["Fonction employeur", "Employer responsibilities"], themes, datainclusion.THEMATIQUES) == []
    assert suggest.suggest(["Lien social"], themes, datainclusion.THEMATIQUES) == ["remobilisation--lien-social"]
    assert suggest.suggest(["Jeunes"], publics, datainclusion.PUBLICS) == ["jeunes"]
    # "tous-publics" cannot be combined: everyone wins.
    assert suggest.suggest(["Habitants et jeunes"], publics, datainclusion.PUBLICS) == ["tous-publics"]
    assert suggest.suggest(["Bénévoles"], publics, datainclusion.PUBLICS) == []
    # A name equal to a schema label is that value.
    assert suggest.suggest(["Personnes exilées"], publics, datainclusion.PUBLICS) == ["personnes-exilees"]


@pytest.mark.django_db
def test_term_fields_validate_and_a_sub_domain_inherits(vocab):
    health, prevention = vocab["health"], vocab["prevention"]
    health.datainclusion_thematiques = ["sante--acces-aux-soins"]
    health.save()
    prevention.refresh_from_db()
    assert prevention.get_datainclusion_thematiques() == ["sante--acces-aux-soins"]
    prevention.datainclusion_thematiques = ["sante--addictions"]
    assert prevention.get_datainclusion_thematiques() == ["sante--addictions"]
    prevention.datainclusion_thematiques = ["not-a-theme"]
    with pytest.raises(ValidationError) as error:
        prevention.full_clean()
    assert "datainclusion_thematiques" in error.value.message_dict
    volunteers = vocab["volunteers"]
    volunteers.datainclusion_publics = ["tous-publics", "jeunes"]
    with pytest.raises(ValidationError) as error:
        volunteers.full_clean()
    assert "datainclusion_publics" in error.value.message_dict
    volunteers.datainclusion_publics = ["jeunes", "familles"]
    volunteers.full_clean()


@pytest.mark.django_db
def test_admin_edit_form_offers_the_schema_values(vocab, admin_client):
    health = vocab["health"]
    url = reverse("wagtailsnippets_wagtail_reseau_domainofaction:edit", args=[health.pk])
    html = admin_client.get(url).content.decode()
    assert 'name="datainclusion_thematiques"' in html and 'value="sante--sante-mentale"' in html
    url = reverse("wagtailsnippets_wagtail_reseau_audience:edit", args=[vocab["volunteers"].pk])
    html = admin_client.get(url).content.decode()
    assert 'value="personnes-en-situation-de-handicap"' in html


@pytest.mark.django_db
def test_command_suggests_on_the_default_vocabulary_dry_run_then_applies(locale_fr, locale_en, settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES = [("fr", "French"), ("en", "English")]
    call_command("reseau_load_vocabulary", stdout=io.StringIO(), stderr=io.StringIO())
    digital = m.DomainOfAction.objects.get(slug="inclusion-numerique", locale=locale_fr)
    youth = m.Audience.objects.get(slug="jeunes", locale=locale_fr)
    assert m.Audience.objects.filter(translation_key=youth.translation_key).count() == 2
    women = m.Audience.objects.get(slug="femmes", locale=locale_fr)
    m.Audience.objects.filter(translation_key=women.translation_key).update(datainclusion_publics=["familles"])

    out = io.StringIO()
    with translation.override("en"):  # the command's messages, read in English
        call_command("reseau_map_datainclusion", "--suggest", stdout=out)
    assert "inclusion-numerique" in out.getvalue() and "dry run" in out.getvalue()
    digital.refresh_from_db()
    assert digital.datainclusion_thematiques == []  # nothing written

    call_command("reseau_map_datainclusion", "--suggest", "--apply", stdout=io.StringIO())
    digital.refresh_from_db()
    assert "numerique--maitriser-les-fondamentaux-du-numerique" in digital.datainclusion_thematiques
    # Every translation carries the mapping (a synchronised field).
    assert {term.datainclusion_publics[0] for term in m.Audience.objects.filter(slug="jeunes")} == {"jeunes"}
    assert m.Audience.objects.get(slug="tout-public", locale=locale_fr).datainclusion_publics == ["tous-publics"]
    assert m.DomainOfAction.objects.get(slug="fonction-employeur", locale=locale_fr).datainclusion_thematiques == []
    women.refresh_from_db()
    assert women.datainclusion_publics == ["familles"]  # an editor's mapping stays

    out = io.StringIO()
    with translation.override("en"):
        call_command("reseau_map_datainclusion", stdout=out)
    assert "jeunes" in out.getvalue() and "without a mapping" in out.getvalue()
