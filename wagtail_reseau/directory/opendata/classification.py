"""A service's data·inclusion ``thematiques`` and ``publics``, read from its
page's domains of action and audiences (each term names its values in the admin,
docs/opendata.md#themes-and-publics): the union of them, in the schema's order,
or None when none is named."""

from django.db.models import Prefetch

from ...taxonomy.datainclusion import ALL_PUBLICS, PUBLICS, THEMATIQUES

THEMATIQUE_ORDER = {value: position for position, (value, _label) in enumerate(THEMATIQUES)}
PUBLIC_ORDER = {value: position for position, (value, _label) in enumerate(PUBLICS)}


def classification_prefetch():
    """What ``thematiques``/``publics`` read, in two queries for a whole batch
    (a sub-domain without values reads its parents')."""
    from ...taxonomy.models import DomainOfAction

    return [
        Prefetch("domains", queryset=DomainOfAction.objects.select_related("parent__parent__parent")),
        "audiences",
    ]


def _known(values, order):
    return sorted({value for value in values if value in order}, key=order.__getitem__) or None


def thematiques(page):
    return _known((value for domain in page.domains.all() for value in domain.get_datainclusion_thematiques()),
                  THEMATIQUE_ORDER)  # fmt: skip


def publics(page):
    values = _known((value for audience in page.audiences.all() for value in audience.datainclusion_publics or ()),
                    PUBLIC_ORDER)  # fmt: skip
    if values and ALL_PUBLICS in values:
        return [ALL_PUBLICS]  # the schema allows it alone; someone for everyone is for everyone
    return values


def publics_precisions(page):
    """The audiences' own names (in the page's language), which say more than the schema's list."""
    names = [audience.name for audience in page.audiences.all()]
    return ", ".join(sorted(names))[:2000] or None


def classified(page):
    """The fields of a service row that come from the page's classification."""
    return {"thematiques": thematiques(page), "publics": publics(page), "publics_precisions": publics_precisions(page)}
