"""Writing checked rows as pages, in bulk: the rows Wagtail's ``add_child`` and
``save_revision().publish()`` would write, a few statements per batch instead of
a dozen per page (10,000 pages in seconds).

New pages get materialised paths after the index's last child, a unique slug,
one revision each; in "publish" mode they are live, otherwise drafts. An
existing page gets a new revision; in "publish" mode its row is updated too
(the imported values are live), otherwise the revision waits as a draft. The
catalogue and Wagtail's search index are updated after the commit."""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from ...core.importing.pages import (
    BATCH,
    insert_new_pages,
    load_relations,
    publish_rows,
    update_many,
    write_revisions,
)
from ...taxonomy.models import Territory
from ..models import OrganisationPage


def write_pages(resource, pending, progress=None, index_after_commit=True):
    from .columns import SIMPLE_FIELDS

    now = timezone.now()
    index = Page.objects.get(pk=resource.index.pk)
    new = [item for item in pending if item.new]
    existing = [item for item in pending if not item.new]
    publish = resource.publish
    user = resource.user if getattr(resource.user, "pk", None) else None

    load_relations(
        OrganisationPage, [item.instance for item in existing if not hasattr(item.instance, "_from_revision")]
    )
    deferred = link_parents(pending)
    insert_new_pages(
        index,
        [item.instance for item in new],
        OrganisationPage,
        publish=publish,
        user=user,
        now=now,
        default_slug="organisation",
    )
    if deferred:
        # Parents created by the same file: their ids exist now.
        by_row = {item.row_number: item.instance for item in pending}
        for item in deferred:
            item.instance.parent_organisation_id = by_row[item.parent_ref[1]].pk
        update_many(OrganisationPage, [item.instance for item in deferred if item.new], ["parent_organisation"])
    if publish:
        fields = list(SIMPLE_FIELDS) + ["organisation_type", "network_level", "parent_organisation"]
        publish_rows(OrganisationPage, [item.instance for item in existing], fields, now)
    link_communes(pending, publish)
    write_revisions(OrganisationPage, [item.instance for item in pending], publish=publish, user=user, now=now)
    live_ids = [item.instance.pk for item in pending if publish or item.instance.live]
    resource.live_ids = live_ids
    if index_after_commit:
        transaction.on_commit(lambda: after_commit(live_ids))
    return pending


def link_parents(pending):
    """Parent organisations: a page, or a row of the file (created first when
    it is new: its id is known once the base rows are in)."""
    deferred = []
    for item in pending:
        ref = item.parent_ref
        if ref is None:
            continue
        if ref[0] == "none":
            item.instance.parent_organisation_id = None
        elif ref[0] == "page":
            item.instance.parent_organisation_id = ref[1]
        else:
            deferred.append(item)
    return deferred


# -- both ---------------------------------------------------------------------


def link_communes(pending, publish):
    """Adds each row's commune to its page's territories (kept with the others)."""
    through = OrganisationPage.territories.through
    rows = []
    for item in pending:
        if not item.territory_ids:
            continue
        current = list(item.instance.territories.all()) if not item.new else []
        known = {term.pk for term in current}
        added = [pk for pk in item.territory_ids if pk not in known]
        if added:
            item.instance.territories = current + [Territory(pk=pk) for pk in added]
            if item.new or publish:
                rows += [through(organisationpage_id=item.instance.pk, territory_id=pk) for pk in added]
    through.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)


def after_commit(page_ids):
    from .indexing import index_imported_pages

    index_imported_pages(page_ids)
