"""A search response turned into the engine-neutral ``RawResult``: counts,
tag labels, totals without each part of an empty query, hits with their
highlighted extract, and "did you mean"."""

import datetime

from ...facets import get_facet
from ..base import RawHit, RawResult


def raw_result(response, query, scope, total, page, num_pages):
    aggregations = response.aggregations.to_dict() if "aggregations" in response else {}
    counts, labels, totals_without = {}, {}, {}
    for key in scope.facet_keys:
        facet = get_facet(key)
        if facet is None:
            counts[key] = {}
            continue
        counts[key], facet_labels = facet.counts_from_aggregation(aggregations.get(key, {}))
        if facet_labels:
            labels[key] = facet_labels
    if total == 0:
        for key, _values in query.selections:
            if key in aggregations:
                totals_without[key] = aggregations[key]["doc_count"]
            else:  # a selected facet the page does not show: not counted in this request
                totals_without[key] = 0
        if query.text:
            matching = aggregations.get("without_text", {}).get("matching")
            totals_without["q"] = matching["doc_count"] if matching else 0
    hits = []
    for hit in response.hits:
        display = hit.display.to_dict()
        fragments = getattr(hit.meta, "highlight", None)
        extract = None
        if fragments:
            for values in fragments.to_dict().values():
                extract = values[0]
                break
        date = datetime.date.fromisoformat(hit.date[:10]) if getattr(hit, "date", None) else None
        hits.append(
            RawHit(
                page_id=getattr(hit, "page_id", None),
                key=hit.key,
                type=hit.type,
                title=display.get("title", ""),
                url=display.get("url", ""),
                summary=display.get("summary", ""),
                text="",
                date=date,
                highlight=extract,
            )
        )
    return RawResult(
        total=total,
        page=page,
        num_pages=num_pages,
        hits=hits,
        counts=counts,
        labels=labels,
        totals_without=totals_without,
        queries=1,
        did_you_mean=did_you_mean(response, query) if total == 0 else "",
    )


def did_you_mean(response, query):
    suggest = getattr(response, "suggest", None)
    if not suggest or "did_you_mean" not in suggest:
        return ""
    text, changed = query.text, False
    # Replace from the end so earlier offsets stay valid.
    for entry in sorted(suggest.did_you_mean, key=lambda entry: -entry.offset):
        if entry.options:
            text = text[: entry.offset] + entry.options[0].text + text[entry.offset + entry.length :]
            changed = True
    return text if changed else ""
