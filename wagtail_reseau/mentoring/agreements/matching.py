"""Suggested pairs: every open offer against every open request, ranked by a
score whose parts are shown in words (docs/mentoring.md, "How pairs are
scored").

- Domains of action: 3 points per domain both share (compared across
  languages, by translation key).
- Territory, distance in the territory tree between their closest terms:
  same term 0 → 3 points; parent and child 1 → 2 points; siblings (same
  parent) 2 → 1 point; anything else is "far" → 0.
- Format: compatible (the same, or one side accepts both) → 2 points;
  in person against remote → 0.
- Availability periods: overlapping or open-ended → 1 point; disjoint → 0.

A pair with no shared domain and a far or unknown territory is still listed
(score 0 or more) only when ``include_zero`` is set."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import MentoringDirection, MentoringFormat, MentoringPage, MentoringStatus

DOMAIN_POINTS = 3
TERRITORY_POINTS = {0: 3, 1: 2, 2: 1}
FORMAT_POINTS = 2
AVAILABILITY_POINTS = 1
FAR = None


def territory_distance(a, b):
    """0 same term, 1 parent/child, 2 siblings, ``None`` (far) otherwise.
    Terms are compared by translation key, so a French and an English page match."""
    if a.translation_key == b.translation_key:
        return 0
    a_parent = a.parent.translation_key if a.parent_id else None
    b_parent = b.parent.translation_key if b.parent_id else None
    if a_parent == b.translation_key or b_parent == a.translation_key:
        return 1
    if a_parent is not None and a_parent == b_parent:
        return 2
    return FAR


def closest_territories(first, second):
    """(distance, term of first, term of second) of the closest pair, or None."""
    best = None
    for a in first:
        for b in second:
            distance = territory_distance(a, b)
            if distance is not FAR and (best is None or distance < best[0]):
                best = (distance, a, b)
    return best


def formats_compatible(a, b):
    return a == b or MentoringFormat.BOTH in (a, b)


def periods_overlap(a_from, a_until, b_from, b_until):
    if a_until and b_from and a_until < b_from:
        return False
    if b_until and a_from and b_until < a_from:
        return False
    return True


@dataclass
class Suggestion:
    offer: object
    request: object
    score: int = 0
    reasons: list = field(default_factory=list)


def score_pair(offer, request):
    """A ``Suggestion`` for one offer and one request, with its reasons in words."""
    suggestion = Suggestion(offer, request)
    reasons = suggestion.reasons
    offer_domains = {d.translation_key: d for d in offer.domains.all()}
    shared = [d for d in request.domains.all() if d.translation_key in offer_domains]
    if shared:
        suggestion.score += DOMAIN_POINTS * len(shared)
        names = ", ".join(d.name for d in shared)
        reasons.append(
            ngettext("Shared domain of action: %(names)s", "Shared domains of action: %(names)s", len(shared))
            % {"names": names}
        )
    else:
        reasons.append(_("No shared domain of action"))
    offer_territories = list(offer.territories.all())
    request_territories = list(request.territories.all())
    closest = closest_territories(offer_territories, request_territories)
    if not offer_territories or not request_territories:
        reasons.append(_("Territory not given on both sides"))
    elif closest is None:
        reasons.append(_("Far apart in the territory tree"))
    else:
        distance, a, b = closest
        suggestion.score += TERRITORY_POINTS[distance]
        if distance == 0:
            reasons.append(_("Same territory: %(name)s") % {"name": a.name})
        elif distance == 1:
            reasons.append(_("Parent and child territories: %(a)s and %(b)s") % {"a": a.name, "b": b.name})
        else:
            reasons.append(_("Sibling territories: %(a)s and %(b)s") % {"a": a.name, "b": b.name})
    if formats_compatible(offer.mentoring_format, request.mentoring_format):
        suggestion.score += FORMAT_POINTS
        reasons.append(_("Compatible formats: %(format)s") % {"format": _format_label(offer, request)})
    else:
        reasons.append(_("Formats differ: one in person, the other remote"))
    if periods_overlap(offer.available_from, offer.available_until, request.available_from, request.available_until):
        suggestion.score += AVAILABILITY_POINTS
        reasons.append(_("Availability periods overlap"))
    else:
        reasons.append(_("Availability periods do not overlap"))
    return suggestion


def _format_label(offer, request):
    chosen = request.mentoring_format if offer.mentoring_format == MentoringFormat.BOTH else offer.mentoring_format
    return str(MentoringFormat(chosen).label)


def open_pages(direction):
    return (
        MentoringPage.objects.live()
        .filter(direction=direction, status=MentoringStatus.OPEN)
        .select_related("organisation")
        .prefetch_related("domains", "territories__parent")
    )


def suggest_pairs(limit=50, include_zero=False):
    """Open offers × open requests of the same language, best score first (then
    the oldest request), leaving out an organisation paired with itself and pairs
    already in an agreement (in any language)."""
    from .models import Agreement

    taken = set(
        Agreement.objects.filter(offer__isnull=False, request__isnull=False).values_list(
            "offer__translation_key", "request__translation_key"
        )
    )
    offers = list(open_pages(MentoringDirection.OFFER))
    requests = list(open_pages(MentoringDirection.REQUEST))
    suggestions = []
    for offer in offers:
        for request in requests:
            if (
                offer.locale_id != request.locale_id  # a page and its translation are one offer
                or offer.organisation_id == request.organisation_id
                or (offer.translation_key, request.translation_key) in taken
            ):
                continue
            suggestion = score_pair(offer, request)
            if suggestion.score > 0 or include_zero:
                suggestions.append(suggestion)
    suggestions.sort(key=lambda s: (-s.score, s.request.first_published_at or s.request.pk, s.offer.pk))
    return suggestions[:limit]
