"""``manage.py reseau_load_vocabulary``: load the default vocabulary.

Creates the default domains of action, territories (France and its regions),
audiences and organisation types of :mod:`wagtail_reseau.taxonomy.default_terms` in the
default locale and their translations in every other content language
(``WAGTAIL_CONTENT_LANGUAGES``), so that pages in any of the site's languages have
terms to be classified with, whether the site is English-first or French-first. In a
language the default vocabulary has no names for, the terms are created with the
default language's names, for the editors to translate (a warning says so);
``--default-language-only`` loads the default locale alone. Safe to run again:
terms are matched by (locale, slug), and a term that already exists is left as the
editors made it unless ``--update`` is given.
"""

from collections import Counter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ...conf import reseau_settings
from ...taxonomy import default_terms as vocabulary
from ...taxonomy.models import Audience, DomainOfAction, OrganisationType, Territory

#: The model of each vocabulary, by its name in ``WAGTAIL_RESEAU_VOCABULARIES``.
VOCABULARY_MODELS = {
    "domain": DomainOfAction,
    "territory": Territory,
    "audience": Audience,
    "organisation_type": OrganisationType,
}

#: Keys of a term that are not model fields.
_TERM_KEYS = {"slug", "names", "descriptions", "children"}


def ensure_locales():
    """Create the ``Locale`` rows of the content languages that are missing.

    Returns ``(default_locale, other_locales, created_codes)``."""
    created = []
    codes = [code for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES)]
    for code in codes:
        _locale, was_created = Locale.all_objects.get_or_create(language_code=code)
        if was_created:
            created.append(code)
    try:
        default = Locale.get_default()
    except Locale.DoesNotExist:
        default, was_created = Locale.all_objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        if was_created:
            created.append(settings.LANGUAGE_CODE)
    others = [locale for locale in Locale.all_objects.filter(language_code__in=codes).exclude(pk=default.pk)]
    return default, others, created


