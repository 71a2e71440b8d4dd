"""Files sent with a proposal: checked by their content, not only their name,
and kept in a private folder (never under public media) until the practice is
published."""

import os
import uuid
import zipfile

from django import forms
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ...conf import reseau_settings

#: What the first bytes of each kind of file are.
PDF = (b"%PDF-",)
PNG = (b"\x89PNG\r\n\x1a\n",)
JPEG = (b"\xff\xd8\xff",)
ZIP = (b"PK\x03\x04",)

#: extension -> (magic prefixes, check of a zip's content or None)
SIGNATURES = {
    "pdf": (PDF, None),
    "png": (PNG, None),
    "jpg": (JPEG, None),
    "jpeg": (JPEG, None),
    "odt": (ZIP, "application/vnd.oasis.opendocument.text"),
    "ods": (ZIP, "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": (ZIP, "application/vnd.oasis.opendocument.presentation"),
    "docx": (ZIP, "word/"),
    "xlsx": (ZIP, "xl/"),
    "pptx": (ZIP, "ppt/"),
}


def private_dir():
    configured = reseau_settings.PROPOSAL_PRIVATE_DIR
    if configured:
        return str(configured)
    media = str(settings.MEDIA_ROOT or os.getcwd()).rstrip("/\\")
    return os.path.join(os.path.dirname(media), os.path.basename(media) + "-reseau-private")


class PrivateFileSystemStorage(FileSystemStorage):
    """A file system storage in ``private_dir()`` (read at each use, so a test's
    settings apply) that has no address: ``url()`` refuses, where a plain
    ``FileSystemStorage`` would answer with ``MEDIA_URL``."""

    @property
    def base_location(self):
        return private_dir()

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("A proposal's file has no address: reviewers read it through the admin.")


class PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = PrivateFileSystemStorage()


private_storage = PrivateStorage()


def get_private_storage():
    """The storage of proposal files, as a callable: a migration records this
    function, not the folder of the machine that made it."""
    return private_storage


@deconstructible
class ProposalUploadTo:
    def __call__(self, instance, filename):
        extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
        return f"proposals/{instance.proposal_id}/{uuid.uuid4().hex}.{extension}"


proposal_upload_to = ProposalUploadTo()


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def content_matches(uploaded, extension):
    """Whether the file's bytes are what its extension says."""
    prefixes, zip_check = SIGNATURES.get(extension, ((), None))
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if not any(head.startswith(prefix) for prefix in prefixes):
        return False
    if zip_check is None:
        return True
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
            if zip_check.startswith("application/"):
                return "mimetype" in names and archive.read("mimetype").decode("ascii", "replace").strip() == zip_check
            return "[Content_Types].xml" in names and any(name.startswith(zip_check) for name in names)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, RuntimeError):
        return False
    finally:
        uploaded.seek(0)


def allowed_extensions():
    return [extension for extension in reseau_settings.PROPOSAL_FILE_TYPES if extension in SIGNATURES]


def check_file(uploaded):
    """Raises ``ValidationError`` (in the visitor's language) unless ``uploaded`` is
    an allowed type, by its name and its content, and within the size limit."""
    extension = extension_of(uploaded.name)
    allowed = allowed_extensions()
    if extension not in allowed:
        raise forms.ValidationError(
            _("“%(name)s” is not an accepted kind of file. Accepted: %(types)s."),
            code="file_type",
            params={"name": uploaded.name, "types": ", ".join(allowed)},
        )
    limit = reseau_settings.PROPOSAL_MAX_FILE_SIZE
    if uploaded.size > limit:
        raise forms.ValidationError(
            _("“%(name)s” is too large: %(limit)s at most."),
            code="file_size",
            params={"name": uploaded.name, "limit": human_size(limit)},
        )
    if not content_matches(uploaded, extension):
        raise forms.ValidationError(
            _("“%(name)s” does not contain what its name says (a .%(extension)s file)."),
            code="file_content",
            params={"name": uploaded.name, "extension": extension},
        )


def human_size(size):
    megabytes = size / (1024 * 1024)
    if megabytes >= 1:
        return ngettext("%(count)s MB", "%(count)s MB", round(megabytes)) % {"count": round(megabytes)}
    return ngettext("%(count)s KB", "%(count)s KB", max(1, size // 1024)) % {"count": max(1, size // 1024)}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input, each checked by ``check_file``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [item for item in (data if isinstance(data, (list, tuple)) else [data]) if item]
        errors = []
        for item in files:
            try:
                check_file(super().clean(item, initial))
            except forms.ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise forms.ValidationError(errors)
        return files
