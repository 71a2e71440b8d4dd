"""Reading the administrative divisions published by Etalab
(``@etalab/decoupage-administratif`` on the npm registry: ``regions.json``,
``departements.json``, ``communes.json``). No Node is needed: the package is a
plain tar archive of JSON files, read here with the standard library.

A source is one of:

* nothing: the pinned release below, downloaded from the npm registry and
  checked against its published SHA-512 digest;
* a path or URL of such an archive (``.tgz``, ``.tar.gz``);
* a directory holding the three files (or a ``data/`` folder with them);
* one JSON file ``{"regions": [...], "departements": [...], "communes": [...]}``
  (the shape of the sample shipped with the package, ``sample.json``), with an
  optional ``"scope"``: the départements whose communes it lists (the others'
  communes are then left as they are).
"""

import base64
import hashlib
import io
import json
import tarfile
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

#: The release read by default: the 2026 geography (COG of 1 January 2026).
PACKAGE_VERSION = "6.0.0"
PACKAGE_URL = (
    f"https://registry.npmjs.org/@etalab/decoupage-administratif/-/decoupage-administratif-{PACKAGE_VERSION}.tgz"
)
#: Its ``dist.integrity`` on the registry; a download that differs is refused.
PACKAGE_INTEGRITY = "sha512-XavYsFlbcM/prKr8hNHPKER94IHw/dsxNM4nxjWMYk6PLFACpEedvn/7wK8Baozm0dCYhWWcf+7bcWpA5pmCaQ=="
#: The sample shipped with the package: every region and département, and the
#: communes of the demo's départements (see docs/geography.md).
SAMPLE_PATH = Path(__file__).with_name("sample.json")

PARTS = ("regions", "departements", "communes")
DOWNLOAD_TIMEOUT = 120


class GeographySourceError(Exception):
    """The source cannot be read; the message says why, in the active language."""


@dataclass
class Geography:
    regions: list = field(default_factory=list)
    departements: list = field(default_factory=list)
    communes: list = field(default_factory=list)
    origin: str = ""
    #: Département codes whose communes the source lists completely (a partial
    #: file such as the sample says so with a ``"scope"`` list); ``None``: all.
    scope: list | None = None


def read_source(source=None, integrity=None):
    """The :class:`Geography` of ``source`` (see the module's docstring)."""
    if not source:
        data = _download(PACKAGE_URL)
        _check_integrity(data, integrity or PACKAGE_INTEGRITY)
        return _from_archive(data, PACKAGE_URL)
    source = str(source)
    if source.startswith(("http://", "https://")):
        data = _download(source)
        if integrity:
            _check_integrity(data, integrity)
        if source.endswith((".tgz", ".tar.gz")):
            return _from_archive(data, source)
        return _from_document(_parse(data, source), source)
    path = Path(source)
    if path.is_dir():
        folder = path / "data" if (path / "data" / "communes.json").exists() else path
        parts = {}
        for part in PARTS:
            file = folder / f"{part}.json"
            if not file.exists():
                raise GeographySourceError(_("“%(path)s” is missing.") % {"path": file})
            parts[part] = _parse(file.read_bytes(), file)
        return _validated(Geography(**parts, origin=str(path)))
    if not path.exists():
        raise GeographySourceError(_("“%(path)s” does not exist.") % {"path": source})
    data = path.read_bytes()
    if integrity:
        _check_integrity(data, integrity)
    if source.endswith((".tgz", ".tar.gz")):
        return _from_archive(data, source)
    return _from_document(_parse(data, source), source)


def _download(url):
    try:
        with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT) as response:  # noqa: S310 (http/https only)
            return response.read()
    except OSError as error:
        raise GeographySourceError(
            _("Could not download “%(url)s”: %(error)s") % {"url": url, "error": error}
        ) from error


def _check_integrity(data, integrity):
    algorithm, _sep, expected = integrity.partition("-")
    if algorithm not in ("sha512", "sha384", "sha256"):
        raise GeographySourceError(_("Unknown integrity algorithm “%(name)s”.") % {"name": algorithm})
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        raise GeographySourceError(_("The downloaded data does not match its published digest: refused."))


def _from_archive(data, origin):
    parts = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as archive:
            for member in archive.getmembers():
                name = member.name.rsplit("/", 1)[-1]
                if member.isfile() and "/data/" in f"/{member.name}" and name[:-5] in PARTS and name.endswith(".json"):
                    parts[name[:-5]] = _parse(archive.extractfile(member).read(), f"{origin}:{member.name}")
    except tarfile.TarError as error:
        raise GeographySourceError(_("“%(path)s” is not a readable archive.") % {"path": origin}) from error
    missing = [part for part in PARTS if part not in parts]
    if missing:
        raise GeographySourceError(
            _("The archive has no %(files)s.") % {"files": ", ".join(f"data/{part}.json" for part in missing)}
        )
    return _validated(Geography(**parts, origin=origin))


def _from_document(document, origin):
    if not isinstance(document, dict):
        raise GeographySourceError(
            _("“%(path)s” should hold an object with the lists “regions”, “departements” and “communes”.")
            % {"path": origin}
        )
    scope = document.get("scope")
    if scope is not None and not (isinstance(scope, list) and all(isinstance(code, str) for code in scope)):
        raise GeographySourceError(_("“scope” should be a list of département codes."))
    parts = {part: document.get(part) or [] for part in PARTS}
    return _validated(Geography(**parts, origin=str(origin), scope=scope))


def _parse(data, origin):
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as error:
        raise GeographySourceError(
            _("“%(path)s” is not valid JSON: %(error)s") % {"path": origin, "error": error}
        ) from error


def _validated(geography):
    for part in PARTS:
        rows = getattr(geography, part)
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise GeographySourceError(_("“%(part)s” should be a list of objects.") % {"part": part})
    return geography
