"""Objects in the visitor's language, many at once.

Wagtail's ``obj.localized`` looks the active locale up, then the translation, for
each object: two queries an item in a list of terms, people or organisations. Here a
whole list costs at most one query for the locale and one per model for the
translations, so a page renders in as many queries with 30 partners as with 2."""

from collections import defaultdict

from django.conf import settings
from wagtail.models import DraftStateMixin, Locale

#: Set on an object already in the active language (``localize_all``), so that a
#: template's ``|localized`` (reseau_i18n) does not look it up again.
LOCALIZED_MARK = "_reseau_localized"


def active_locale():
    """The Locale of the active language, or None when there is none to use."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None
    try:
        return Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return None


def localize_all(objects, locale=None):
    """``[obj.localized for obj in objects]``, in at most one query per model (and one
    for the active locale when ``locale`` is not given). A translation of a page that
    is not live is not used, as with Wagtail's ``localized``."""
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return objects
    locale = locale or active_locale()
    if locale is None:
        return objects
    keys_by_model = defaultdict(set)
    for obj in objects:
        if obj.locale_id != locale.id:
            keys_by_model[type(obj)].add(obj.translation_key)
    translations = {}
    for model, keys in keys_by_model.items():
        found = model._default_manager.filter(translation_key__in=keys, locale_id=locale.id)
        if issubclass(model, DraftStateMixin):
            found = found.filter(live=True)
        translations.update({(model, translation.translation_key): translation for translation in found})
    result = []
    for obj in objects:
        localized = obj if obj.locale_id == locale.id else translations.get((type(obj), obj.translation_key), obj)
        setattr(localized, LOCALIZED_MARK, True)
        result.append(localized)
    return result


def localize(obj, locale=None):
    """One object in the active language (None stays None); see ``localize_all``."""
    if obj is None or getattr(obj, LOCALIZED_MARK, False):
        return obj
    return localize_all([obj], locale)[0]


def localize_people(entries, attribute="person"):
    """Entries (forum contributors, trainers) whose ``person``, and that person's
    organisation, are in the active language: three queries whatever their number
    (read the entries with ``select_related("person__organisation")``)."""
    entries = list(entries)
    locale = active_locale()
    people = localize_all([getattr(entry, attribute) for entry in entries], locale)
    organisations = localize_all([person.organisation for person in people if person.organisation_id], locale)
    organisations = iter(organisations)
    for entry, person in zip(entries, people, strict=True):
        if person.organisation_id:
            person.organisation = next(organisations)
        setattr(entry, attribute, person)
    return entries


def live_pages_in_order(model, pks):
    """The live, public pages of ``model`` among ``pks``, once each, in the order of
    ``pks`` and in the active language: two queries (three with the translations)
    whatever their number. ``pks`` may come from objects held in memory (a preview's
    inline relations), which cannot be filtered in the database."""
    pks = list(dict.fromkeys(pk for pk in pks if pk))
    if not pks:
        return []
    found = {page.pk: page for page in model.objects.filter(pk__in=pks).live().public()}
    return localize_all([found[pk] for pk in pks if pk in found])
