"""The federation's report: agreements counted by status, by domain of action
and by territory (of the offer and the request), and a CSV export of every
agreement. No personal data: organisations, dates, status, domains, territories."""

import csv
from collections import Counter

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Agreement, AgreementStatus


def _agreements():
    return Agreement.objects.select_related(
        "offer__organisation", "request__organisation", "submission"
    ).prefetch_related("offer__domains", "request__domains", "offer__territories", "request__territories")


def _terms(agreement, relation):
    """Names of the terms of the offer and the request, once each."""
    names = {}
    for page in (agreement.offer, agreement.request):
        if page is not None:
            for term in getattr(page, relation).all():
                names.setdefault(term.translation_key, term.name)
    return sorted(names.values())


def report_tables():
    """{"by_status": [(label, n)], "by_domain": [(name, {status: n}, total)], "by_territory": ..., "statuses"}."""
    agreements = list(_agreements())
    statuses = list(AgreementStatus)
    by_status = Counter(a.status for a in agreements)
    tables = {}
    for key, relation in (("by_domain", "domains"), ("by_territory", "territories")):
        counts = {}
        for agreement in agreements:
            for name in _terms(agreement, relation) or [_("(none)")]:
                counts.setdefault(name, Counter())[agreement.status] += 1
        tables[key] = [
            (name, [counter[s] for s in statuses], sum(counter.values()))
            for name, counter in sorted(counts.items(), key=lambda item: (-sum(item[1].values()), item[0]))
        ]
    tables["statuses"] = [s.label for s in statuses]
    tables["by_status"] = [(s.label, by_status[s]) for s in statuses]
    tables["total"] = len(agreements)
    return tables


def agreements_csv_response():
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mentoring-agreements-{timezone.localdate()}.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 with its BOM
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Mentor"),
            _("Mentored organisation"),
            _("Status"),
            _("Domains of action"),
            _("Territories"),
            _("Proposed on"),
            _("Accepted on"),
            _("Started on"),
            _("Planned end"),
            _("Ended on"),
            _("Mentor's report"),
            _("Mentored side's report"),
        ]
    )
    for agreement in _agreements():
        writer.writerow(
            [
                agreement.mentor_label(),
                agreement.mentee_label(),
                agreement.get_status_display(),
                "; ".join(_terms(agreement, "domains")),
                "; ".join(_terms(agreement, "territories")),
                agreement.proposed_on or "",
                agreement.accepted_on or "",
                agreement.started_on or "",
                agreement.planned_end or "",
                agreement.ended_on or "",
                _("yes") if agreement.mentor_reported_at else _("no"),
                _("yes") if agreement.mentee_reported_at else _("no"),
            ]
        )
    return response
