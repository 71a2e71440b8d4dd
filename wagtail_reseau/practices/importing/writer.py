"""Writing checked practice rows as pages, in bulk (``core/importing/pages.py``):
new practices under the index, drafts unless published; an existing practice
gets a new revision (and, published, its rows updated). The catalogue and
Wagtail's search index learn the live pages after the commit."""

from django.conf import settings
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail.models import Page

from ...core.importing.pages import BATCH, insert_new_pages, load_relations, publish_rows, write_revisions
from ..models import GoodPracticePage, GoodPracticePageTag, GoodPracticePartner
from .columns import CHOICE_FIELDS, DATE_FIELDS, LEAD_FIELD, RICH_FIELDS, SIMPLE_FIELDS, TERM_MODELS

SEARCH_PREFETCH = ("domains", "territories", "audiences", "tags")


def write_practices(resource, pending):
    now = timezone.now()
    index = Page.objects.get(pk=resource.index.pk)
    publish = resource.publish
    user = resource.user if getattr(resource.user, "pk", None) else None
    new = [item.instance for item in pending if item.new]
    existing = [item.instance for item in pending if not item.new]
    load_relations(GoodPracticePage, [page for page in existing if not hasattr(page, "_from_revision")])
    insert_new_pages(index, new, GoodPracticePage, publish=publish, user=user, now=now, default_slug="pratique")
    if publish:
        fields = list(SIMPLE_FIELDS) + list(RICH_FIELDS) + list(CHOICE_FIELDS) + list(DATE_FIELDS) + [LEAD_FIELD]
        publish_rows(GoodPracticePage, existing, fields, now)
    link_terms(pending, publish)
    link_partners(pending, publish)
    link_tags(pending, publish)
    write_revisions(GoodPracticePage, [item.instance for item in pending], publish=publish, user=user, now=now)
    live_ids = [item.instance.pk for item in pending if publish or item.instance.live]
    resource.live_ids = live_ids
    if resource.index_after_commit:
        transaction.on_commit(lambda: index_practices(live_ids))


def link_terms(pending, publish):
    """Each row's domains, audiences and territories replace the page's: on the
    instance (its revision), and in the tables when the page is new or published."""
    for name, model in TERM_MODELS.items():
        m2m = GoodPracticePage._meta.get_field(name)
        through = m2m.remote_field.through
        source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
        replaced, rows = [], []
        for item in pending:
            if name not in item.terms:
                continue
            ids = item.terms[name]
            setattr(item.instance, name, [model(pk=pk) for pk in ids])
            if item.new or publish:
                if not item.new:
                    replaced.append(item.instance.pk)
                rows += [through(**{f"{source}_id": item.instance.pk, f"{target}_id": pk}) for pk in ids]
        for start in range(0, len(replaced), BATCH):
            through.objects.filter(**{f"{source}_id__in": replaced[start : start + BATCH]}).delete()
        through.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)


def replace_children(pending, name, children_of, publish):
    """Each row's children of the child relation ``name`` (``children_of(item)``,
    None to keep the page's) replace the page's: on the instance (its revision),
    and in their table when the page is new or published."""
    relation = GoodPracticePage._meta.get_field(name)
    model, parent = relation.related_model, relation.field.name
    replaced, rows = [], []
    for item in pending:
        children = children_of(item)
        if children is None:
            continue
        setattr(item.instance, name, children)  # modelcluster points them at the page
        if item.new or publish:
            if not item.new:
                replaced.append(item.instance.pk)
            rows += children
    for start in range(0, len(replaced), BATCH):
        model.objects.filter(**{f"{parent}_id__in": replaced[start : start + BATCH]}).delete()
    model.objects.bulk_create(rows, batch_size=BATCH)


def link_partners(pending, publish):
    def children_of(item):
        if item.partners is None:
            return None
        return [GoodPracticePartner(organisation_id=pk, sort_order=order) for order, pk in enumerate(item.partners)]

    replace_children(pending, "partner_organisations", children_of, publish)


def link_tags(pending, publish):
    """The rows' tags, the missing ones created (as the editor's tag field does)."""
    tag_for = tags_by_name({name for item in pending for name in item.tags or ()})

    def children_of(item):
        if item.tags is None:
            return None
        tags = list({tag_for(name).pk: tag_for(name) for name in item.tags}.values())
        return [GoodPracticePageTag(tag=tag) for tag in tags]

    replace_children(pending, "tagged_items", children_of, publish)


def tags_by_name(names):
    """A function: tag name -> its Tag, those missing created; case-insensitive
    under taggit's TAGGIT_CASE_INSENSITIVE."""
    tag_model = GoodPracticePageTag.tag_model()
    key = str.lower if getattr(settings, "TAGGIT_CASE_INSENSITIVE", False) else str
    found = {}
    if names:
        if key is str:
            existing = tag_model.objects.filter(name__in=names)
        else:
            existing = tag_model.objects.annotate(folded=Lower("name")).filter(folded__in={key(n) for n in names})
        for tag in existing.order_by("pk"):
            found.setdefault(key(tag.name), tag)
    for name in sorted(names):
        if key(name) not in found:
            found[key(name)] = tag_model.objects.create(name=name)  # taggit makes its slug unique
    return lambda name: found[key(name)]


def index_practices(page_ids):
    from ...catalogue.indexing.batches import index_page_ids
    from ...core.importing.indexing import index_in_wagtail_search

    index_page_ids(GoodPracticePage, page_ids)
    index_in_wagtail_search(GoodPracticePage, page_ids, SEARCH_PREFETCH)