class VocabularyLoader:
    """Loads trees of vocabulary terms; reused by the demo content command.

    ``stats`` counts what happened, keyed by ``(model, locale code, action)``
    where the action is ``created``, ``kept``, ``updated`` or ``skipped``.
    ``warnings`` lists what could not be done, as translated sentences."""

    def __init__(
        self, default_locale, other_locales=(), update=False, translations=False, log=None, copy_untranslated=False
    ):
        self.default_locale = default_locale
        self.other_locales = list(other_locales) if translations else []
        # In a language without names: create the terms with the default language's
        # names (for the editors to translate) instead of skipping them.
        self.copy_untranslated = copy_untranslated
        self.update = update
        self.log = log or (lambda message, level=2: None)
        self.stats = Counter()
        self.warnings = []
        self._languages_without_names = set()

    # -- public API -----------------------------------------------------------

    def load(self, model, terms, parent=None):
        """Load a list of terms (with their children) under ``parent`` (a term of
        the default locale, or ``None`` for top-level terms).

        Returns ``{slug: term}`` of the terms in the default locale."""
        loaded = {}
        self._load_level(model, terms, parent, loaded)
        return loaded

    # -- internals ----------------------------------------------------------------

    def _load_level(self, model, terms, parent, loaded):
        for term in terms:
            obj = self._load_default(model, term, parent)
            loaded[term["slug"]] = obj
            for locale in self.other_locales:
                self._load_translation(model, term, obj, locale)
            children = term.get("children")
            if children:
                self._load_level(model, children, obj, loaded)

    def _extra_fields(self, model, term):
        names = {field.name for field in model._meta.concrete_fields}
        return {key: value for key, value in term.items() if key not in _TERM_KEYS and key in names}

    def _texts(self, term, language_code):
        name = vocabulary.name_for(term, language_code)
        description = vocabulary.name_for(term, language_code, key="descriptions")
        return name, description or ""

    def _default_texts(self, term):
        name, description = self._texts(term, self.default_locale.language_code)
        if name is None:
            name, description = self._texts(term, vocabulary.SOURCE_LANGUAGE)
        return name, description

    def _save(self, obj):
        obj.full_clean()
        obj.save()

    def _apply(self, obj, values):
        """Set ``values`` on ``obj``; return whether anything changed."""
        changed = False
        for field, value in values.items():
            if field == "parent":
                if obj.parent_id != (value.pk if value else None):
                    obj.parent = value
                    changed = True
            elif getattr(obj, field) != value:
                setattr(obj, field, value)
                changed = True
        return changed

    def _label(self, model):
        return str(model._meta.verbose_name)

    def _load_default(self, model, term, parent):
        locale = self.default_locale
        name, description = self._default_texts(term)
        values = {"name": name, "description": description, **self._extra_fields(model, term)}
        if hasattr(model, "parent"):
            values["parent"] = parent

        obj = model.objects.filter(locale=locale, slug=term["slug"]).first()
        key = (model, locale.language_code)
        if obj is None:
            obj = model(locale=locale, slug=term["slug"])
            self._apply(obj, values)
            self._save(obj)
            self.stats[(*key, "created")] += 1
            self.log(
                _("Created %(model)s “%(name)s” (%(language)s).")
                % {"model": self._label(model), "name": obj.name, "language": locale.language_code}
            )
        elif self.update and self._apply(obj, values):
            self._save(obj)
            self.stats[(*key, "updated")] += 1
            self.log(
                _("Updated %(model)s “%(name)s” (%(language)s).")
                % {"model": self._label(model), "name": obj.name, "language": locale.language_code}
            )
        else:
            self.stats[(*key, "kept")] += 1
            self.log(
                _("Kept %(model)s “%(name)s” (%(language)s).")
                % {"model": self._label(model), "name": obj.name, "language": locale.language_code},
                level=3,
            )
        return obj

    def _load_translation(self, model, term, source, locale):
        code = locale.language_code
        key = (model, code)
        name, description = self._texts(term, code)
        if name is None and self.copy_untranslated:
            name, description = source.name, source.description
            if code not in self._languages_without_names:
                self._languages_without_names.add(code)
                self.warnings.append(
                    _(
                        "The default vocabulary has no names in “%(language)s”: the terms were created with the "
                        "names of “%(default)s”; translate them in the admin (Network menu)."
                    )
                    % {"language": code, "default": self.default_locale.language_code}
                )
        if name is None:
            # The default vocabulary has no names in this language: leave it to the translators.
            self.stats[(*key, "skipped")] += 1
            if code not in self._languages_without_names:
                self._languages_without_names.add(code)
                self.warnings.append(
                    _(
                        "The default vocabulary has no names in “%(language)s”: translate the terms in the admin."
                    )
                    % {"language": code}
                )
            return None

        values = {"name": name, "description": description}
        if hasattr(model, "parent"):
            parent = source.parent.get_translation_or_none(locale) if source.parent_id else None
            if source.parent_id and parent is None:
                self.warnings.append(
                    _("“%(name)s” (%(language)s) has no translated parent: placed at the top level.")
                    % {"name": name, "language": code}
                )
            values["parent"] = parent

        translation = source.get_translation_or_none(locale)
        if translation is None:
            clash = model.objects.filter(locale=locale, slug=source.slug).first()
            if clash is not None:
                self.stats[(*key, "skipped")] += 1
                self.warnings.append(
                    _(
                        "“%(name)s” (%(language)s) already uses the slug “%(slug)s” but is not "
                        "a translation of “%(source)s”: left as it is."
                    )
                    % {
                        "name": clash.name,
                        "language": code,
                        "slug": source.slug,
                        "source": source.name,
                    }
                )
                return None
            translation = source.copy_for_translation(locale)
            self._apply(translation, values)
            self._save(translation)
            self.stats[(*key, "created")] += 1
            self.log(
                _("Created %(model)s “%(name)s” (%(language)s).")
                % {"model": self._label(model), "name": translation.name, "language": code}
            )
        elif self.update and self._apply(translation, values):
            self._save(translation)
            self.stats[(*key, "updated")] += 1
            self.log(
                _("Updated %(model)s “%(name)s” (%(language)s).")
                % {"model": self._label(model), "name": translation.name, "language": code}
            )
        else:
            self.stats[(*key, "kept")] += 1
        return translation

    def summary_lines(self):
        """One translated line per model and language, in loading order."""
        lines = []
        seen = []
        for model, code, _action in self.stats:
            if (model, code) not in seen:
                seen.append((model, code))
        for model, code in seen:
            counts = {
                action: self.stats[(model, code, action)]
                for action in ("created", "kept", "updated", "skipped")
            }
            line = _(
                "%(models)s (%(language)s): %(created)d created, %(kept)d kept, %(updated)d updated."
            ) % {
                "models": str(model._meta.verbose_name_plural).capitalize(),
                "language": code,
                **counts,
            }
            if counts["skipped"]:
                line += " " + _("%(skipped)d skipped.") % counts
            lines.append(line)
        return lines


