#!/usr/bin/env python
"""Benchmark of the spreadsheet import of organisations (docs/import.md).

In a throwaway SQLite database (a temporary file, the test suite's settings):
a directory, a few organisation types, a federation and, with ``--communes``,
that many communes with postcodes (the official geography's fields); then a
CSV of N synthetic organisations (SIRET, external id, type, level, parent
federation, address, commune by INSEE code) is imported twice:

- dry run: every row checked, nothing written;
- import: the same file, published (pages, revisions, commune links): the
  transaction; then, timed apart, what follows its commit: the catalogue's
  indexing and Wagtail's search index;
- re-import: the same file again, each row now an update matched by SIRET.

The last line printed is one line of JSON with every figure (seconds).

    .venv/bin/python benchmarks/import.py --rows 10000
"""

import argparse
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def setup_django(path):
    sys.path.insert(0, str(REPO))
    import django
    from django.conf import settings

    import tests.settings as base

    values = {name: getattr(base, name) for name in dir(base) if name.isupper()}
    values["DATABASES"] = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": path}}
    values["DEBUG"] = False
    values["LOGGING_CONFIG"] = None
    settings.configure(**values)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def siret(number):
    """A SIRET that passes the Luhn check: 13 digits and a check digit."""
    body = f"{number:013d}"
    for check in range(10):
        candidate = body + str(check)
        total = 0
        for position, digit in enumerate(reversed(candidate)):
            value = int(digit) * (2 if position % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return candidate
    raise AssertionError


def build_site(communes):
    from wagtail.models import Locale, Site

    from wagtail_reseau import models as m

    locale = Locale.get_default()
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = m.OrganisationIndexPage(title="Annuaire", slug="annuaire")
    home.add_child(instance=index)
    for slug, name, code in [("centre-social", "Centre social", "CS"), ("evs", "Espace de vie sociale", "EVS")]:
        m.OrganisationType.objects.create(slug=slug, name=name, code=code, locale=locale)
    federation = m.OrganisationPage(title="Fédération nationale", slug="federation", external_id="FED-0")
    index.add_child(instance=federation)
    fields = {f.name for f in m.Territory._meta.get_fields()}
    rows = []
    for number in range(communes):
        values = dict(name=f"Commune {number}", slug=f"commune-{number}", kind="commune", code=f"{10000 + number}")
        if "postcodes" in fields:
            values["postcodes"] = f"{10000 + number}"
        rows.append(m.Territory(locale=locale, **values))
    m.Territory.objects.bulk_create(rows, batch_size=2000)
    return index


def make_csv(rows, communes):
    out = io.StringIO()
    out.write("nom;siret;identifiant;type;niveau;federation;adresse;code_postal;commune;code_insee;courriel\n")
    for number in range(rows):
        code = f"{10000 + number % communes}" if communes else ""
        out.write(
            f"Structure {number};{siret(number + 1)};EXT-{number};{'CS' if number % 3 else 'EVS'};member;FED-0;"
            f"{number} rue de la Paix;{code};{'Commune ' + str(number % communes) if communes else ''};{code};"
            f"contact{number}@example.org\n"
        )
    return out.getvalue().encode()


CPU = {}


def timed(function, name=""):
    """Wall-clock seconds (and, in ``CPU``, this process's CPU seconds: the
    figure to compare on a loaded machine, where the wall clock mostly measures
    the other processes)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = function()
    seconds = round(time.perf_counter() - start, 2)
    if name:  # as it comes: a later step that fails does not lose it
        CPU[name] = round(time.process_time() - cpu, 2)
        print(f"{name}: {seconds} s ({CPU[name]} s CPU)", file=sys.stderr, flush=True)
    return seconds, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--communes", type=int, default=2000)
    args = parser.parse_args()
    handle, path = tempfile.mkstemp(prefix="reseau-import-", suffix=".sqlite3")
    os.close(handle)
    try:
        setup_django(path)
        from django.db import transaction

        from wagtail_reseau import models as m
        from wagtail_reseau.directory.importing import import_organisations
        from wagtail_reseau.directory.importing.indexing import index_in_catalogue, index_in_wagtail_search

        index = build_site(args.communes)
        data = make_csv(args.rows, args.communes)
        figures = {"rows": args.rows, "communes": args.communes, "bytes": len(data)}

        figures["dry_run"], report = timed(lambda: import_organisations(data, "o.csv", index, dry_run=True), "dry run")
        assert report.ok and report.created == args.rows, (report.refused, report.rows[:3])

        def run_import():
            with transaction.atomic():
                return import_organisations(data, "o.csv", index, dry_run=False, publish=True, index_after_commit=False)

        figures["import"], report = timed(run_import, "import")
        live = m.OrganisationPage.objects.live().count()
        assert report.written and live >= args.rows, (report.written, live, report.errors)
        # What the command does after the commit, timed apart.
        figures["catalogue_index"], _ = timed(lambda: index_in_catalogue(report.live_ids), "catalogue indexing")
        figures["search_index"], _ = timed(lambda: index_in_wagtail_search(report.live_ids), "search index")
        figures["reimport"], report = timed(run_import, "re-import")
        assert report.updated == args.rows
        figures["cpu"] = CPU
        print(json.dumps(figures))
    finally:
        os.unlink(path)


if __name__ == "__main__":
    main()
