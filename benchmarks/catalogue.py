#!/usr/bin/env python
"""Benchmark of the catalogue's faceted search against Wagtail's own search.

For each database (SQLite, PostgreSQL) and each data size, in a throwaway
database: generate N synthetic documents as real Wagtail pages (good practices,
organisations, forums, news) classified with synthetic vocabularies, index them
in Wagtail's search backend and in the catalogue, then time, on the same data
and the same texts:

- catalogue_view: the full catalogue request through Django's test client
  (``?format=json``): routing, parse_query, engine search, build_result, JSON;
- catalogue_engine: ``parse_query`` + ``DatabaseEngine().search`` +
  ``build_result`` (what ``catalogue.views.search`` does), without HTTP;
- plain: Wagtail's search of the same text, without facets, one page of
  results (``Page.objects.live().search(q, operator="and")[:20]``, evaluated);
- naive: the plain search plus one Wagtail ``.facet(field)`` call per facet.

Each catalogue request has text, 3 selected facet values (a domain, a
territory, an audience) and asks for every facet's counts. The script also
counts the SQL statements of one catalogue request for page sizes 10, 20 and
50, and profiles where the time of a catalogue request goes, statement by
statement. Speed is reported as ratios against the plain search measured in the
same run. The last line printed is one line of JSON with every figure.

    .venv/bin/python benchmarks/catalogue.py --sizes 5000 50000 \\
        --databases sqlite postgresql --requests 50
    .venv/bin/python benchmarks/catalogue.py --quick
    .venv/bin/python benchmarks/catalogue.py --sizes 5000 --geography

``--geography`` first loads France's official geography (about 35,000 communes,
``reseau_load_geography``; give it a source, e.g. a downloaded archive, or none
for the pinned download) beside the synthetic vocabulary, so that facets and the
term chooser are measured with every commune in the database.

PostgreSQL is taken from DATABASE_URL (``bash scripts/postgres.sh start`` prints
one); a fresh database is created on that server for each size and dropped
afterwards. Without DATABASE_URL, or when the server does not answer,
PostgreSQL is skipped with a message.
"""

import argparse
import contextlib
import datetime
import itertools
import json
import math
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent

#: Share of each page type in the synthetic data.
TYPE_MIX = (("practice", 0.40), ("organisation", 0.20), ("forum", 0.15), ("news", 0.25))
PAGE_SIZES = (10, 20, 50)
TIMED_PAGE_SIZE = 20


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# =============================================================================
# Synthetic vocabulary
# =============================================================================

#: The most frequent words of the synthetic texts, most frequent first; the long
#: tail is made of generated pseudo-words. Frequencies follow Zipf's law.
COMMON_WORDS = """
centre social habitants quartier ateliers projet familles jeunes accompagnement
association bénévoles animation réseau jardin logement santé parents enfants
partenaires solidarité accueil numérique culture emploi insertion formation
alimentation échanges rencontres citoyenneté participation vacances sorties
éducation prévention environnement mobilité handicap vieillissement seniors
parentalité loisirs sport musique théâtre cuisine repas épicerie collectif
commune territoire département région fédération conseil comité démarche
diagnostic évaluation financement subvention convention bilan perspectives
mutualisation coopération gouvernance bénévolat salariés direction équipe
permanence droits démarches administratives illettrisme français langue
apprentissage scolaire devoirs soutien médiation conflits voisinage
transition écologie recyclage compost potager énergie précarité pauvreté
isolement lien intergénérationnel mémoire patrimoine histoire exposition
festival fête concert spectacle cinéma lecture bibliothèque ludothèque jeux
accueil-loisirs crèche petite-enfance adolescents étudiants retraités aidants
""".split()

SYLLABLES = (
    "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go la le li lo lu "
    "ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti "
    "to tu va ve vi vo vu za ze zo bran cron dral fler glon pral tram vol mar sel tor ban"
).split()

DOMAINS = [
    "Santé", "Logement", "Participation des habitants", "Numérique", "Jeunesse", "Parentalité",
    "Culture", "Sport", "Emploi", "Insertion", "Alimentation", "Environnement", "Mobilité",
    "Accès aux droits", "Vieillissement", "Handicap", "Éducation", "Solidarité", "Citoyenneté", "Loisirs",
]
SUB_DOMAINS = ["prévention", "accompagnement", "ateliers collectifs", "réseau de partenaires"]
REGIONS = [
    "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire", "Corse",
    "Grand Est", "Hauts-de-France", "Île-de-France", "Normandie", "Nouvelle-Aquitaine", "Occitanie",
    "Pays de la Loire", "Provence-Alpes-Côte d'Azur",
]
DEPARTMENTS_PER_REGION = 7
COMMUNES_PER_DEPARTMENT = 6
AUDIENCES = [
    "Habitants", "Bénévoles", "Familles", "Jeunes", "Seniors", "Salariés", "Administrateurs",
    "Enfants", "Parents", "Personnes en situation de handicap", "Partenaires", "Élus",
]
ORGANISATION_TYPES = [
    ("Centre social", "CS"), ("Espace de vie sociale", "EVS"), ("Association", "ASSO"),
    ("Fédération", "FED"), ("Maison de quartier", "MQ"), ("Collectivité", "COLL"),
    ("Centre communal d'action sociale", "CCAS"), ("Tiers-lieu", "TL"),
]
TAG_COUNT = 80


def slugify(text):
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(char for char in folded if not unicodedata.combining(char)).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def zipf_cum_weights(count, exponent=1.0):
    return list(itertools.accumulate(1.0 / (rank + 1) ** exponent for rank in range(count)))


