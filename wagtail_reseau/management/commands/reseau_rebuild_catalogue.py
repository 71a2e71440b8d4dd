"""Rebuilds the catalogue index of every engine from the live, public pages.

The database engine refills its tables in one transaction; the Elasticsearch
engine bulk-loads a new versioned index and moves its alias to it atomically."""

import contextlib
import gc

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from tqdm import tqdm

from wagtail_reseau.catalogue.documents import live_searchable_pages_count, searchable_document_batches
from wagtail_reseau.catalogue.engines import indexing_engines

BATCH_SIZE = 500


@contextlib.contextmanager
def sparing_the_collector():
    """Python's cyclic garbage collector would otherwise walk every object already
    loaded (Django, Wagtail, the site: hundreds of thousands) again and again while
    a rebuild makes and drops tens of thousands of pages; frozen, they are left out
    of its walks until the rebuild ends (a fifth of a rebuild of 50,000 pages went
    there). Garbage made meanwhile is still collected."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class Command(BaseCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.help = _("Rebuild the catalogue's search index from the live, public pages.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-progress", action="store_true", help=_("Do not show the progress bar (for logs and scripts).")
        )

    def handle(self, *args, **options):
        total = live_searchable_pages_count()
        show = options["verbosity"] >= 1 and not options["no_progress"]
        for engine in indexing_engines():
            counted = {"indexed": 0}
            with tqdm(total=total, disable=not show, unit=_("page"), desc=engine.name, file=self.stderr) as bar:

                def batches(counted=counted, bar=bar):
                    for batch in searchable_document_batches(BATCH_SIZE, on_page=lambda: bar.update(1)):
                        counted["indexed"] += len(batch)
                        yield batch

                # Each engine swaps in the complete new index at the end: visitors
                # keep searching the old one meanwhile.
                with sparing_the_collector():
                    engine.rebuild(batches())
            if options["verbosity"] >= 1:
                self.stdout.write(
                    self.style.SUCCESS(
                        _("%(engine)s: %(indexed)d documents indexed from %(total)d live pages.")
                        % {"engine": engine.name, "indexed": counted["indexed"], "total": total}
                    )
                )
