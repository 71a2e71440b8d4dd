"""Relations of a page read while it becomes a document: from the lists a batch
prefetched, or through a query for a page read alone."""

#: Where a batch keeps a page's prefetched relation: ``related_objects`` reads it.
PREFETCHED_ATTRIBUTE = "_catalogue_prefetched_%s"


def related_objects(page, relation):
    """The objects of a page's many-valued ``relation`` as a list (None if the page
    has no such relation): the list prefetched for the whole batch when the page
    comes from ``live_searchable_pages``, a query otherwise. A host's
    ``DocumentType`` functions read relations through it too."""
    prefetched = getattr(page, PREFETCHED_ATTRIBUTE % relation, None)
    if prefetched is not None:
        return prefetched
    manager = getattr(page, relation, None)
    return None if manager is None else list(manager.all())
