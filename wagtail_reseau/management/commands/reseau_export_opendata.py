"""``manage.py reseau_export_opendata NAME [--output FILE]``: writes one open-data
export (docs/opendata.md): structures-json, structures-csv, services-json,
services-csv or hsds-organizations-json. Only live, public pages."""

from pathlib import Path

from django.core.management.base import BaseCommand

from ...directory.opendata.common import licence
from ...directory.opendata.exports import EXPORTS


class Command(BaseCommand):
    help = "Export the directory as open data (data·inclusion structures/services, Open Referral HSDS)."

    def add_arguments(self, parser):
        parser.add_argument("name", choices=sorted(EXPORTS), help="Which export.")
        parser.add_argument("--output", help="File to write (default: standard output).")

    def handle(self, *args, **options):
        text = EXPORTS[options["name"]].render()
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
            identifier, _url = licence()
            self.stderr.write(f"{options['output']} ({identifier})")
        else:
            self.stdout.write(text, ending="")
