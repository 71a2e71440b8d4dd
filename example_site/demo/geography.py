"""Demo content of the official geography: the sample shipped with wagtail-reseau
(every region and département, and the communes of Haute-Garonne, Nord and
Paris, with their official codes and postcodes), loaded in French and English by
``reseau_load_geography --sample``. The demo's own communes elsewhere keep their
terms. Idempotent (the command changes nothing the second time).

Load all of France's 35,000 communes with ``manage.py reseau_load_geography``
(docs/geography.md)."""

from io import StringIO

from django.core.management import call_command
from django.utils.translation import gettext as _


def load(stdout):
    output = StringIO()
    call_command("reseau_load_geography", "--sample", verbosity=1, stdout=output, stderr=StringIO())
    stdout.write(_("Official geography (sample): %(summary)s") % {"summary": output.getvalue().strip()})
