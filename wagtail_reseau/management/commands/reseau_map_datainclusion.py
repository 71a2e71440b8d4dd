"""``manage.py reseau_map_datainclusion [--suggest [--apply] [--overwrite]]``: how the
network's domains of action and audiences map to data·inclusion's thematiques and
publics (docs/opendata.md). Without ``--suggest``: the current mapping. With it:
mappings proposed from the terms' names, written only with ``--apply``."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ...directory.opendata import suggest
from ...taxonomy.models import Audience, DomainOfAction


class Command(BaseCommand):
    help = "Show or suggest how domains of action and audiences map to data·inclusion's vocabularies."

    def add_arguments(self, parser):
        parser.add_argument("--suggest", action="store_true", help="Propose mappings from the terms' names.")
        parser.add_argument("--apply", action="store_true", help="With --suggest: write the proposals.")
        parser.add_argument("--overwrite", action="store_true", help="With --suggest: also replace mappings made.")

    def handle(self, *args, **options):
        if not options["suggest"]:
            return self.show()
        proposals = list(suggest.proposals(overwrite=options["overwrite"]))
        for proposal in proposals:
            _model, terms, _field, current, suggested = proposal
            before = ", ".join(current) or "-"
            self.stdout.write(f"{terms[0].name} [{terms[0].slug}]: {before} -> {', '.join(suggested)}")
            if options["apply"]:
                suggest.apply(proposal)
        if options["apply"]:
            self.stdout.write(_("%(count)d terms mapped.") % {"count": len(proposals)})
        else:
            self.stdout.write(
                _("%(count)d proposals; nothing written (dry run: add --apply to write them).")
                % {"count": len(proposals)}
            )

    def show(self):
        unmapped = 0
        for model, field in ((DomainOfAction, "datainclusion_thematiques"), (Audience, "datainclusion_publics")):
            self.stdout.write(str(model._meta.verbose_name_plural))
            seen = set()
            for term in model.objects.order_by("sort_name", "name"):
                if term.translation_key in seen:
                    continue
                seen.add(term.translation_key)
                values = getattr(term, field) or []
                unmapped += not values
                self.stdout.write(f"  {term.name} [{term.slug}]: {', '.join(values) or '-'}")
        self.stdout.write(_("%(count)d terms without a mapping.") % {"count": unmapped})
