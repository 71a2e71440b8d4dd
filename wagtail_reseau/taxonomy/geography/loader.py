"""Brings the ``Territory`` vocabulary in line with a :class:`~.plan.Plan`, in
every content language, in a few bulk queries per level of the tree (the tree
is a ``parent`` foreign key: parents are written before their children).

A territory is matched by its kind and official code, so the slugs editors and
pages use never change; a renamed commune is renamed in place, a commune whose
code changed keeps its term (found through the new commune's former codes), and
a commune merged into another stays, inactive, under its successor with
``replaced_by`` pointing at it: content classified with it stays found under
the new commune in the catalogue. Names of translations are only replaced while
they are still the official name (a translator's name is kept)."""

import uuid
from collections import Counter

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from tqdm import tqdm
from wagtail.models import Locale

from ...core.collation import collation_key
from ..models import Territory
from .plan import COMMUNE, DEPARTMENT, OTHER, REGION

#: Fields the loader owns (the description and the slug stay the editors').
SYNCED = ("name", "sort_name", "kind", "code", "postcodes", "parent_id", "is_active", "replaced_by_id")
MANAGED_KINDS = (REGION, DEPARTMENT, COMMUNE, OTHER)
BATCH = 1000
RETIRED_LEVEL = 4


class GeographyLoader:
    """``GeographyLoader(locales).run(plan)``; ``stats`` counts, per language,
    the territories ``created``, ``updated``, ``retired`` and ``kept``."""

    def __init__(self, locales=None, progress=False, stream=None):
        self.default_locale = Locale.get_default()
        locales = list(locales) if locales is not None else list(Locale.objects.all())
        self.other_locales = [locale for locale in locales if locale.pk != self.default_locale.pk]
        self.progress = progress
        self.stream = stream
        self.stats = Counter()
        self.warnings = []
        self.changed_pks = set()

    # -- public -------------------------------------------------------------------

    def run(self, plan):
        with transaction.atomic():
            self._load_default(plan)
            for locale in self.other_locales:
                self._load_translations(locale)
            self._after_commit()
        return self.stats

    # -- the default locale -----------------------------------------------------------

    def _bar(self, iterable, description, total=None):
        return tqdm(
            iterable,
            desc=description,
            total=total,
            disable=not self.progress,
            file=self.stream,
            unit="",
            leave=False,
        )

    def _load_default(self, plan):
        locale = self.default_locale
        language = locale.language_code
        self.slugs = set(Territory.objects.filter(locale=locale).values_list("slug", flat=True))
        existing = list(Territory.objects.filter(locale=locale))
        self.by_pk = {term.pk: term for term in existing}
        self.root = self._country(existing)
        self.levels = {self.root.pk: 0}
        self.old_names = {}
        self._formers = None
        rows = {(t.kind, t.code): t for t in existing if t.code and t.kind in MANAGED_KINDS}
        unused_by_slug = {t.slug: t for t in existing if not t.code and t.kind in MANAGED_KINDS}
        current = {entry.key for entry in plan.entries}
        keys = {}
        reused = set()
        for level in (1, 2, 3):
            creates, updates = [], []
            entries = plan.by_level(level)
            for entry in self._bar(entries, _("Territories (%(language)s)") % {"language": language}):
                parent_id = keys.get(entry.parent, self.root.pk) if entry.parent else self.root.pk
                values = {
                    "name": entry.name,
                    "sort_name": collation_key(entry.name)[:255],
                    "kind": entry.kind,
                    "code": entry.code,
                    "postcodes": entry.postcodes,
                    "parent_id": parent_id,
                    "is_active": True,
                    "replaced_by_id": None,
                }
                term = rows.get(entry.key)
                if term is None and entry.kind == COMMUNE:
                    term = self._former_term(entry, plan, rows, current, reused)
                if term is None:
                    term = unused_by_slug.pop(self._base_slug(entry), None)
                if term is None:
                    term = Territory(
                        locale=locale,
                        translation_key=uuid.uuid4(),
                        slug=self._new_slug(entry),
                        description="",
                    )
                    _assign(term, values)
                    creates.append(term)
                else:
                    reused.add(term.pk)
                    self.old_names[term.pk] = term.name
                    if _assign(term, values):
                        updates.append(term)
                keys[entry.key] = term
            self._write(creates, updates, language)
            for entry in entries:
                keys[entry.key] = keys[entry.key].pk
                self.levels[keys[entry.key]] = level
            for term in creates:
                self.by_pk[term.pk] = term
        self._retire(plan, rows, current, reused, keys)

    def _country(self, existing):
        for term in existing:
            if term.kind == Territory.Kind.COUNTRY and term.code == "FR":
                return term
        for term in existing:
            if term.slug == "france":
                return term
        root = Territory.objects.create(
            locale=self.default_locale, slug="france", name="France", kind=Territory.Kind.COUNTRY, code="FR"
        )
        self.slugs.add(root.slug)
        self.by_pk[root.pk] = root
        self.stats[(self.default_locale.language_code, "created")] += 1
        return root

    def _former_term(self, entry, plan, rows, current, reused):
        """The term of a commune whose code changed: the one former code of
        ``entry`` whose term is not an official commune any more (a merge of
        several communes keeps each of their terms)."""
        if self._formers is None:
            self._formers = {}
            for former, new in plan.successors.items():
                self._formers.setdefault(new, []).append(former)
        formers = self._formers.get(entry.code, ())
        if len(formers) != 1:
            return None
        key = (COMMUNE, formers[0])
        term = rows.get(key)
        if term is None or key in current or term.pk in reused or not term.is_active:
            return None
        del rows[key]
        return term

    def _base_slug(self, entry):
        base = slugify(collation_key(entry.name)) or entry.kind
        if entry.kind == COMMUNE:
            return f"{base}-{entry.code.lower()}"[:100]
        return base[:100]

    def _new_slug(self, entry):
        slug = self._base_slug(entry)
        if slug in self.slugs:
            slug = f"{slug[:90]}-{entry.code.lower()}"
        candidate, number = slug, 2
        while candidate in self.slugs:
            candidate = f"{slug[:95]}-{number}"
            number += 1
        self.slugs.add(candidate)
        return candidate

    def _write(self, creates, updates, language):
        if creates:
            Territory.objects.bulk_create(creates, batch_size=BATCH)
            missing = [term for term in creates if term.pk is None]
            if missing:  # databases that do not return the new keys
                wanted = [term.translation_key for term in missing]
                found = Territory.objects.filter(locale__language_code=language, translation_key__in=wanted)
                pks = dict(found.values_list("translation_key", "pk"))
                for term in missing:
                    term.pk = term.id = pks[term.translation_key]
        if updates:
            Territory.objects.bulk_update(updates, SYNCED, batch_size=BATCH)
            self.changed_pks.update(term.pk for term in updates)
        self.stats[(language, "created")] += len(creates)
        self.stats[(language, "updated")] += len(updates)

    def _retire(self, plan, rows, current, reused, keys):
        """Territories of the managed kinds that left the official list."""
        in_scope = None
        if plan.scope is not None:
            in_scope = {keys[key] for key in keys if key[0] in (DEPARTMENT, OTHER) and key[1] in plan.scope}
        updates = []
        retired = 0
        for key, term in rows.items():
            if key in current or term.pk in reused:
                continue
            if in_scope is not None and (term.kind != COMMUNE or term.parent_id not in in_scope):
                continue
            values = {"is_active": False}
            successor = plan.successors.get(term.code) if term.kind == COMMUNE else None
            if successor and (COMMUNE, successor) in keys:
                values["replaced_by_id"] = values["parent_id"] = keys[(COMMUNE, successor)]
            self.levels[term.pk] = RETIRED_LEVEL
            if term.is_active:
                retired += 1
            if _assign(term, values):
                updates.append(term)
        if updates:
            Territory.objects.bulk_update(updates, SYNCED, batch_size=BATCH)
            self.changed_pks.update(term.pk for term in updates)
        language = self.default_locale.language_code
        self.stats[(language, "retired")] += retired
        self.stats[(language, "updated")] += len(updates) - retired

    # -- translations ------------------------------------------------------------------

    def _load_translations(self, locale):
        language = locale.language_code
        sources = sorted(
            (self.by_pk[pk] for pk in self.levels if pk in self.by_pk), key=lambda term: self.levels[term.pk]
        )
        key_of = {term.pk: term.translation_key for term in self.by_pk.values()}
        translations = {term.translation_key: term for term in Territory.objects.filter(locale=locale)}
        slugs = {term.slug for term in translations.values()}
        level_of = self.levels
        for level in range(RETIRED_LEVEL + 1):
            creates, updates = [], []
            batch = [term for term in sources if level_of[term.pk] == level]
            for source in self._bar(batch, _("Territories (%(language)s)") % {"language": language}):
                parent = translations.get(key_of.get(source.parent_id))
                successor = translations.get(key_of.get(source.replaced_by_id))
                values = {
                    "sort_name": source.sort_name,
                    "kind": source.kind,
                    "code": source.code,
                    "postcodes": source.postcodes,
                    "is_active": source.is_active,
                    "parent_id": parent.pk if parent else None,
                    "replaced_by_id": successor.pk if successor else None,
                }
                term = translations.get(source.translation_key)
                if term is None:
                    if source.slug in slugs:
                        self.stats[(language, "skipped")] += 1
                        self.warnings.append(
                            _("“%(name)s” (%(language)s) already uses the slug “%(slug)s”: left as it is.")
                            % {"name": source.name, "language": language, "slug": source.slug}
                        )
                        continue
                    term = Territory(
                        locale=locale,
                        translation_key=source.translation_key,
                        slug=source.slug,
                        name=source.name,
                        description="",
                    )
                    _assign(term, values)
                    creates.append(term)
                    slugs.add(term.slug)
                    translations[term.translation_key] = term
                    continue
                if term.name == self.old_names.get(source.pk, source.name):
                    # Still the official name, not a translator's: follow it.
                    values["name"] = source.name
                else:
                    values.pop("sort_name")  # the translator's name keeps its own key
                if _assign(term, values):
                    updates.append(term)
            self._write(creates, updates, language)

    # -- the catalogue -------------------------------------------------------------------

    def _after_commit(self):
        from ...catalogue.facets import invalidate_vocabulary_cache

        invalidate_vocabulary_cache()
        page_ids = pages_classified_with(self.changed_pks)
        if page_ids:
            from ...catalogue.indexing.signals import on_commit
            from ...catalogue.indexing.updates import index_page_ids

            on_commit(index_page_ids, page_ids)

    def summary(self):
        return {
            action: sum(n for (_lang, act), n in self.stats.items() if act == action)
            for action in ("created", "updated", "retired", "skipped")
        }


def pages_classified_with(term_pks):
    """Ids of the pages classified with one of ``term_pks`` or their descendants
    (a changed parent changes every descendant's place in the catalogue's tree)."""
    if not term_pks:
        return set()
    from ...catalogue.indexing.writes import searchable_models

    children = {}
    for pk, parent_id in Territory.objects.filter(parent__isnull=False).values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    pks, frontier = set(term_pks), list(term_pks)
    while frontier:
        frontier = [child for pk in frontier for child in children.get(pk, ()) if child not in pks]
        pks.update(frontier)
    pks = sorted(pks)
    page_ids = set()
    for model in searchable_models():
        if not any(f.name == "territories" for f in model._meta.get_fields()):
            continue
        for start in range(0, len(pks), 500):
            chunk = pks[start : start + 500]
            page_ids.update(model.objects.filter(territories__in=chunk).values_list("pk", flat=True))
    return page_ids


def _assign(term, values):
    """Set ``values`` on ``term``; whether anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(term, name) != value:
            setattr(term, name, value)
            changed = True
    return changed
