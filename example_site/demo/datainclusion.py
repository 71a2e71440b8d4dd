"""The demo's domains of action and audiences mapped to data·inclusion's
thematiques and publics (the suggestions of ``reseau_map_datainclusion``), so
the open-data services carry them. Idempotent: a term already mapped (by an
editor or an earlier run) is left alone."""

from django.utils.translation import gettext as _

from wagtail_reseau.directory.opendata import suggest


def load(stdout):
    count = 0
    for proposal in suggest.proposals():
        suggest.apply(proposal)
        count += 1
    if count:
        stdout.write(_("data·inclusion: %(count)d terms mapped.") % {"count": count})