class Lexicon:
    """Words with Zipfian frequencies: real words first, pseudo-words after."""

    def __init__(self, rng, size=4000):
        words = list(dict.fromkeys(COMMON_WORDS))
        seen = set(words)
        while len(words) < size:
            word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
            if word not in seen:
                seen.add(word)
                words.append(word)
        self.words = words
        self.cum = zipf_cum_weights(len(words))
        self.rng = rng

    def sample(self, count):
        return self.rng.choices(self.words, cum_weights=self.cum, k=count)

    def sentence(self, count):
        words = self.sample(count)
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def paragraphs(self, count, words_each):
        return "".join(f"<p>{self.sentence(words_each)}</p>" for _ in range(count))


# =============================================================================
# Django set-up (worker process)
# =============================================================================


def setup_django(database_url):
    """Settings of the test suite (tests.settings), with our database."""
    sys.path.insert(0, str(REPO))
    import dj_database_url
    import django
    from django.conf import settings

    import tests.settings as base

    values = {name: getattr(base, name) for name in dir(base) if name.isupper()}
    database = dj_database_url.parse(database_url)
    database["CONN_MAX_AGE"] = None  # one connection for the run, as a persistent server would keep
    values["DATABASES"] = {"default": database}
    values["DEBUG"] = False
    values["LOGGING_CONFIG"] = None
    settings.configure(**values)
    django.setup()


def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


# =============================================================================
# Data generation
# =============================================================================


def create_vocabulary(rng, lexicon, locale):
    """Domains (20 x 4 sub-domains), territories (regions > départements > communes),
    audiences, organisation types, tags. Returns lists of primary keys to draw from."""
    from taggit.models import Tag

    from wagtail_reseau import models as m

    vocab = {}
    tops = m.DomainOfAction.objects.bulk_create(
        [m.DomainOfAction(name=name, slug=slugify(name), locale=locale) for name in DOMAINS]
    )
    subs = m.DomainOfAction.objects.bulk_create(
        [
            m.DomainOfAction(name=f"{top.name} : {sub}", slug=f"{top.slug}-{slugify(sub)}", parent=top, locale=locale)
            for top in tops
            for sub in SUB_DOMAINS
        ]
    )
    vocab["domain_tops"] = tops
    vocab["domain_subs"] = {top.pk: [sub for sub in subs if sub.parent_id == top.pk] for top in tops}

    # Beside a loaded official geography, the synthetic regions take slugs of their own.
    prefix = "synthetic-" if m.Territory.objects.filter(locale=locale, slug="occitanie").exists() else ""
    regions = m.Territory.objects.bulk_create(
        [
            m.Territory(name=name, slug=prefix + slugify(name), kind="region", code=str(11 + index), locale=locale)
            for index, name in enumerate(REGIONS)
        ]
    )
    departments = m.Territory.objects.bulk_create(
        [
            m.Territory(
                name=f"Département {lexicon.words[400 + index * 7].capitalize()}",
                slug=f"departement-{index + 1:02d}",
                kind="department",
                code=f"{index + 1:02d}",
                parent=region,
                locale=locale,
            )
            for index, region in enumerate(r for r in regions for _ in range(DEPARTMENTS_PER_REGION))
        ]
    )
    communes = m.Territory.objects.bulk_create(
        [
            m.Territory(
                name=f"{lexicon.words[1000 + index * 3].capitalize()}-sur-{lexicon.words[2000 + index].capitalize()}",
                slug=f"commune-{department.code}{index % COMMUNES_PER_DEPARTMENT + 1:03d}",
                kind="commune",
                code=f"{department.code}{index % COMMUNES_PER_DEPARTMENT + 1:03d}",
                parent=department,
                locale=locale,
            )
            for index, department in enumerate(d for d in departments for _ in range(COMMUNES_PER_DEPARTMENT))
        ]
    )
    vocab["regions"] = regions
    vocab["departments"] = {region.pk: [d for d in departments if d.parent_id == region.pk] for region in regions}
    vocab["communes"] = {d.pk: [c for c in communes if c.parent_id == d.pk] for d in departments}
    vocab["audiences"] = m.Audience.objects.bulk_create(
        [m.Audience(name=name, slug=slugify(name), locale=locale) for name in AUDIENCES]
    )
    vocab["organisation_types"] = m.OrganisationType.objects.bulk_create(
        [
            m.OrganisationType(name=name, slug=slugify(name), code=code, locale=locale)
            for name, code in ORGANISATION_TYPES
        ]
    )
    tag_names = list(dict.fromkeys(lexicon.words[5 : 5 + TAG_COUNT]))
    vocab["tags"] = Tag.objects.bulk_create([Tag(name=name, slug=slugify(name)) for name in tag_names])
    return vocab


