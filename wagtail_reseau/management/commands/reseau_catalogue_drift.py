"""Reports what the catalogue's indexes hold that the pages do not say, and repairs it.

Compares, for each engine, the documents the live pages make now with what the
index holds: pages missing from the index, documents left for pages that are no
longer searchable, and (where the engine keeps a fingerprint, as Elasticsearch
does) documents that differ from their page. ``--repair`` rewrites exactly
those, and the backlog of an engine that was unreachable. Exits with status 1
when drift remains (for monitoring)."""

import sys

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from wagtail_reseau.catalogue.documents import live_searchable_pages_count, searchable_document_batches
from wagtail_reseau.catalogue.engines import ENGINES, get_engine, indexing_engines
from wagtail_reseau.catalogue.indexing import replay_backlog, write_to_engine
from wagtail_reseau.catalogue.models import CatalogueBacklog

BATCH_SIZE = 500
SHOWN_IDS = 10


class Command(BaseCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.help = _("Report the differences between the pages and the catalogue's indexes, and repair them.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--repair",
            action="store_true",
            help=_(
                "Rewrite what differs, and write the pages waiting in the backlog of an engine that was unreachable."
            ),
        )
        parser.add_argument(
            "--engine", choices=sorted(ENGINES), help=_("Check this engine only (default: every engine in use).")
        )
        parser.add_argument(
            "--no-progress", action="store_true", help=_("Do not show the progress bar (for logs and scripts).")
        )

    def handle(self, *args, **options):
        engines = [get_engine(options["engine"])] if options["engine"] else indexing_engines()
        show = options["verbosity"] >= 1 and not options["no_progress"]
        expected = self.expected_documents(show)
        remaining = 0
        for engine in engines:
            try:
                indexed = engine.indexed_fingerprints()
            except Exception as error:
                raise CommandError(
                    _("The %(engine)s engine cannot be read: %(error)s") % {"engine": engine.name, "error": error}
                ) from error
            missing = sorted(set(expected) - set(indexed))
            extra = sorted(set(indexed) - set(expected))
            stale = sorted(
                key
                for key, fingerprint in indexed.items()
                if fingerprint is not None and key in expected and expected[key].fingerprint() != fingerprint
            )
            backlog = CatalogueBacklog.objects.filter(engine=engine.name).count()
            self.report(engine, len(expected), missing, extra, stale, backlog)
            drift = len(missing) + len(extra) + len(stale) + backlog
            if drift and options["repair"]:
                # Asked for explicitly: try the engine now, even if a recent failure
                # made the searches skip it for a while.
                cache.delete(getattr(engine, "_down_key", ""))
                replay_backlog(engine, limit=None)
                to_write = [expected[key] for key in missing + stale]
                for start in range(0, len(to_write), BATCH_SIZE):
                    write_to_engine(engine, to_write[start : start + BATCH_SIZE])
                write_to_engine(engine, (), extra)
                left = CatalogueBacklog.objects.filter(engine=engine.name).count()
                if left:
                    self.stdout.write(
                        _("%(engine)s: %(count)d pages are still waiting in the backlog (the engine refused them).")
                        % {"engine": engine.name, "count": left}
                    )
                    remaining += left
                else:
                    self.stdout.write(self.style.SUCCESS(_("%(engine)s: repaired.") % {"engine": engine.name}))
            elif drift:
                remaining += drift
        if remaining:
            self.stdout.write(_("Run again with --repair to fix it."))
            sys.exit(1)

    def expected_documents(self, show):
        documents = {}
        total = live_searchable_pages_count()
        with tqdm(total=total, disable=not show, unit=_("page"), desc=_("pages"), file=self.stderr) as bar:
            for batch in searchable_document_batches(BATCH_SIZE, on_page=lambda: bar.update(1)):
                documents.update((document.key, document) for document in batch)
        return documents

    def report(self, engine, expected, missing, extra, stale, backlog):
        def ids(values):
            shown = ", ".join(str(value) for value in values[:SHOWN_IDS])
            return shown + (" …" if len(values) > SHOWN_IDS else "")

        self.stdout.write(
            _("%(engine)s: %(expected)d searchable pages; %(missing)d missing, %(extra)d extra, "
              "%(stale)d out of date, %(backlog)d waiting in the backlog.")
            % {
                "engine": engine.name,
                "expected": expected,
                "missing": len(missing),
                "extra": len(extra),
                "stale": len(stale),
                "backlog": backlog,
            }
        )
        for label, values in ((_("missing"), missing), (_("extra"), extra), (_("out of date"), stale)):
            if values:
                self.stdout.write(f"  {label}: {ids(values)}")
