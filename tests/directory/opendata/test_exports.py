"""Open-data exports: every row validated with data·inclusion's official schema
package, drafts and private pages never exported, HSDS shape, quality score."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from wagtail_reseau import models as m
from wagtail_reseau.directory.opendata import hsds, quality, services, structures

from tests.conftest import publish

schema = pytest.importorskip("data_inclusion.schema.v1")

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(directory, federation, social_centre, vocab):
    """A live organisation, a draft, a private one, an upcoming forum, a training session, a mentoring offer."""
    draft = m.OrganisationPage(title="Centre en brouillon", slug="brouillon", siret="73282932000074", live=False)
    directory.add_child(instance=draft)
    draft.save_revision()
    private_index = publish(directory.get_parent().specific, m.OrganisationIndexPage(title="Privé", slug="prive"))
    PageViewRestriction.objects.create(page=private_index, restriction_type="login")
    private = publish(private_index, m.OrganisationPage(title="Centre réservé", slug="reserve"))
    home = directory.get_parent().specific
    forums = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    start = timezone.now() + datetime.timedelta(days=10)
    forum = publish(
        forums,
        m.ForumPage(
            title="Forum de la participation", slug="forum", start=start, organiser=social_centre,
            summary="Un forum pour échanger sur la participation des habitants.", venue_name="Capitole",
            venue_address="1 place du Capitole",
            external_registration_url="https://example.org/inscription",
        ),
    )  # fmt: skip
    past = start - datetime.timedelta(days=400)
    old = m.ForumPage(title="Forum passé", slug="passe", start=past, venue_name="Salle", organiser=social_centre)
    publish(forums, old)
    trainings = publish(home, m.TrainingIndexPage(title="Formations", slug="formations"))
    training = publish(trainings, m.TrainingCapsulePage(title="Animer un conseil", slug="animer", provider=federation,
                                                        summary="Une formation pour animer."))  # fmt: skip
    training.sessions.create(start=start, place="Toulouse", registration_url="https://example.org/session")
    training.save_revision().publish()
    mentoring = publish(home, m.MentoringIndexPage(title="Parrainage", slug="parrainage"))
    offer = publish(mentoring, m.MentoringPage(title="Parrainage de jeunes centres", slug="offre",
                                               organisation=social_centre, summary="Nous accompagnons."))  # fmt: skip
    return {"draft": draft, "private": private, "forum": forum, "training": training, "offer": offer,
            "live": [federation, social_centre]}  # fmt: skip


def validate_structures(rows):
    return [schema.Structure.model_validate(row, context={"ignore_warnings": False}) for row in rows]


def test_structures_validate_and_exclude_drafts_and_private(network, client):
    rows = structures.structures()
    validate_structures(rows)
    assert {row["nom"] for row in rows} == {page.title for page in network["live"]}
    izards = next(row for row in rows if row["nom"] == "Centre social des Izards")
    assert izards["siret"] == "73282932000074" and izards["code_insee"] == "31555"
    assert izards["horaires_accueil"] == "Mo 09:00-12:00"
    assert izards["lien_source"].startswith("http")

    response = client.get("/opendata/structures-json/")
    assert response.status_code == 200 and response["X-Licence"] == "etalab-2.0"
    assert "license" in response["Link"]
    body = response.content.decode()
    assert "brouillon" not in body and "réservé" not in body
    validate_structures(json.loads(body))


def test_structures_csv_rows_validate(network, client):
    response = client.get("/opendata/structures-csv/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 2
    for row in rows:
        values = {key: (value or None) for key, value in row.items()}
        values["reseaux_porteurs"] = values["reseaux_porteurs"].split(",") if values["reseaux_porteurs"] else None
        schema.Structure.model_validate(values)


def test_services_validate_and_belong_to_exported_structures(network, client):
    rows = services.services()
    validated = [schema.Service.model_validate(row) for row in rows]
    by_type = {service.type.value: service for service in validated}
    assert set(by_type) == {"atelier", "formation", "accompagnement"}
    assert "Forum passé" not in {row["nom"] for row in rows}
    structure_ids = {row["id"] for row in structures.structures()}
    assert {row["structure_id"] for row in rows} <= structure_ids
    # The official package's own quality score applies to services.
    from data_inclusion.schema.v1 import score_qualite

    score, _criteria = score_qualite.score(by_type["atelier"])
    assert 0 <= score <= 1
    response = client.get("/opendata/services-csv/")
    assert response.status_code == 200 and "Forum de la participation" in response.content.decode()


def test_services_carry_the_themes_and_publics_of_their_domains_and_audiences(network, vocab, client):
    """A forum classified under a sub-domain whose parent is mapped, and an
    audience mapped to publics: the service gets them, still validates, and the
    official quality score rises."""
    from data_inclusion.schema.v1 import score_qualite

    def scores():
        rows = {row["nom"]: schema.Service.model_validate(row) for row in services.services()}
        return rows, {name: score_qualite.score(service) for name, service in rows.items()}

    forum, offer = network["forum"], network["offer"]
    forum.domains.set([vocab["prevention"]])
    forum.audiences.set([vocab["volunteers"]])
    forum.save()
    _rows, before = scores()
    assert before["Forum de la participation"][1]["au_moins_une_thematique"] == 0.0

    vocab["health"].datainclusion_thematiques = ["sante--acces-aux-soins", "remobilisation--lien-social"]
    vocab["health"].save()
    vocab["volunteers"].datainclusion_publics = ["jeunes", "familles"]
    vocab["volunteers"].save()
    vocab["participation"].datainclusion_thematiques = ["remobilisation--benevolat-action-citoyenne"]
    vocab["participation"].save()
    everyone = m.Audience.objects.create(name="Tout public", slug="tout-public", locale=vocab["health"].locale,
                                         datainclusion_publics=["tous-publics"])  # fmt: skip
    offer.domains.set([vocab["participation"], vocab["prevention"]])
    offer.audiences.set([vocab["volunteers"], everyone])
    offer.save()

    rows, after = scores()
    forum_row = rows["Forum de la participation"]
    # In the schema's order, whatever the order they were given in.
    assert [t.value for t in sorted(forum_row.thematiques, key=list(schema.Thematique).index)] == [
        "remobilisation--lien-social",
        "sante--acces-aux-soins",
    ]
    assert {p.value for p in forum_row.publics} == {"jeunes", "familles"}
    assert forum_row.publics_precisions == "Bénévoles"
    # "tous-publics" alone when one audience is everyone (the schema forbids mixing it).
    assert {p.value for p in rows["Parrainage de jeunes centres"].publics} == {"tous-publics"}
    assert len(rows["Parrainage de jeunes centres"].thematiques) == 3
    # The sample's official score: two criteria more at 1 (a theme, a public).
    old, new = before["Forum de la participation"], after["Forum de la participation"]
    assert new[1]["au_moins_une_thematique"] == new[1]["au_moins_un_public"] == 1.0
    applicable = [value for value in new[1].values() if value is not None]
    assert new[0] == pytest.approx(old[0] + 2 / len(applicable), abs=0.011)
    assert (old[0], new[0]) == (0.56, 0.81)  # 8 criteria apply: 4.5 -> 6.5 (docs/opendata.md)
    # Untouched: the training (no domain) has none.
    assert rows["Animer un conseil"].thematiques is None

    # JSON and CSV both carry them; the CSV's lists are comma-separated cells.
    data = {row["nom"]: row for row in json.loads(client.get("/opendata/services-json/").content)}
    assert data["Forum de la participation"]["publics"] == ["familles", "jeunes"]  # the schema's order
    for row in csv.DictReader(io.StringIO(client.get("/opendata/services-csv/").content.decode())):
        values = {key: (value or None) for key, value in row.items()}
        for key in ("thematiques", "publics", "modes_accueil", "modes_mobilisation", "mobilisable_par"):
            values[key] = values[key].split(",") if values[key] else None
        service = schema.Service.model_validate(values)
        if row["nom"] == "Forum de la participation":
            assert {t.value for t in service.thematiques} == {"sante--acces-aux-soins", "remobilisation--lien-social"}


def test_a_draft_or_private_organiser_takes_its_services_along(network, directory):
    network["forum"].organiser = network["draft"]
    network["forum"].save_revision().publish()
    assert "Forum de la participation" not in {row["nom"] for row in services.services()}


def test_hsds_organizations(network, client):
    response = client.get("/opendata/hsds-organizations-json/")
    organizations = json.loads(response.content)
    assert {org["name"] for org in organizations} == {page.title for page in network["live"]}
    ids = {org["id"] for org in organizations}
    for org in organizations:
        assert {"id", "name", "description"} <= set(org) and org["description"]
        for location in org["locations"]:
            assert location["location_type"] == "physical" and location["id"]
            for address in location["addresses"]:
                for key in ("id", "address_1", "city", "state_province", "postal_code", "country", "address_type"):
                    assert key in address
                assert address["country"] == "FR"
        if org["parent_organization_id"]:
            assert org["parent_organization_id"] in ids
    izards = next(org for org in organizations if org["name"] == "Centre social des Izards")
    assert izards["identifiers"][0]["identifier"] == "73282932000074"
    assert izards["locations"][0]["latitude"] == 43.633
    assert hsds.organizations() == organizations  # stable identifiers


def test_index_names_datasets_and_licence(network, client, settings):
    settings.WAGTAIL_RESEAU_OPENDATA_LICENCE = "ODbL-1.0"
    data = client.get("/opendata/").json()
    assert data["licence"] == "ODbL-1.0" and "opendatacommons" in data["licence_url"]
    assert {d["name"] for d in data["datasets"]} >= {"structures-json", "services-csv", "hsds-organizations-json"}
    assert client.get("/opendata/nothing-here/").status_code == 404


def test_command_writes_an_export(network, tmp_path):
    path = tmp_path / "structures.json"
    call_command("reseau_export_opendata", "structures-json", "--output", str(path), stderr=io.StringIO())
    validate_structures(json.loads(path.read_text()))


def test_quality_score_says_what_to_complete(network):
    rows = {row["nom"]: row for row in structures.structures()}
    full = quality.score_structure(rows["Centre social des Izards"])
    bare = quality.score_structure(rows["Fédération régionale Occitanie"])
    assert 0 <= bare.score < full.score <= 1
    with translation.override("en"):  # what to complete, read in English
        assert "the SIRET" in [str(item) for item in bare.missing]
    old = quality.score_structure({**rows["Centre social des Izards"], "date_maj": "2020-01-01"})
    assert old.criteria["recent"] == 0 and old.score < full.score