class Classifier:
    """Draws a page's classification with skewed (Zipfian) popularity of terms."""

    def __init__(self, rng, vocab):
        self.rng = rng
        self.vocab = vocab
        self.top_cum = zipf_cum_weights(len(vocab["domain_tops"]), 0.8)
        self.region_cum = zipf_cum_weights(len(vocab["regions"]), 0.8)
        self.audience_cum = zipf_cum_weights(len(vocab["audiences"]), 0.8)
        self.tag_cum = zipf_cum_weights(len(vocab["tags"]), 1.0)

    def pick(self, items, cum):
        return self.rng.choices(items, cum_weights=cum, k=1)[0]

    def domains(self):
        picked = set()
        for _ in range(self.rng.choice((1, 1, 2))):
            top = self.pick(self.vocab["domain_tops"], self.top_cum)
            term = top if self.rng.random() < 0.2 else self.rng.choice(self.vocab["domain_subs"][top.pk])
            picked.add(term.pk)
        return picked

    def territories(self):
        picked = set()
        for _ in range(self.rng.choice((1, 1, 1, 2))):
            region = self.pick(self.vocab["regions"], self.region_cum)
            level = self.rng.random()
            if level < 0.1:
                term = region
            else:
                department = self.rng.choice(self.vocab["departments"][region.pk])
                term = department if level < 0.4 else self.rng.choice(self.vocab["communes"][department.pk])
            picked.add(term.pk)
        return picked

    def audiences(self):
        count = self.rng.choice((0, 1, 1, 2))
        return {self.pick(self.vocab["audiences"], self.audience_cum).pk for _ in range(count)}

    def tags(self):
        count = self.rng.choice((0, 1, 2, 3))
        return {self.pick(self.vocab["tags"], self.tag_cum).pk for _ in range(count)}


def random_moment(rng, start, end):
    span = (end - start).total_seconds()
    return start + datetime.timedelta(seconds=rng.random() * span)


def page_values(kind, index, rng, lexicon, vocab, now):
    """Field values of one synthetic page of ``kind`` (title and slug included)."""
    title = " ".join(lexicon.sample(rng.randint(3, 6))).capitalize()
    published = random_moment(rng, now - datetime.timedelta(days=365 * 10), now - datetime.timedelta(days=1))
    values = {
        "title": title,
        "slug": f"{kind}-{index}",
        "first_published_at": published,
        "last_published_at": published,
    }
    summary = lexicon.sentence(rng.randint(15, 30))
    if kind == "practice":
        values.update(
            summary=summary,
            what=lexicon.paragraphs(2, rng.randint(25, 45)),
            how=lexicon.paragraphs(2, rng.randint(25, 45)),
            why=lexicon.paragraphs(1, rng.randint(15, 30)),
            start_date=published.date() - datetime.timedelta(days=rng.randint(0, 700)),
            maturity=rng.choice(["idea", "pilot", "established", "spread"]),
            public_reach=rng.randint(1, 4),
            recurrence=rng.randint(1, 4),
        )
    elif kind == "organisation":
        values.update(
            summary=summary,
            description=lexicon.paragraphs(2, rng.randint(30, 50)),
            commune=lexicon.words[1000 + rng.randrange(500)].capitalize(),
            postcode=f"{rng.randint(1, 95):02d}{rng.randint(0, 999):03d}",
            organisation_type_id=rng.choice(vocab["organisation_types"]).pk,
            network_level=rng.choice(["member", "member", "member", "departmental", "regional"]),
        )
    elif kind == "forum":
        start = random_moment(rng, now - datetime.timedelta(days=365 * 6), now + datetime.timedelta(days=365))
        values.update(
            summary=summary,
            description=lexicon.paragraphs(2, rng.randint(30, 50)),
            report_summary=lexicon.paragraphs(1, rng.randint(20, 40)) if start < now else "",
            start=start,
            end=start + datetime.timedelta(hours=rng.choice((2, 3, 7))),
            venue_name=f"Salle {lexicon.words[rng.randrange(200, 800)]}",
            kind=rng.choice(["forum", "workshop"]),
        )
    else:  # news
        values.update(
            intro=summary,
            body=json.dumps(
                [
                    {"type": "paragraph", "value": lexicon.paragraphs(1, rng.randint(30, 50)), "id": str(uuid.uuid4())},
                    {"type": "heading", "value": lexicon.sentence(5), "id": str(uuid.uuid4())},
                    {"type": "paragraph", "value": lexicon.paragraphs(1, rng.randint(30, 50)), "id": str(uuid.uuid4())},
                ]
            ),
            date=published.date(),
            author_name=" ".join(
                (lexicon.words[rng.randrange(100, 600)].capitalize(), lexicon.words[rng.randrange(600, 1600)].upper())
            ),
            kind="news",
        )
    return values


