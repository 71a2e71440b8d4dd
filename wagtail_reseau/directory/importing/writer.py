"""Writing checked rows as pages, in bulk: the rows Wagtail's ``add_child`` and
``save_revision().publish()`` would write, a few statements per batch instead of
a dozen per page (10,000 pages in seconds).

New pages get materialised paths after the index's last child, a unique slug,
one revision each; in "publish" mode they are live, otherwise drafts. An
existing page gets a new revision; in "publish" mode its row is updated too
(the imported values are live), otherwise the revision waits as a draft. The
catalogue and Wagtail's search index are updated after the commit."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Page, Revision

from ...taxonomy.models import Territory
from ..models import OrganisationPage

BATCH = 500


def chunks(items, size=BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def write_pages(resource, pending, progress=None, index_after_commit=True):
    now = timezone.now()
    index = Page.objects.get(pk=resource.index.pk)
    new = [item for item in pending if item.new]
    existing = [item for item in pending if not item.new]
    publish = resource.publish
    user = resource.user if getattr(resource.user, "pk", None) else None

    load_relations([item.instance for item in existing if not hasattr(item.instance, "_from_revision")])
    insert_base_rows(index, new, publish, user, now)
    link_parents(pending)
    insert_specific_rows(new)
    if publish:
        update_rows(existing, now)
    link_communes(pending, publish)
    write_revisions(pending, publish, user, now)
    live_ids = [item.instance.pk for item in pending if publish or item.instance.live]
    resource.live_ids = live_ids
    if index_after_commit:
        transaction.on_commit(lambda: after_commit(live_ids))
    return pending


# -- new pages ----------------------------------------------------------------


def unique_slug(title, taken):
    base = slugify(title)[:200] or "organisation"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


def insert_base_rows(index, new, publish, user, now):
    if not new:
        return
    depth = index.depth + 1
    last = (
        Page.objects.filter(path__startswith=index.path, depth=depth).order_by("-path").values_list("path", flat=True)
    ).first()
    first_step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
    taken = set(Page.objects.filter(path__startswith=index.path, depth=depth).values_list("slug", flat=True))
    content_type = ContentType.objects.get_for_model(OrganisationPage)
    empty_relations = [relation.get_accessor_name() for relation in get_all_child_relations(OrganisationPage)]
    empty_relations += [m2m.name for m2m in get_all_child_m2m_relations(OrganisationPage)]
    for offset, item in enumerate(new):
        page = item.instance
        page.slug = unique_slug(page.title, taken)
        page.content_type = content_type
        page.depth = depth
        page.path = Page._get_path(index.path, depth, first_step + offset)
        page.numchild = 0
        page.url_path = f"{index.url_path}{page.slug}/"
        page.draft_title = page.title
        page.owner = user
        page.live = publish
        page.has_unpublished_changes = not publish
        page.latest_revision_created_at = now
        if publish:
            page.first_published_at = page.last_published_at = now
        # Nothing to read back from the database: no relation yet.
        for name in empty_relations:
            setattr(page, name, [])
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    for batch in chunks(new):
        rows = [Page(**{f.attname: getattr(item.instance, f.attname) for f in base_fields}) for item in batch]
        Page.objects.bulk_create(rows)
        for item, row in zip(batch, rows, strict=True):
            item.instance.pk = item.instance.id = item.instance.page_ptr_id = row.pk
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(new))


def insert_specific_rows(new):
    local_fields = OrganisationPage._meta.local_concrete_fields
    for batch in chunks(new):
        OrganisationPage._base_manager._insert([item.instance for item in batch], fields=local_fields)


def link_parents(pending):
    by_row = {item.row_number: item.instance for item in pending}
    for item in pending:
        ref = item.parent_ref
        if ref is None:
            continue
        if ref[0] == "none":
            item.instance.parent_organisation_id = None
        elif ref[0] == "page":
            item.instance.parent_organisation_id = ref[1]
        else:
            item.instance.parent_organisation_id = by_row[ref[1]].pk


# -- existing pages -----------------------------------------------------------


def load_relations(pages):
    """Child objects and many-to-many values of the pages, in one query per
    relation, held in memory as modelcluster does (a revision serialises them)."""
    if not pages:
        return
    by_pk = {page.pk: page for page in pages}
    for relation in get_all_child_relations(OrganisationPage):
        grouped = defaultdict(list)
        objects = relation.related_model._default_manager.filter(**{f"{relation.field.name}_id__in": list(by_pk)})
        for obj in objects:
            grouped[getattr(obj, f"{relation.field.name}_id")].append(obj)
        for pk, page in by_pk.items():
            setattr(page, relation.get_accessor_name(), grouped.get(pk, []))
    for m2m in get_all_child_m2m_relations(OrganisationPage):
        through = m2m.remote_field.through
        source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
        grouped = defaultdict(list)
        for page_id, term_id in through.objects.filter(**{f"{source}_id__in": list(by_pk)}).values_list(
            f"{source}_id", f"{target}_id"
        ):
            grouped[page_id].append(term_id)
        model = m2m.related_model
        for pk, page in by_pk.items():
            setattr(page, m2m.name, [model(pk=term_id) for term_id in grouped.get(pk, [])])


def update_rows(existing, now):
    from .columns import SIMPLE_FIELDS

    if not existing:
        return
    pages = [item.instance for item in existing]
    for page in pages:
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.last_published_at = now
        page.first_published_at = page.first_published_at or now
    base = ["title", "draft_title", "live", "has_unpublished_changes", "last_published_at", "first_published_at"]
    specific = [name for name in SIMPLE_FIELDS if name != "title"]
    specific += ["organisation_type", "network_level", "parent_organisation"]
    update_many(Page, pages, base)
    update_many(OrganisationPage, pages, specific)


def update_many(model, objects, names):
    """``UPDATE table SET ... WHERE pk = ...`` for each object, as one
    ``executemany`` (Django's bulk_update builds a CASE per field and row, which
    SQLite evaluates in quadratic time). ``names`` are fields of ``model``'s own table."""
    fields = [model._meta.get_field(name) for name in names]
    pk = model._meta.pk
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(model._meta.db_table),
        ", ".join(f"{quote(field.column)} = %s" for field in fields),
        quote(pk.column),
    )
    params = [
        [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields] + [obj.pk]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        for batch in chunks(params, 2000):
            cursor.executemany(sql, batch)


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


def write_revisions(pending, publish, user, now):
    content_type = ContentType.objects.get_for_model(OrganisationPage)
    base_type = ContentType.objects.get_for_model(Page)
    for batch in chunks(pending):
        revisions = [
            Revision(
                content_type=content_type,
                base_content_type=base_type,
                object_id=str(item.instance.pk),
                created_at=now,
                user=user,
                object_str=item.instance.title[:255],
                content=item.instance.serializable_data(),
            )
            for item in batch
        ]
        Revision.objects.bulk_create(revisions)
        pages = []
        for item, revision in zip(batch, revisions, strict=True):
            page = item.instance
            page.latest_revision_id = revision.pk
            page.latest_revision_created_at = now
            if publish:
                page.live_revision_id = revision.pk
                page.has_unpublished_changes = False
            else:
                page.has_unpublished_changes = True
                page.draft_title = page.title
            pages.append(page)
        fields = ["latest_revision", "latest_revision_created_at", "live_revision", "has_unpublished_changes"]
        update_many(Page, pages, fields + ([] if publish else ["draft_title"]))


def after_commit(page_ids):
    from .indexing import index_imported_pages

    index_imported_pages(page_ids)
