"""The federation hierarchy of a directory as a tree: who belongs to which
national, regional or departmental federation (``parent_organisation``).

The directory's index page calls it; it reads the organisation model through
the app registry, so that it does not import ``models`` (which imports it)."""

from dataclasses import dataclass, field

from django.apps import apps

#: How deep the tree goes (the network has four levels; a loop cannot recur).
MAX_DEPTH = 8


@dataclass
class HierarchyNode:
    title: str
    url: str
    network_level: str
    level_label: str
    children: list = field(default_factory=list)

    @property
    def member_count(self):
        return sum(1 + child.member_count for child in self.children)


def federation_tree(index_page, request=None):
    """The live, public organisations under ``index_page`` in its language, as
    trees (``HierarchyNode``) rooted at those whose federation is not listed
    there, each level sorted by title. One query, whatever the size.

    A parent is matched by its translation key: a translated organisation keeps
    its federation in the source language (a synchronised field)."""
    OrganisationPage = apps.get_model("wagtail_reseau", "OrganisationPage")
    labels = dict(OrganisationPage._meta.get_field("network_level").flatchoices)
    organisations = list(
        OrganisationPage.objects.descendant_of(index_page)
        .live()
        .public()
        .filter(locale_id=index_page.locale_id)
        .select_related("parent_organisation")
        .only(
            "id",
            "title",
            "url_path",
            "path",
            "depth",
            "locale_id",
            "translation_key",
            "network_level",
            "parent_organisation__translation_key",
        )
        .order_by("title", "pk")
    )
    nodes = {}
    for page in organisations:
        nodes[page.translation_key] = HierarchyNode(
            title=page.title,
            url=page.get_url(request) or "",
            network_level=page.network_level,
            level_label=str(labels.get(page.network_level, "")),
        )
    roots = []
    for page in organisations:
        node = nodes[page.translation_key]
        parent = page.parent_organisation
        parent_node = nodes.get(parent.translation_key) if parent is not None else None
        if parent_node is None or parent_node is node or _is_below(parent_node, node):
            roots.append(node)
        else:
            parent_node.children.append(node)
    return roots


def _is_below(candidate, node, depth=0):
    """Whether ``candidate`` is already in ``node``'s subtree (a loop of parents)."""
    if depth > MAX_DEPTH:
        return True
    return any(child is candidate or _is_below(candidate, child, depth + 1) for child in node.children)


def has_federations(roots):
    """Whether the tree says anything a flat list would not: someone belongs to someone."""
    return any(node.children for node in roots)