def bulk_create_pages(model, parent, rows, locale):
    """Live pages under ``parent`` without treebeard's one-by-one ``add_child``: the
    base rows with computed materialised paths in bulk, then the specific rows,
    then the parent's ``numchild``. Same rows as ``add_child`` would write."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from wagtail.models import Page

    content_type = ContentType.objects.get_for_model(model)
    depth = parent.depth + 1
    first_step = parent.numchild + 1
    objects = [
        model(
            content_type=content_type,
            locale=locale,
            depth=depth,
            path=Page._get_path(parent.path, depth, first_step + offset),
            numchild=0,
            url_path=f"{parent.url_path}{values['slug']}/",
            live=True,
            has_unpublished_changes=False,
            draft_title=values["title"],
            **values,
        )
        for offset, values in enumerate(rows)
    ]
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    local_fields = model._meta.local_concrete_fields
    with transaction.atomic():
        for batch in chunks(objects, 500):
            base_rows = [Page(**{field.attname: getattr(obj, field.attname) for field in base_fields}) for obj in batch]
            Page.objects.bulk_create(base_rows)
            for obj, row in zip(batch, base_rows, strict=True):
                obj.page_ptr_id = obj.id = row.pk
            model._base_manager._insert(batch, fields=local_fields, using="default")
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(objects))
    parent.numchild += len(objects)
    return [obj.pk for obj in objects]


def link_many(model, relation, pairs):
    from django.db import transaction

    field = model._meta.get_field(relation)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    with transaction.atomic():
        through.objects.bulk_create(
            [through(**{f"{source}_id": page_id, f"{target}_id": term_id}) for page_id, term_id in pairs],
            batch_size=2000,
        )


def link_tags(model, pairs):
    from django.db import transaction

    through = model.tags.through
    with transaction.atomic():
        through.objects.bulk_create(
            [through(content_object_id=page_id, tag_id=tag_id) for page_id, tag_id in pairs], batch_size=2000
        )


def generate(size, seed):
    """Vocabulary, index pages, catalogue pages and ``size`` classified pages."""
    from django.utils import timezone
    from wagtail.models import Locale, Site

    from wagtail_reseau import models as m

    rng = random.Random(seed)
    lexicon = Lexicon(rng)
    locale = Locale.get_default()
    vocab = create_vocabulary(rng, lexicon, locale)
    classifier = Classifier(rng, vocab)
    home = Site.objects.get(is_default_site=True).root_page.specific
    indexes = {
        "practice": (m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"), m.GoodPracticePage),
        "organisation": (m.OrganisationIndexPage(title="Annuaire", slug="annuaire"), m.OrganisationPage),
        "forum": (m.ForumIndexPage(title="Forums", slug="forums"), m.ForumPage),
        "news": (m.NewsIndexPage(title="Actualités", slug="actualites"), m.NewsPage),
    }
    for index_page, _model in indexes.values():
        home.add_child(instance=index_page)
    catalogues = {}
    for page_size in PAGE_SIZES:
        slug = "catalogue" if page_size == TIMED_PAGE_SIZE else f"catalogue-{page_size}"
        catalogue = m.CataloguePage(title=f"Catalogue {page_size}", slug=slug, results_per_page=page_size)
        home.add_child(instance=catalogue)
        catalogues[page_size] = catalogue

    now = timezone.now()
    counts = {}
    for kind, share in TYPE_MIX:
        index_page, model = indexes[kind]
        count = round(size * share)
        counts[kind] = count
        rows = [page_values(kind, number, rng, lexicon, vocab, now) for number in range(count)]
        page_ids = bulk_create_pages(model, index_page, rows, locale)
        classifications = {relation: [] for relation in ("domains", "territories", "audiences", "tags")}
        for page_id in page_ids:
            classifications["domains"].extend((page_id, term) for term in classifier.domains())
            classifications["territories"].extend((page_id, term) for term in classifier.territories())
            classifications["audiences"].extend((page_id, term) for term in classifier.audiences())
            if hasattr(model, "tags"):
                classifications["tags"].extend((page_id, tag) for tag in classifier.tags())
        for relation in ("domains", "territories", "audiences"):
            link_many(model, relation, classifications[relation])
        if classifications["tags"]:
            link_tags(model, classifications["tags"])
        log(f"  {count} {kind} pages")
    return {
        "lexicon": lexicon,
        "vocab": vocab,
        "catalogues": catalogues,
        "models": [model for _index, model in indexes.values()],
        "counts": counts,
    }


def index_in_wagtail(models):
    """Wagtail's search index for the synthetic pages, as ``update_index`` does it:
    ``get_indexed_objects()`` (related fields prefetched) and ``add_bulk`` by chunks."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    for model in models:
        ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
        for chunk in chunks(ids, 1000):
            backend.add_bulk(model, list(model.get_indexed_objects().filter(pk__in=chunk)))


def index_in_catalogue(models):
    """The catalogue's index: ``build_document`` for every page (relations
    prefetched) and ``DatabaseEngine().index_documents`` by batches."""
    from wagtail_reseau.catalogue.documents import build_document
    from wagtail_reseau.catalogue.engines.database import DatabaseEngine

    engine = DatabaseEngine()
    for model in models:
        ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
        related = [name for name in ("domains", "territories", "audiences", "tags") if hasattr(model, name)]
        for chunk in chunks(ids, 500):
            pages = model.objects.filter(pk__in=chunk).select_related("locale").prefetch_related(*related)
            if hasattr(model, "organisation_type"):
                pages = pages.select_related("organisation_type")
            documents = [document for document in map(build_document, pages) if document is not None]
            engine.index_documents(documents)


# =============================================================================
# Requests
# =============================================================================


def build_mix(data):
    """Realistic catalogue requests: text drawn from the vocabulary (frequent to
    rare words, one or two words) and three selected facet values, the popular
    ones (a real visitor narrows down where there is something to find)."""
    words = data["lexicon"].words
    vocab = data["vocab"]
    tops, regions, audiences = vocab["domain_tops"], vocab["regions"], vocab["audiences"]
    subdomain = vocab["domain_subs"][tops[0].pk][0]
    department = vocab["departments"][regions[0].pk][0]
    specs = [
        # (text, by frequency rank of its words; domain; territory; audience)
        ((14,), tops[0], regions[0], audiences[0]),
        ((40,), tops[1], regions[0], audiences[1]),
        ((120,), tops[0], regions[1], audiences[0]),
        ((8, 30), subdomain, regions[0], audiences[0]),
        ((20,), tops[0], department, audiences[0]),
        ((20, 100), tops[1], regions[0], audiences[0]),
    ]
    return [
        {
            "ranks": ranks,
            "params": {
                "q": " ".join(words[rank] for rank in ranks),
                "domain": domain.slug,
                "territory": territory.slug,
                "audience": audience.slug,
            },
        }
        for ranks, domain, territory, audience in specs
    ]


