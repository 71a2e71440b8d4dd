"""Writes the pages waiting in each engine's backlog (pages an engine missed
while it could not be reached). Searches never write: schedule this command
(every few minutes) so an engine back from an outage catches up even when no
page is published. Exits with status 1 when an engine still cannot be written
to (for monitoring)."""

import sys

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from wagtail_reseau.catalogue.engines import indexing_engines
from wagtail_reseau.catalogue.indexing import backlog_size, replay_backlog


class Command(BaseCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.help = _(
            "Write the pages waiting in the backlog of each catalogue engine (missed while it was unreachable)."
        )

    def handle(self, *args, **options):
        failed = False
        for engine in indexing_engines():
            written = 0
            if backlog_size(engine):
                # Asked for explicitly: try the engine now, even if a recent failure
                # made the searches skip it for a while.
                cache.delete(getattr(engine, "_down_key", ""))
                written = replay_backlog(engine, limit=None)
            left = backlog_size(engine)
            self.stdout.write(
                _("%(engine)s: %(written)d pages written, %(left)d still waiting in the backlog.")
                % {"engine": engine.name, "written": written, "left": left}
            )
            failed = failed or bool(left)
        if failed:
            sys.exit(1)
