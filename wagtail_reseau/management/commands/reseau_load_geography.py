"""``manage.py reseau_load_geography``: load France's regions, départements and
communes (official codes, names, postcodes) into the territories vocabulary.

By default it reads the pinned release of Etalab's ``@etalab/decoupage-administratif``
from the npm registry (no Node needed); ``--source`` reads an archive, a folder
or a JSON file instead, ``--sample`` the small sample shipped with the package.
Safe to run again: nothing changes when the list has not (docs/geography.md)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ...taxonomy.geography.loader import GeographyLoader
from ...taxonomy.geography.plan import make_plan
from ...taxonomy.geography.sources import PACKAGE_VERSION, SAMPLE_PATH, GeographySourceError, read_source


def content_locales(codes=None):
    """The ``Locale`` rows of ``codes`` or, by default, of the content languages."""
    if not codes:
        codes = [code for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES)]
    return list(Locale.objects.filter(language_code__in=codes))


class Command(BaseCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.help = _(
            "Load France's regions, départements and communes (official codes, names, postcodes) into the "
            "territories, in every content language. Run it again after a new release of the official list."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            help=_(
                "An archive (.tgz) of @etalab/decoupage-administratif, a folder with its regions.json, "
                "departements.json and communes.json, or one JSON file with these three lists; a path or an "
                "address. By default the release %(version)s, downloaded from the npm registry and checked."
            )
            % {"version": PACKAGE_VERSION},
        )
        parser.add_argument(
            "--sample",
            action="store_true",
            help=_("Load the small sample shipped with wagtail-reseau (every region and département, a few communes)."),
        )
        parser.add_argument(
            "--integrity",
            help=_("The expected digest of the source (sha512-…), as published by the npm registry."),
        )
        parser.add_argument(
            "--departements",
            nargs="+",
            metavar="CODE",
            help=_(
                "Load only the communes of these départements (e.g. 31 59 2A); every region and département is loaded."
            ),
        )
        parser.add_argument(
            "--languages",
            nargs="+",
            metavar="CODE",
            help=_("Languages to load the territories in (default: every content language that has a locale)."),
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        started = time.monotonic()
        source = str(SAMPLE_PATH) if options["sample"] else options["source"]
        try:
            geography = read_source(source, integrity=options["integrity"])
        except GeographySourceError as error:
            raise CommandError(str(error)) from error
        plan = make_plan(geography, options["departements"] or geography.scope)
        if not plan.entries:
            raise CommandError(_("The source has no territory to load."))
        try:
            Locale.get_default()
        except Locale.DoesNotExist as error:
            raise CommandError(_("The default locale does not exist yet: run migrate first.")) from error
        locales = content_locales(options["languages"])
        loader = GeographyLoader(locales, progress=verbosity >= 1, stream=self.stderr)
        loader.run(plan)
        for warning in plan.warnings + loader.warnings:
            if verbosity >= 2:
                self.stderr.write(self.style.WARNING(warning))
        skipped = len(plan.warnings) + len(loader.warnings)
        if skipped and verbosity == 1:
            self.stderr.write(
                self.style.WARNING(_("%(count)d warnings (run with -v 2 to read them).") % {"count": skipped})
            )
        if verbosity >= 1:
            counts = loader.summary()
            self.stdout.write(
                self.style.SUCCESS(
                    _(
                        "Geography loaded from %(origin)s in %(seconds).1f s: %(entries)d official territories; "
                        "%(created)d created, %(updated)d updated, %(retired)d retired (all languages)."
                    )
                    % {
                        "origin": geography.origin,
                        "seconds": time.monotonic() - started,
                        "entries": len(plan.entries),
                        **counts,
                    }
                )
            )