class Requests:
    """The kinds of request, each taking the GET parameters of one catalogue request."""

    def __init__(self, data):
        from django.test import Client
        from wagtail.models import Page

        self.client = Client()
        self.catalogues = {size: Page.objects.get(pk=page.pk).specific for size, page in data["catalogues"].items()}
        self.urls = {size: page.url for size, page in self.catalogues.items()}
        for page in self.catalogues.values():
            page.locale  # noqa: B018 - loaded once, as a served page has it
        self.facet_count = len(self.catalogues[TIMED_PAGE_SIZE].get_facet_keys())
        self.naive_fields = naive_facet_fields(self.facet_count)

    def catalogue_view(self, params, page_size=TIMED_PAGE_SIZE):
        response = self.client.get(self.urls[page_size], {**params, "format": "json"})
        assert response.status_code == 200, response.content[:300]
        return json.loads(response.content)

    def catalogue_engine(self, params, page_size=TIMED_PAGE_SIZE):
        from django.http import QueryDict

        from wagtail_reseau.catalogue.views import search

        return search(self.catalogues[page_size], QueryDict(urlencode(params)))

    @staticmethod
    def wagtail_search(text, ranked):
        from wagtail.models import Page

        return Page.objects.live().search(text, operator="and", order_by_relevance=ranked)

    def plain(self, params):
        return list(self.wagtail_search(params["q"], ranked=False)[:TIMED_PAGE_SIZE])

    def plain_ranked(self, params):
        return list(self.wagtail_search(params["q"], ranked=True)[:TIMED_PAGE_SIZE])

    def naive(self, params):
        results = self.wagtail_search(params["q"], ranked=False)
        hits = list(results[:TIMED_PAGE_SIZE])
        facets = {field: results.facet(field) for field in self.naive_fields}
        return hits, facets

    def plain_total(self, params):
        return self.wagtail_search(params["q"], ranked=False).count()


def naive_facet_fields(count):
    """Wagtail facets only on FilterFields that are columns of the searched model.
    Page has none for domains, territories, audiences, tags, years or upcoming/past,
    so the naive baseline facets the same search ``count`` times on Page's
    FilterFields of low cardinality: as many full-text evaluations as a real naive
    implementation, with cheaper GROUP BYs (no joins), hence a lower bound."""
    from wagtail.models import Page

    wanted = ["content_type", "first_published_at", "locale", "owner", "depth", "live", "locked", "show_in_menus"]
    filterable = {field.field_name: field.get_attname(Page) for field in Page.get_filterable_search_fields()}
    fields = [filterable[name] for name in wanted if name in filterable]
    return list(itertools.islice(itertools.cycle(fields), count))


def percentile(values, fraction):
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def stats(values):
    if not values:
        return {"n": 0}
    return {
        "p50_ms": round(statistics.median(values) * 1000, 3),
        "p95_ms": round(percentile(values, 0.95) * 1000, 3),
        "mean_ms": round(statistics.fmean(values) * 1000, 3),
        "n": len(values),
    }


class RequestTimeout(Exception):
    pass


@contextlib.contextmanager
def request_timeout(seconds):
    """Cancels the database work of a request that runs longer than ``seconds``."""
    from django.db import OperationalError, connection

    connection.ensure_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(seconds * 1000)}")
    else:
        deadline = time.perf_counter() + seconds
        connection.connection.set_progress_handler(lambda: int(time.perf_counter() > deadline), 20000)
    try:
        yield
    except OperationalError as error:
        raise RequestTimeout(str(error)) from error
    finally:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")
        else:
            connection.connection.set_progress_handler(None, 0)


def time_with_budget(function, params_list, count, timeout, budget):
    """Up to ``count`` timed requests (cycling over ``params_list``), each cancelled
    after ``timeout`` seconds, stopping once ``budget`` seconds are spent."""
    samples, timed_out = [], 0
    started = time.perf_counter()
    for number in range(count):
        if time.perf_counter() - started > budget:
            break
        start = time.perf_counter()
        try:
            with request_timeout(timeout):
                function(params_list[number % len(params_list)])
        except RequestTimeout:
            timed_out += 1
            break  # the next one would time out as well
        samples.append(time.perf_counter() - start)
    return {**stats(samples), "timed_out": timed_out, "timeout_s": timeout, "wanted": count}


