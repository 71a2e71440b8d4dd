"""A proposal's files from upload to erasure.

While the proposal waits, its files stay in private storage (``files.py``: no
URL, outside public media, out of Wagtail's document library), readable in the
admin only by the people who review it (``review.py``). When the practice is
published, each file becomes a Wagtail document in the proposals' own
collection (``WAGTAIL_RESEAU_PROPOSAL_COLLECTION``), added to the page's
resources, and its private copy is deleted. When the proposal ends without a
publication (its draft page deleted: the proposal is rejected) or its personal
data is erased (``reseau_purge_personal_data``), its private files are deleted:
the ``ProposalFile`` rows, and their files once the transaction commits."""

import logging

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ...conf import reseau_settings

logger = logging.getLogger(__name__)

#: The default name of the collection, in the site's language when it is made.
DEFAULT_COLLECTION_NAME = _("Member proposals")


def default_collection_names():
    """The default name in every language of the site (so that a collection made
    under another ``LANGUAGE_CODE`` is still found)."""
    names = []
    for code in [settings.LANGUAGE_CODE] + [code for code, _name in settings.LANGUAGES]:
        with translation.override(code):
            name = str(DEFAULT_COLLECTION_NAME)
        if name not in names:
            names.append(name)
    return names


def proposal_collection():
    """The collection of published proposals' documents: the one whose id
    ``WAGTAIL_RESEAU_PROPOSAL_COLLECTION`` gives, else the child of the root
    collection with its name (by default "Member proposals" in the site's
    language), made on first use."""
    from wagtail.models import Collection

    configured = reseau_settings.PROPOSAL_COLLECTION
    if isinstance(configured, int) or (isinstance(configured, str) and configured.strip().isdigit()):
        found = Collection.objects.filter(pk=int(configured)).first()
        if found is not None:
            return found
        logger.warning("WAGTAIL_RESEAU_PROPOSAL_COLLECTION: no collection %s, the default one is used.", configured)
        configured = None
    root = Collection.get_first_root_node()
    names = [str(configured).strip()] if configured else default_collection_names()
    existing = root.get_children().filter(name__in=names).order_by("path").first()
    if existing is not None:
        return existing
    return root.add_child(name=names[0])


def attach_files(proposal, page):
    """The proposal's files as Wagtail documents (in ``proposal_collection()``)
    in the page's resources, a new revision published at once; each private copy
    is deleted once its document exists."""
    from wagtail.documents import get_document_model

    pending = list(proposal.files.filter(document__isnull=True).exclude(file=""))
    if not pending:
        return []
    document_model = get_document_model()
    collection = proposal_collection()
    added = []
    for stored in pending:
        with stored.file.open("rb") as handle:
            document = document_model(title=stored.original_name, collection=collection)
            document.file.save(stored.original_name, File(handle), save=False)
            document._set_document_file_metadata()  # size and hash, as Wagtail's upload form does
            document.file.close()
            document.save()
        private_name = stored.file.name
        stored.document = document
        stored.file = ""
        stored.save(update_fields=["document", "file"])
        delete_stored_file_on_commit(private_name)
        added.append(document)
    page = type(page.specific).objects.get(pk=page.pk)
    for document in added:
        page.resources.append(("document", {"document": document, "title": "", "description": ""}))
    page.save_revision(user=None, log_action=False).publish(log_action=False)
    return added


def delete_stored_file_on_commit(name):
    """Deletes a private file once the transaction commits (a rollback keeps it)."""
    if not name:
        return

    def delete():
        from .files import private_storage

        try:
            private_storage.delete(name)
        except OSError:
            logger.warning("The proposal file %s could not be deleted.", name, exc_info=True)

    transaction.on_commit(delete)


def file_deleted(sender, instance, **kwargs):
    """``post_delete`` of ``ProposalFile``: its private file goes too."""
    delete_stored_file_on_commit(instance.file.name if instance.file else "")


def draft_page_deleted(sender, instance, **kwargs):
    """``pre_delete`` of a page: deleting the draft of a proposal not published
    rejects it for good; its files are deleted."""
    from .models import Proposal, ProposalStatus, delete_files_of

    proposals = Proposal.objects.filter(page_id=instance.pk).exclude(status=ProposalStatus.PUBLISHED)
    if proposals.exists():
        delete_files_of(proposals)


def connect():
    from django.db.models.signals import post_delete, pre_delete
    from wagtail.models import Page

    from .models import ProposalFile

    post_delete.connect(file_deleted, sender=ProposalFile, dispatch_uid="reseau_contributions_file_deleted")
    pre_delete.connect(draft_page_deleted, sender=Page, dispatch_uid="reseau_contributions_draft_deleted")
