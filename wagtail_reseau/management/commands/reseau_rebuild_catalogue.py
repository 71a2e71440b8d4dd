"""Rebuilds the catalogue index of every engine from the live, public pages.

The database engine refills its tables in one transaction; the Elasticsearch
engine bulk-loads a new versioned index and moves its alias to it atomically."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from tqdm import tqdm
from wagtail.models import Page

from wagtail_reseau.catalogue.documents import build_document, live_searchable_pages, restricted_page_paths
from wagtail_reseau.catalogue.engines import indexing_engines
from wagtail_reseau.catalogue.indexing import searchable_models

BATCH_SIZE = 500


class Command(BaseCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.help = _("Rebuild the catalogue's search index from the live, public pages.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-progress", action="store_true", help=_("Do not show the progress bar (for logs and scripts).")
        )

    def handle(self, *args, **options):
        pages = Page.objects.live().type(*searchable_models()).order_by("pk")
        total = pages.count()
        show = options["verbosity"] >= 1 and not options["no_progress"]
        for engine in indexing_engines():
            counted = {"indexed": 0}
            with tqdm(total=total, disable=not show, unit=_("page"), desc=engine.name, file=self.stderr) as bar:

                def batches():
                    batch = []
                    restricted = restricted_page_paths()
                    for page in live_searchable_pages():
                        document = build_document(page, restricted)
                        if document is not None:
                            batch.append(document)
                        bar.update(1)
                        if len(batch) >= BATCH_SIZE:
                            counted["indexed"] += len(batch)
                            yield batch
                            batch = []
                    if batch:
                        counted["indexed"] += len(batch)
                        yield batch

                # Each engine swaps in the complete new index at the end: visitors
                # keep searching the old one meanwhile.
                engine.rebuild(batches())
            if options["verbosity"] >= 1:
                self.stdout.write(
                    self.style.SUCCESS(
                        _("%(engine)s: %(indexed)d documents indexed from %(total)d live pages.")
                        % {"engine": engine.name, "indexed": counted["indexed"], "total": total}
                    )
                )