def count_statements(function, *args, **kwargs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    function(*args, **kwargs)  # steady state: caches filled (vocabulary labels expire every 5 minutes)
    with CaptureQueriesContext(connection) as context:
        function(*args, **kwargs)
    return len(context.captured_queries)


def one_or_all(values):
    values = sorted(set(values))
    return values[0] if len(values) == 1 else values


class StatementTimer:
    """``connection.execute_wrapper`` that times every statement of a request."""

    def __init__(self):
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.statements.append((sql, time.perf_counter() - start))


VOCABULARY_TABLES = (
    "wagtail_reseau_domainofaction",
    "wagtail_reseau_territory",
    "wagtail_reseau_audience",
    "wagtail_reseau_organisationtype",
    "wagtailcore_locale",
)


def label_statements(sqls, selected_keys):
    """Names of the catalogue engine's statements, in the order it runs them."""
    labels, facet_queries = [], 0
    for sql in sqls:
        upper = sql.upper()
        if "GROUP BY" in upper:
            if facet_queries == 0:
                labels.append("counts of the facets without a selection (one grouped query)")
            else:
                key = selected_keys[facet_queries - 1] if facet_queries - 1 < len(selected_keys) else "?"
                labels.append(f"disjunctive counts of the selected facet '{key}'")
            facet_queries += 1
        elif any(table in sql for table in VOCABULARY_TABLES):
            labels.append("vocabulary labels (cache refill, every 5 minutes)")
        elif "SQLITE_MASTER" in upper:
            labels.append("introspection (is there an FTS5 table?)")
        elif "COUNT(" in upper and "LIMIT" not in upper:
            labels.append("total (COUNT)")
        elif "LIMIT" in upper or "ORDER BY" in upper:
            labels.append("page of hits (ORDER BY rank LIMIT)")
        else:
            labels.append("other")
    return labels


def profile_catalogue(requests, mix, rounds=5):
    """Where the time of a catalogue request goes: each SQL statement, and Python."""
    from django.db import connection

    per_position, request_totals, sql_totals = {}, [], []
    for _round in range(rounds):
        for params in mix:
            timer = StatementTimer()
            start = time.perf_counter()
            with connection.execute_wrapper(timer):
                requests.catalogue_engine(params)
            request_totals.append(time.perf_counter() - start)
            sql_totals.append(sum(duration for _sql, duration in timer.statements))
            selected = [key for key in ("domain", "territory", "audience") if key in params]
            labels = label_statements([sql for sql, _duration in timer.statements], selected)
            for position, (label, (sql, duration)) in enumerate(zip(labels, timer.statements, strict=True)):
                entry = per_position.setdefault(label, {"position": position, "durations": [], "sql": sql})
                entry["durations"].append(duration)
    request_median = statistics.median(request_totals)
    python = [total - sql for total, sql in zip(request_totals, sql_totals, strict=True)]
    return {
        "request_p50_ms": round(request_median * 1000, 3),
        "sql_p50_ms": round(statistics.median(sql_totals) * 1000, 3),
        "python_p50_ms": round(statistics.median(python) * 1000, 3),
        "statements": [
            {
                "label": label,
                "requests": len(entry["durations"]),
                "p50_ms": round(statistics.median(entry["durations"]) * 1000, 3),
                "share_of_request": round(statistics.median(entry["durations"]) / request_median, 3),
                "sql": re.sub(r"\s+", " ", entry["sql"])[:400],
            }
            for label, entry in sorted(per_position.items(), key=lambda item: item[1]["position"])
        ],
    }


def profile_python(requests, params, rounds=5, top=12):
    """The Python functions of the catalogue (and Django) where a request spends its time."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _round in range(rounds):
        requests.catalogue_engine(params)
    profiler.disable()
    listing = pstats.Stats(profiler)
    rows = []
    for (filename, line, name), (_calls, ncalls, _tottime, cumtime, _callers) in listing.stats.items():
        if "wagtail_reseau" in filename:
            rows.append((cumtime, f"{Path(filename).name}:{line} {name}", ncalls))
    rows.sort(reverse=True)
    return [
        {
            "function": label,
            "calls_per_request": round(calls / rounds, 1),
            "cumulative_ms": round(cumtime / rounds * 1000, 2),
        }
        for cumtime, label, calls in rows[:top]
    ]


def with_results(requests, spec, words):
    """The spec's request, its text made more frequent until it finds something:
    an empty result takes another path (extra "what if" counts)."""
    ranks = list(spec["ranks"])
    params = dict(spec["params"])
    while requests.catalogue_engine(params).total == 0 and ranks[0] > 0:
        ranks = [rank // 2 for rank in ranks]
        params["q"] = " ".join(words[rank] for rank in ranks)
    return params


def measure(data, requests_count):
    requests = Requests(data)
    words = data["lexicon"].words
    mix = [with_results(requests, spec, words) for spec in build_mix(data)]
    mix_report = [
        {
            **params,
            "catalogue_total": requests.catalogue_engine(params).total,
            "plain_total": requests.plain_total(params),
        }
        for params in mix
    ]
    log(
        "  mix: "
        + "; ".join(f"{item['q']!r}: {item['catalogue_total']} (plain {item['plain_total']})" for item in mix_report)
    )

    kinds = {
        "catalogue_view": requests.catalogue_view,
        "catalogue_engine": requests.catalogue_engine,
        "plain": requests.plain,
        "naive": requests.naive,
    }
    # Warm-up: caches (vocabulary labels, site root paths), connection, database pages.
    for _round in range(2):
        for params in mix:
            for function in kinds.values():
                function(params)

    samples = {kind: [] for kind in kinds}
    order = list(kinds)
    for number in range(requests_count):
        params = mix[number % len(mix)]
        shift = number % len(order)
        for kind in order[shift:] + order[:shift]:
            start = time.perf_counter()
            kinds[kind](params)
            samples[kind].append(time.perf_counter() - start)
    timings = {kind: stats(values) for kind, values in samples.items()}
    log("  timed: " + ", ".join(f"{kind} p50 {timing['p50_ms']:.1f} ms" for kind, timing in timings.items()))

    # Wagtail's search ordered by relevance (its default): on SQLite its score is a
    # correlated subquery per matching row, so it is timed under a budget.
    timings["plain_ranked"] = time_with_budget(requests.plain_ranked, mix, requests_count, timeout=30, budget=90)

    def ratio(kind, baseline):
        if not timings[kind].get("n") or not timings[baseline].get("n"):
            return None
        return {
            "p50": round(timings[kind]["p50_ms"] / timings[baseline]["p50_ms"], 3),
            "p95": round(timings[kind]["p95_ms"] / timings[baseline]["p95_ms"], 3),
        }

    ratios = {
        f"{kind}_vs_plain": ratio(kind, "plain")
        for kind in ("catalogue_engine", "catalogue_view", "naive", "plain_ranked")
    }
    ratios["catalogue_engine_vs_plain_ranked"] = ratio("catalogue_engine", "plain_ranked")
    ratios["catalogue_engine_vs_naive"] = ratio("catalogue_engine", "naive")

    log(f"  plain_ranked: {timings['plain_ranked']}")
    # SQL statements of one request, for each page size, over the whole mix.
    statements = {
        kind: {
            str(page_size): one_or_all(
                count_statements(getattr(requests, kind), params, page_size=page_size) for params in mix
            )
            for page_size in PAGE_SIZES
        }
        for kind in ("catalogue_view", "catalogue_engine")
    }
    for kind in ("plain", "plain_ranked", "naive"):
        statements[kind] = one_or_all(count_statements(getattr(requests, kind), params) for params in mix[-2:])

    # Other requests of the catalogue, for the record: the landing page (no text,
    # no filter) and the text alone (every count, no filter), common and rarer word.
    landing = {}
    for label, params in (
        ("landing (no text, no filter)", {}),
        (f"text only, common word {words[14]!r}", {"q": words[14]}),
        (f"text only, rarer word {words[120]!r}", {"q": words[120]}),
    ):
        entry = {"params": params}
        entry["catalogue_engine"] = time_with_budget(requests.catalogue_engine, [params], 5, timeout=30, budget=60)
        # Counted only when it runs in reasonable time (twice: once to warm up).
        if entry["catalogue_engine"].get("n"):
            entry["catalogue_statements"] = count_statements(requests.catalogue_engine, params)
        if params:
            entry["plain"] = time_with_budget(requests.plain, [params], 5, timeout=30, budget=60)
            entry["plain_ranked"] = time_with_budget(requests.plain_ranked, [params], 5, timeout=30, budget=60)
            entry["plain_total"] = requests.plain_total(params)
        landing[label] = entry

    log("  profiling")
    profile = {"sql": profile_catalogue(requests, mix), "python": profile_python(requests, mix[0])}
    return {
        "timings": timings,
        "ratios": ratios,
        "statements": statements,
        "naive_facet_fields": requests.naive_fields,
        "facets_per_request": requests.facet_count,
        "mix": mix_report,
        "other_requests": landing,
        "profile": profile,
    }


def database_version():
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            return "SQLite " + cursor.fetchone()[0]
        cursor.execute("show server_version")
        return "PostgreSQL " + cursor.fetchone()[0]


def worker(args):
    setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection
    from wagtail.search.models import IndexEntry

    from wagtail_reseau.models import CatalogueEntry, CatalogueFacetValue

    phases = {}
    start = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    phases["migrate_s"] = round(time.perf_counter() - start, 1)
    log(f"{args.database} {args.size}: migrated in {phases['migrate_s']} s; generating pages")
    if args.geography:
        start = time.perf_counter()
        source = [] if args.geography == "default" else ["--source", args.geography]
        call_command("reseau_load_geography", *source, verbosity=0)
        phases["geography_s"] = round(time.perf_counter() - start, 1)
        log(f"{args.database} {args.size}: official geography loaded in {phases['geography_s']} s")

    start = time.perf_counter()
    data = generate(args.size, args.seed)
    phases["pages_s"] = round(time.perf_counter() - start, 1)
    start = time.perf_counter()
    index_in_wagtail(data["models"])
    phases["wagtail_index_s"] = round(time.perf_counter() - start, 1)
    log(f"{args.database} {args.size}: Wagtail index in {phases['wagtail_index_s']} s")
    start = time.perf_counter()
    index_in_catalogue(data["models"])
    phases["catalogue_index_s"] = round(time.perf_counter() - start, 1)
    log(f"{args.database} {args.size}: catalogue index in {phases['catalogue_index_s']} s")
    if connection.vendor == "postgresql":
        # After a bulk load autovacuum would analyse the tables within a minute.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    documents = {
        "pages": data["counts"],
        "catalogue_entries": CatalogueEntry.objects.count(),
        "catalogue_facet_values": CatalogueFacetValue.objects.count(),
        "wagtail_index_entries": IndexEntry.objects.count(),
    }
    log(f"{args.database} {args.size}: measuring ({args.requests} requests of each kind)")
    start = time.perf_counter()
    figures = measure(data, args.requests)
    phases["measure_s"] = round(time.perf_counter() - start, 1)
    result = {
        "requests": args.requests,
        "database": args.database,
        "database_version": database_version(),
        "size": args.size,
        "documents": documents,
        "setup": phases,
        **figures,
    }
    print(json.dumps(result, ensure_ascii=False), flush=True)


# =============================================================================
# Driver: one worker process per (database, size), each on a throwaway database
# =============================================================================


def postgres_server(url):
    """(connection parameters, message): the server behind DATABASE_URL, if it answers."""
    if not url:
        return None, "DATABASE_URL is not set: PostgreSQL skipped (start one with `bash scripts/postgres.sh start`)"
    if not url.startswith(("postgres://", "postgresql://")):
        return None, f"DATABASE_URL is not a PostgreSQL URL ({urlsplit(url).scheme}): PostgreSQL skipped"
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=5) as connection:
            connection.execute("select 1")
    except Exception as error:  # noqa: BLE001 - any failure means: not reachable
        return None, f"PostgreSQL at DATABASE_URL does not answer ({error.__class__.__name__}: {error}): skipped"
    return url, ""


def with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


class ThrowawayDatabase:
    def __init__(self, database, size, server_url=None, keep=False):
        self.keep = keep
        self.database = database
        self.size = size
        self.server_url = server_url
        self.name = f"reseau_bench_{size}_{os.getpid()}"

    def __enter__(self):
        if self.database == "sqlite":
            self.directory = tempfile.mkdtemp(prefix="reseau-bench-")
            return f"sqlite:///{self.directory}/bench-{self.size}.sqlite3"
        import psycopg

        with psycopg.connect(self.server_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
            connection.execute(f'CREATE DATABASE "{self.name}"')
        return with_database(self.server_url, self.name)

    def __exit__(self, *exc):
        if self.keep:
            log(f"{self.database} {self.size}: database kept")
            return
        if self.database == "sqlite":
            shutil.rmtree(self.directory, ignore_errors=True)
            return
        import psycopg

        with psycopg.connect(self.server_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def run_worker(database, size, url, args):
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        "--database",
        database,
        "--size",
        str(size),
        "--requests",
        str(args.requests),
        "--seed",
        str(args.seed),
        "--database-url",
        url,
    ]
    if args.geography:
        command += ["--geography", args.geography]
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    completed = subprocess.run(command, stdout=subprocess.PIPE, text=True, env=environment, cwd=REPO)
    if completed.returncode != 0:
        raise RuntimeError(f"worker for {database} {size} failed with exit code {completed.returncode}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def machine():
    import django
    import wagtail

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "platform": platform.platform(),
    }


def summary_table(results):
    lines = [
        "| database | documents | catalogue engine p50 / p95 ms | catalogue view p50 / p95 ms "
        "| plain search p50 / p95 ms | naive .facet() p50 / p95 ms | ranked search p50 / p95 ms "
        "| engine / plain p50 (p95) | statements, page size 10 / 20 / 50 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        timings, ratio = result["timings"], result["ratios"]["catalogue_engine_vs_plain"]
        engine_statements = result["statements"]["catalogue_engine"]

        def pair(kind, timings=timings, result=result):
            timing = timings[kind]
            if not timing.get("n"):
                return f"timed out ({timing.get('timeout_s')} s)"
            partial = f" (n={timing['n']})" if timing["n"] < result["requests"] else ""
            return f"{timing['p50_ms']:.1f} / {timing['p95_ms']:.1f}{partial}"

        lines.append(
            f"| {result['database']} | {result['documents']['catalogue_entries']:,} | {pair('catalogue_engine')} "
            f"| {pair('catalogue_view')} | {pair('plain')} | {pair('naive')} | {pair('plain_ranked')} "
            f"| {ratio['p50']:.2f}× ({ratio['p95']:.2f}×) "
            f"| {' / '.join(str(engine_statements[str(size)]) for size in PAGE_SIZES)} |"
        )
    return "\n".join(lines)


def revision():
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "wagtail_reseau"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+uncommitted changes in wagtail_reseau/" if dirty else "")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 50000], help="numbers of documents")
    parser.add_argument("--databases", nargs="+", choices=["sqlite", "postgresql"], default=["sqlite", "postgresql"])
    parser.add_argument("--requests", type=int, default=50, help="timed requests of each kind per configuration")
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--quick", action="store_true", help="a smoke run: 500 documents, 5 requests")
    parser.add_argument("--output", help="also write the JSON figures to this file")
    parser.add_argument(
        "--keep", action="store_true", help="keep the throwaway databases (their URLs are logged) to inspect them"
    )
    parser.add_argument(
        "--geography",
        nargs="?",
        const="default",
        metavar="SOURCE",
        help="load France's official geography (35,000 communes) first; SOURCE as reseau_load_geography --source",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args)
        return 0
    if args.quick:
        args.sizes, args.requests = [500], 5

    server_url, skipped = None, {}
    if "postgresql" in args.databases:
        server_url, message = postgres_server(os.environ.get("DATABASE_URL", ""))
        if server_url is None:
            log(message)
            skipped["postgresql"] = message
    results = []
    started = time.perf_counter()
    for database in args.databases:
        if database in skipped:
            continue
        for size in args.sizes:
            log(f"{database} {size}: throwaway database")
            with ThrowawayDatabase(database, size, server_url, args.keep) as url:
                if args.keep:
                    log(f"{database} {size}: DATABASE_URL={url}")
                results.append(run_worker(database, size, url, args))
            log(summary_table(results[-1:]).splitlines()[-1])
    sys.path.insert(0, str(REPO))
    statement_counts = {
        json.dumps(result["statements"]["catalogue_engine"][str(size)])
        for result in results
        for size in PAGE_SIZES
    }
    ratio_target = 1.5
    report = {
        "benchmark": "wagtail-reseau catalogue",
        "revision": revision(),
        "machine": machine(),
        "requests_per_kind": args.requests,
        "sizes": args.sizes,
        "geography": args.geography,
        "skipped": skipped,
        "targets": {
            "faceted_vs_plain_max": ratio_target,
            "catalogue_engine_p50_within_target": {
                f"{result['database']}_{result['size']}": result["ratios"]["catalogue_engine_vs_plain"]["p50"]
                <= ratio_target
                for result in results
            },
            "statements_independent_of_page_and_data_size": len(statement_counts) == 1,
        },
        "results": results,
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    if results:
        print(summary_table(results))
    line = json.dumps(report, ensure_ascii=False, separators=(",", ":"))
    if args.output:
        Path(args.output).write_text(line + "\n", encoding="utf-8")
    print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
