"""reseau_load_geography: the official regions, départements and communes loaded
once in every content language, idempotent, following a changed list (renames,
merges kept as redirects, code changes) and never duplicating existing terms."""

import io
import json
import tarfile
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail_reseau import models as m
from wagtail_reseau.taxonomy.geography.sources import SAMPLE_PATH

from .geography_data import changed, geography, write

pytestmark = pytest.mark.django_db


@pytest.fixture
def locales(locale_fr, locale_en):
    return locale_fr, locale_en


def load(*args):
    out, err = StringIO(), StringIO()
    call_command("reseau_load_geography", *args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def territory(code, kind="commune", language="fr"):
    return m.Territory.objects.get(code=code, kind=kind, locale__language_code=language)


@pytest.fixture(autouse=True)
def messages_in_english():
    """The command's report and errors are in the active language: read them in English."""
    with translation.override("en"):
        yield


def test_the_sample_loads_every_region_and_departement_and_some_communes(locales):
    output = load("--sample")
    assert "Geography loaded" in output
    toulouse = territory("31555")
    assert toulouse.name == "Toulouse"
    assert toulouse.slug == "toulouse-31555"
    assert "31000" in toulouse.postcode_list and "31500" in toulouse.postcode_list
    assert [t.code for t in toulouse.get_ancestors()] == ["FR", "76", "31"]
    assert territory("01", "region").name == "Guadeloupe"
    assert territory("01", "department").name == "Ain"  # same code, another kind
    assert territory("2A", "department").parent.code == "94"
    assert territory("975", "other").parent.code == "FR"  # an overseas collectivity, once
    assert not m.Territory.objects.filter(kind="department", code="975").exists()
    # The same terms in English, with the official names and the same slugs.
    toulouse_en = territory("31555", language="en")
    assert toulouse_en.translation_key == toulouse.translation_key
    assert toulouse_en.slug == toulouse.slug
    assert toulouse_en.parent == territory("31", "department", "en")
    fr_count = m.Territory.objects.filter(locale=locales[0]).count()
    assert fr_count == m.Territory.objects.filter(locale=locales[1]).count()
    assert m.Territory.objects.filter(locale=locales[0], kind="commune").count() == len(
        [row for row in json.loads(SAMPLE_PATH.read_text())["communes"] if row["type"] == "commune-actuelle"]
    )


def test_loading_twice_changes_nothing(locales, tmp_path):
    source = write(tmp_path, geography(40))
    load("--source", str(source))
    before = list(m.Territory.objects.order_by("pk").values())
    with CaptureQueriesContext(connection) as queries:
        output = load("--source", str(source))
    assert "0 created, 0 updated, 0 retired" in output
    assert list(m.Territory.objects.order_by("pk").values()) == before
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_existing_terms_are_matched_by_code_and_keep_their_slug_and_translation(locales):
    call_command("reseau_load_vocabulary", "--translations", stdout=StringIO(), stderr=StringIO())
    locale_fr, locale_en = locales
    occitanie_fr = m.Territory.objects.get(locale=locale_fr, slug="occitanie")
    brittany = m.Territory.objects.get(locale=locale_en, slug="bretagne")
    assert brittany.name == "Brittany"
    haute_garonne = m.Territory.objects.create(
        name="Haute Garonne", slug="haute-garonne", kind="department", code="31", parent=occitanie_fr, locale=locale_fr
    )
    load("--sample")
    assert m.Territory.objects.filter(locale=locale_fr, kind="region", code="76").count() == 1
    assert m.Territory.objects.filter(locale=locale_fr, kind="country").count() == 1
    haute_garonne.refresh_from_db()
    assert (haute_garonne.slug, haute_garonne.name) == ("haute-garonne", "Haute-Garonne")
    brittany.refresh_from_db()
    assert brittany.name == "Brittany"  # a translator's name stays
    assert territory("31555").parent == haute_garonne


def test_a_changed_list_renames_merges_and_recodes(locales, tmp_path):
    data = geography(5)
    load("--source", str(write(tmp_path, data)))
    toulouse, colomiers, roubaix = territory("31555"), territory("31149"), territory("59512")
    colomiers_en = territory("31149", language="en")
    output = load("--source", str(write(tmp_path, changed(data), "next.json")))
    assert "1 retired" in output or "2 retired" in output

    toulouse.refresh_from_db()
    assert (toulouse.name, toulouse.slug, toulouse.sort_name) == (
        "Toulouse-la-Rose",
        "toulouse-31555",
        "toulouse-la-rose",
    )
    assert territory("31555", language="en").name == "Toulouse-la-Rose"

    # The merged commune stays (pages keep it), inactive, under its successor.
    colomiers.refresh_from_db()
    blagnac = territory("31069")
    assert blagnac.name == "Blagnac-Colomiers"
    assert not colomiers.is_active
    assert colomiers.replaced_by == blagnac and colomiers.parent == blagnac
    assert colomiers.successor == blagnac
    colomiers_en.refresh_from_db()
    assert colomiers_en.replaced_by == territory("31069", language="en") and not colomiers_en.is_active

    # A one-to-one code change keeps the term (and its slug).
    roubaix.refresh_from_db()
    assert (roubaix.code, roubaix.slug, roubaix.is_active) == ("59999", "roubaix-59512", True)
    assert territory("59599").postcode_list == ["59200", "59201"]
    assert list(m.Territory.with_postcode("59201").values_list("code", flat=True)) == ["59599", "59599"]

    # And again: nothing more changes.
    assert "0 created, 0 updated, 0 retired" in load("--source", str(tmp_path / "next.json"))


def test_a_subset_of_departements_leaves_the_other_communes_alone(locales, tmp_path):
    data = geography(5)
    load("--source", str(write(tmp_path, data)))
    load("--source", str(tmp_path / "geography.json"), "--departements", "31")
    assert territory("59350").is_active
    data["communes"] = [row for row in data["communes"] if row["code"] != "31149"]
    load("--source", str(write(tmp_path, data, "less.json")), "--departements", "31")
    assert not territory("31149").is_active
    assert territory("59350").is_active


def test_a_translated_name_is_kept_and_languages_can_be_chosen(locales, tmp_path):
    locale_fr, locale_en = locales
    data = geography(3)
    load("--source", str(write(tmp_path, data)), "--languages", "fr")
    assert not m.Territory.objects.filter(locale=locale_en).exists()
    load("--source", str(tmp_path / "geography.json"))
    lille_en = territory("59350", language="en")
    lille_en.name = "Lille (Flanders)"
    lille_en.save()
    data["communes"][3]["nom"] = "Lille-en-Flandre"
    load("--source", str(write(tmp_path, data, "next.json")))
    lille_en.refresh_from_db()
    assert lille_en.name == "Lille (Flanders)"
    assert territory("59350").name == "Lille-en-Flandre"


def test_thousands_of_communes_load_fast(locales, tmp_path):
    source = write(tmp_path, geography(480, departments=[f"{n:02d}" for n in range(10, 20)]))
    started = time.monotonic()
    load("--source", str(source))
    elapsed = time.monotonic() - started
    assert m.Territory.objects.filter(kind="commune").count() == 2 * (10 * 480 + 1)
    # about 10,000 rows in two languages; the full list (35,000 communes) scales linearly.
    assert elapsed < 30, elapsed


def test_an_npm_archive_is_read_and_checked(locales, tmp_path):
    data = geography(2)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for part in ("regions", "departements", "communes"):
            content = json.dumps(data[part]).encode()
            info = tarfile.TarInfo(f"package/data/{part}.json")
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    path = tmp_path / "decoupage-administratif.tgz"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(CommandError, match="digest"):
        load("--source", str(path), "--integrity", "sha512-AAAA")
    load("--source", str(path))
    assert territory("59350").name == "Lille"


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "not valid JSON"),
        ('{"regions": 3}', "list of objects"),
        ("[]", "should hold an object"),
        ("{}", "no territory"),
    ],
)
def test_a_bad_source_is_refused_with_a_message(locales, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        load("--source", str(path))
    with pytest.raises(CommandError, match="does not exist"):
        load("--source", str(tmp_path / "missing.json"))
    assert not m.Territory.objects.exists()
