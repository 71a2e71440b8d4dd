"""Every user-facing string has a French and an English translation, and the
compiled catalogues match their sources."""

from pathlib import Path

import polib
import pytest

REPO = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(
    path
    for base in ("wagtail_reseau/locale", "example_site/locale")
    for path in (REPO / base).glob("*/LC_MESSAGES/django.po")
)


def test_french_and_english_catalogues_exist():
    found = {path.relative_to(REPO).parts[0] + ":" + path.parts[-3] for path in CATALOGUES}
    assert found >= {"wagtail_reseau:fr", "wagtail_reseau:en", "example_site:fr", "example_site:en"}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(REPO)))
def test_catalogue_is_complete(path):
    catalogue = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(REPO)))
def test_compiled_catalogue_is_up_to_date(path):
    compiled = path.with_suffix(".mo")
    assert compiled.exists(), f"run compilemessages: {compiled} is missing"
    source = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0) for e in polib.pofile(str(path)) if not e.obsolete
    }
    binary = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0) for e in polib.mofile(str(compiled))}
    missing = {key for key in source if key[1] and key not in binary}
    assert not missing, f"{compiled} is older than its .po: recompile ({len(missing)} entries missing)"
    changed = [key for key in source if key[1] and binary.get(key) != source[key]]
    assert not changed, f"{compiled} is older than its .po: recompile ({len(changed)} entries differ)"


def test_public_pages_speak_french_by_default_and_english_on_request(client, home):
    html = client.get(home.url).content.decode()
    assert "Aller au contenu" in html
    english = client.get(home.url, headers={"accept-language": "en"}).content.decode()
    assert 'lang="fr"' in english  # the French page stays French: the URL decides, not the browser