class Command(BaseCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Translated at run time (argparse needs real strings, not lazy ones).
        self.help = _(
            "Load the default vocabulary of wagtail-reseau (domains of action, territories, audiences, "
            "organisation types) in every content language of the site. Existing terms are kept as they are."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--translations",
            action="store_true",
            help=_("Kept for compatibility: the terms are loaded in every content language by default."),
        )
        parser.add_argument(
            "--default-language-only",
            action="store_true",
            help=_(
                "Load the terms in the default language only (LANGUAGE_CODE), not in the other content "
                "languages (WAGTAIL_CONTENT_LANGUAGES)."
            ),
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help=_(
                "Reset the names, descriptions, parents and codes of existing terms to the defaults, "
                "overwriting the changes made by editors."
            ),
        )
        parser.add_argument(
            "--only",
            nargs="+",
            choices=sorted(vocabulary.DEFAULT_VOCABULARY),
            metavar="VOCABULARY",
            help=_(
                "Load only these vocabularies (domain, territory, audience, organisation_type). "
                "By default, those listed in WAGTAIL_RESEAU_VOCABULARIES."
            ),
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]

        def log(message, level=2):
            if verbosity >= level:
                self.stdout.write(message)

        names = options["only"] or [
            name for name in reseau_settings.VOCABULARIES if name in vocabulary.DEFAULT_VOCABULARY
        ]
        if not names:
            raise CommandError(
                _("There is no vocabulary to load: check WAGTAIL_RESEAU_VOCABULARIES or --only.")
            )

        try:
            with transaction.atomic():
                default_locale, other_locales, created_locales = ensure_locales()
                for code in created_locales:
                    log(_("Created the locale “%(language)s”.") % {"language": code}, level=1)
                loader = VocabularyLoader(
                    default_locale,
                    other_locales,
                    update=options["update"],
                    translations=not options["default_language_only"],
                    copy_untranslated=True,
                    log=log,
                )
                for name in names:
                    loader.load(VOCABULARY_MODELS[name], vocabulary.DEFAULT_VOCABULARY[name])
        except ValidationError as error:
            raise CommandError(
                _("The vocabulary could not be loaded: %(error)s") % {"error": error}
            ) from error

        for warning in loader.warnings:
            if verbosity >= 1:
                self.stderr.write(self.style.WARNING(warning))
        for line in loader.summary_lines():
            log(line, level=1)
        created = sum(count for (_m, _c, action), count in loader.stats.items() if action == "created")
        kept = sum(count for (_m, _c, action), count in loader.stats.items() if action == "kept")
        updated = sum(count for (_m, _c, action), count in loader.stats.items() if action == "updated")
        log(
            self.style.SUCCESS(
                _("Vocabulary loaded: %(created)d created, %(kept)d kept, %(updated)d updated.")
                % {"created": created, "kept": kept, "updated": updated}
            ),
            level=1,
        )
