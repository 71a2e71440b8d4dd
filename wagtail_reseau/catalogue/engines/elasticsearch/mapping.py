"""The index: its settings and mapping (``index_body``), and the source of a
catalogue document in it (``source``)."""

from ....conf import reseau_settings
from ...documents import ANALYSED_FIELDS
from ...text import fold

OTHER_LANGUAGE = "other"


def language_group(language_code):
    language = (language_code or "").split("-")[0].lower()
    return language if language in reseau_settings.elasticsearch["ANALYZERS"] else OTHER_LANGUAGE


def index_body(config):
    analyzers = config["ANALYZERS"]
    group_fields = {
        language: {
            "properties": {
                "title": {"type": "text", "analyzer": f"reseau_{language}"},
                "summary": {"type": "text", "analyzer": f"reseau_{language}"},
                "text": {"type": "text", "analyzer": f"reseau_{language}"},
                # Unstemmed words with their accents: "did you mean" proposes real
                # words. The term suggester reads how often a word occurs, never
                # where: no positions, no length norms (less to write).
                "spell": {"type": "text", "analyzer": "standard", "index_options": "freqs", "norms": False},
            }
        }
        for language in [*analyzers, OTHER_LANGUAGE]
    }
    return {
        "settings": {
            "index": dict(config["INDEX_SETTINGS"]),
            "analysis": {
                "analyzer": {
                    **{f"reseau_{language}": {"type": analyzer} for language, analyzer in analyzers.items()},
                    f"reseau_{OTHER_LANGUAGE}": {"type": "standard"},
                }
            },
        },
        "mappings": {
            "dynamic": "strict",
            "dynamic_templates": [
                {"facet_values": {"path_match": "facets.*", "mapping": {"type": "keyword"}}},
                {"facet_labels": {"path_match": "labels.*", "mapping": {"type": "keyword"}}},
            ],
            "properties": {
                "key": {"type": "keyword"},
                "origin": {"type": "keyword"},
                "page_id": {"type": "long"},
                "locale_id": {"type": "long"},
                "language": {"type": "keyword"},
                "type": {"type": "keyword"},
                "title_sort": {"type": "keyword"},
                "date": {"type": "date"},
                "event_last": {"type": "date"},
                "reuse_count": {"type": "integer"},
                "fingerprint": {"type": "keyword"},
                # The page's tree path: a catalogue that searches one site
                # filters on its root's path as a prefix.
                "path": {"type": "keyword"},
                # Where the document shows on a map (``?format=geojson``).
                "location": {"type": "geo_point"},
                "display": {"type": "object", "enabled": False},
                # The catalogue's own text analysis (catalogue.text), the same as
                # the database engine's: folded words (prefix matching) and their
                # Snowball stems (matching), split on white space only.
                # Folded words serve prefix queries only, which score a constant:
                # which documents hold the word is all they read (no frequencies,
                # positions or length norms to write).
                "folded": {
                    "properties": {
                        name: {"type": "text", "analyzer": "standard", "index_options": "docs", "norms": False}
                        for name in ANALYSED_FIELDS
                    }
                },
                "stems": {
                    "properties": {
                        "title": {"type": "text", "analyzer": "whitespace"},
                        "summary": {"type": "text", "analyzer": "whitespace"},
                        "text": {"type": "text", "analyzer": "whitespace"},
                    }
                },
                "i18n": {"properties": group_fields},
                # Facet values as keywords, ``facets.<facet key>``; labels that come
                # with the documents as "value\x1flabel" under ``labels.<facet key>``.
                # Dynamic, so that a facet registered later needs no new mapping.
                "facets": {"type": "object", "dynamic": True},
                "labels": {"type": "object", "dynamic": True},
            },
        },
    }


def source(document):
    group = language_group(document.language_code)
    body = f"{document.summary} {document.text}".strip()
    analysed = document.analysed_fields()
    return {
        "key": document.key,
        "origin": document.origin,
        "page_id": document.page_id,
        "locale_id": document.locale_id,
        "language": document.language_code,
        "type": document.type,
        "title_sort": fold(document.title)[:200],
        "date": document.date.isoformat() if document.date else None,
        "event_last": document.event_last.isoformat() if document.event_last else None,
        "reuse_count": document.reuse_count,
        "fingerprint": document.fingerprint(),
        "path": document.path,
        "location": {"lat": document.location[0], "lon": document.location[1]} if document.location else None,
        "display": {"title": document.title, "url": document.url, "summary": document.summary},
        "folded": {name: analysed[name][0] for name in ANALYSED_FIELDS},
        "stems": {name: analysed[name][1] for name in ANALYSED_FIELDS},
        "i18n": {
            group: {
                "title": document.title,
                "summary": document.summary,
                "text": document.text,
                "spell": f"{document.title} {body}",
            }
        },
        "facets": {key: sorted(values) for key, values in document.facets.items()},
        "labels": {
            key: [f"{value}\x1f{label}" for value, label in sorted(labels.items())]
            for key, labels in document.facet_labels.items()
        },
    }
