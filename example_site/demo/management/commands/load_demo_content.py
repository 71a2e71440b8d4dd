"""``manage.py load_demo_content``: fill the example site with a fictional network.

Loads the default vocabulary (with English translations), adds a few
départements and communes, then builds under the default site's home page one
index of each kind (directory, forums, training, good practices, mentoring,
federal project, news) with realistic French content, translates a few pages
into English with wagtail-localize, and creates an ``admin`` superuser if the
site has none.

Running it again changes nothing: pages are matched by slug under their parent,
vocabulary terms by slug, people by name; nothing existing is modified and no
revision is created.
"""

import copy
from collections import Counter
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.fields import StreamField
from wagtail.models import Site
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

from wagtail_reseau.management.commands.reseau_load_vocabulary import VocabularyLoader, ensure_locales
from wagtail_reseau.models import (
    Audience,
    CataloguePage,
    DomainOfAction,
    FederalProjectPage,
    ForumContributor,
    ForumIndexPage,
    ForumPage,
    ForumParticipant,
    GoodPracticeIndexPage,
    GoodPracticePage,
    GoodPracticePartner,
    MentoringIndexPage,
    MentoringPage,
    NewsIndexPage,
    NewsPage,
    OrganisationIndexPage,
    OrganisationOpeningHours,
    OrganisationPage,
    OrganisationType,
    Person,
    ProjectAxisPage,
    ProjectUnderWay,
    Territory,
    TrainingCapsulePage,
    TrainingIndexPage,
    TrainingSession,
    TrainingTrainer,
)

from ... import calendars, content, content_en, contributions
from ... import comments as demo_comments
from ... import datainclusion as demo_datainclusion
from ... import geography as demo_geography
from ... import mentoring as demo_mentoring
from ... import registrations as demo_registrations
from ... import screens as demo_screens

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "admin"

#: Plain fields copied as they are from the content data onto each page type.
ORGANISATION_FIELDS = (
    "network_level summary description street_address postcode commune insee_code phone email website "
    "opening_hours_note premises_accessibility accessibility_notes siret"
).split()
FORUM_FIELDS = (
    "kind summary description attendance_mode venue_name venue_address online_url open_to_public "
    "registration_required capacity waiting_list external_registration_url accessibility_services "
    "accessibility_contact report_summary attendee_count"
).split()
FORUM_STREAMS = ("agenda", "perspectives", "report_documents")
TRAINING_FIELDS = ("summary description training_format pacing workload prerequisites cost").split()
PRACTICE_FIELDS = (
    "summary what who why how other_partners public_reach recurrence results transferability "
    "lessons_learned maturity contact_name contact_email licence"
).split()
MENTORING_FIELDS = (
    "direction summary description experience mentoring_format availability status contact_name "
    "contact_email contact_phone"
).split()
AXIS_FIELDS = "summary global_context stakes previous_actions avenues_for_action".split()


def default_address():
    """``(hostname, port)`` of ``WAGTAILADMIN_BASE_URL``, where the site answers
    (scripts/demo.sh sets it to the port it serves)."""
    address = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "http://127.0.0.1:8000")
    return address.hostname or "127.0.0.1", address.port or (443 if address.scheme == "https" else 80)


def root_url(hostname, port):
    scheme = "https" if port == 443 else "http"
    return f"{scheme}://{hostname}/" if port in (80, 443) else f"{scheme}://{hostname}:{port}/"


class DemoLoader:
    def __init__(self, command, verbosity, hostname="127.0.0.1", port=8000):
        self.command = command
        self.verbosity = verbosity
        self.hostname, self.port = hostname, port
        self.created = Counter()
        self.existing = Counter()
        self.order = []
        self.today = timezone.localdate()

    # -- output -------------------------------------------------------------------

    def log(self, message, level=2):
        if self.verbosity >= level:
            self.command.stdout.write(message)

    def _count(self, model, created, locale=None):
        label = str(model._meta.verbose_name_plural)
        if locale is not None:
            label = _("%(models)s (%(language)s)") % {"models": label, "language": locale.language_code}
        if label not in self.order:
            self.order.append(label)
        (self.created if created else self.existing)[label] += 1

    # -- helpers: references, dates -------------------------------------------------

    def terms(self, model, slugs):
        found = {term.slug: term for term in model.objects.filter(locale=self.locale, slug__in=slugs)}
        missing = [slug for slug in slugs if slug not in found]
        if missing:
            raise CommandError(
                _("Unknown %(model)s in the demo content: %(slugs)s")
                % {"model": model._meta.verbose_name, "slugs": ", ".join(missing)}
            )
        return [found[slug] for slug in slugs]

    def term(self, model, slug):
        return self.terms(model, [slug])[0] if slug else None

    def org(self, slug):
        if not slug:
            return None
        try:
            return self.organisations[slug]
        except KeyError:
            raise CommandError(
                _("Unknown organisation in the demo content: %(slug)s") % {"slug": slug}
            ) from None

    def person(self, name):
        try:
            return self.people[name]
        except KeyError:
            raise CommandError(_("Unknown person in the demo content: %(name)s") % {"name": name}) from None

    def when(self, spec):
        """An aware datetime from ``{"days": -3, "time": "14:00"}`` (relative to today)."""
        if spec is None:
            return None
        day = self.today + timedelta(days=spec["days"])
        return timezone.make_aware(datetime.combine(day, time.fromisoformat(spec.get("time", "00:00"))))

    def day(self, spec):
        if spec is None:
            return None
        if isinstance(spec, str):
            return date.fromisoformat(spec)
        return self.today + timedelta(days=spec["days"])

    def classify(self, page, data):
        page.domains = self.terms(DomainOfAction, data.get("domains", []))
        page.territories = self.terms(Territory, data.get("territories", []))
        page.audiences = self.terms(Audience, data.get("audiences", []))
        if data.get("tags"):
            page.tags.add(*data["tags"])

    # -- pages ----------------------------------------------------------------------

    def page(self, parent, model, slug, title, build=None, live=True):
        """The child of ``parent`` with this slug, created and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            existing = existing.specific
            if not isinstance(existing, model):
                raise CommandError(
                    _("The page “%(slug)s” under “%(parent)s” already exists but is not a %(model)s.")
                    % {"slug": slug, "parent": parent.title, "model": model._meta.verbose_name}
                )
            self._count(model, created=False)
            return existing

        page = model(title=title, slug=slug, live=live)
        if build:
            build(page)
        self._validate_children(page)
        self._validate_streams(page)
        parent.add_child(instance=page)
        # The save above validated a live page; a draft is only checked for its
        # title and slug there, so validate every page fully here.
        page.full_clean()
        revision = page.save_revision()
        if live:
            revision.publish()
        self._count(model, created=True)
        self.log(_("Created page “%(title)s”.") % {"title": title})
        return page

    def _validate_children(self, page):
        for relation in ("opening_hours", "contributors", "trainers", "sessions", "projects"):
            if hasattr(page, relation):
                for child in getattr(page, relation).all():
                    child.full_clean(exclude=["page"])

    def _validate_streams(self, page):
        for field in page._meta.get_fields():
            if isinstance(field, StreamField):
                value = getattr(page, field.name)
                if value:
                    field.stream_block.clean(value)

    def set_fields(self, page, data, names):
        for name in names:
            if name in data:
                value = data[name]
                if name in ("latitude", "longitude") and value is not None:
                    value = Decimal(value)
                setattr(page, name, value)

    # -- the steps ------------------------------------------------------------------

    def run(self):
        call_command(
            "reseau_load_vocabulary", translations=True, verbosity=self.verbosity, stdout=self.command.stdout
        )
        self.locale, other_locales, _created = ensure_locales()
        self.load_territories(other_locales)

        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError(_("There is no default site: run the migrations first."))
        home = site.root_page.specific
        if home.locale_id != self.locale.pk:
            raise CommandError(_("The home page of the default site is not in the default language."))
        home = self.convert_home(home)
        self.setup_home(home)

        self.load_organisations(home)
        self.load_people()
        self.load_forums(home)
        self.load_trainings(home)
        self.load_practices(home)
        self.load_mentoring(home)
        self.load_project(home)
        self.load_news(home)

        self.load_catalogues(home)
        self.show_indexes_in_menus(home)

        english = next(
            (locale for locale in other_locales if locale.language_code.split("-")[0] == "en"), None
        )
        if english is not None:
            self.translate_pages(home, english)
        if not site.site_name:
            site.site_name = content.HOME_TITLE
            site.save()
        self.set_site_address(site)
        self.load_home_blocks(home)
        self.ensure_superuser()

    def set_site_address(self, site):
        """The default site answers where the server runs, so that canonical and
        hreflang links, the API's URLs and redirects point there; running the
        command again with another port moves it."""
        if (site.hostname, site.port) != (self.hostname, self.port):
            site.hostname, site.port = self.hostname, self.port
            site.save(update_fields=["hostname", "port"])

    def load_catalogues(self, home):
        """A search over the whole network, and a practices-only catalogue."""

        def whole_network(page):
            page.intro = content.CATALOGUE_INTRO

        def practices_only(page):
            page.intro = content.PRACTICES_CATALOGUE_INTRO
            page.content_types = ["practice"]
            page.facets = ["domain", "territory", "audience", "tag", "year"]

        self.page(home, CataloguePage, "rechercher", "Rechercher dans le réseau", whole_network)
        self.page(
            self.indexes["practices"], CataloguePage, "catalogue", "Catalogue des bonnes pratiques", practices_only
        )

    def show_indexes_in_menus(self, home):
        """Lists the index pages in the site's main menu, in every language (once: no
        new revision later; a translation made by an earlier run is listed too)."""
        for page in home.get_children().live().specific():
            if page.locale_id != home.locale_id:
                continue
            for version in [page, *page.get_translations().live().specific()]:
                if not version.show_in_menus:
                    version.show_in_menus = True
                    version.save_revision().publish()

    def load_territories(self, other_locales):
        loader = VocabularyLoader(self.locale, other_locales, translations=True, log=self.log)
        for region_slug, departments in content.TERRITORIES.items():
            region = self.term(Territory, region_slug)
            loader.load(Territory, departments, parent=region)
        for (model, code, action), count in loader.stats.items():
            label = _("%(models)s (%(language)s)") % {
                "models": model._meta.verbose_name_plural,
                "language": code,
            }
            if label not in self.order:
                self.order.append(label)
            if action == "created":
                self.created[label] += count
            elif action in ("kept", "updated"):
                self.existing[label] += count
        for warning in loader.warnings:
            self.command.stderr.write(warning)

    def setup_home(self, home):
        if home.title in content.WAGTAIL_WELCOME_TITLES:
            home.title = content.HOME_TITLE
            home.draft_title = content.HOME_TITLE
            home.save_revision().publish()
            self.log(_("Renamed the home page “%(title)s”.") % {"title": home.title}, level=1)
        self.indexes = {}
        for key, model in (
            ("organisations", OrganisationIndexPage),
            ("forums", ForumIndexPage),
            ("trainings", TrainingIndexPage),
            ("practices", GoodPracticeIndexPage),
            ("mentoring", MentoringIndexPage),
        ):
            data = content.INDEXES[key]
            self.indexes[key] = self.page(home, model, data["slug"], data["title"], self._intro(data))

    def _intro(self, data):
        def build(page):
            page.intro = data["intro"]

        return build

    def load_organisations(self, home):
        index = self.indexes["organisations"]
        self.organisations = {}
        for data in content.ORGANISATIONS:

            def build(page, data=data):
                self.set_fields(page, data, ORGANISATION_FIELDS + ["latitude", "longitude"])
                page.organisation_type = self.term(OrganisationType, data["organisation_type"])
                page.parent_organisation = self.org(data["parent_organisation"])
                page.opening_hours = [
                    OrganisationOpeningHours(
                        weekday=weekday, opens=time.fromisoformat(opens), closes=time.fromisoformat(closes)
                    )
                    for weekday, opens, closes in data.get("opening_hours", [])
                ]
                self.classify(page, data)

            self.organisations[data["slug"]] = self.page(
                index, OrganisationPage, data["slug"], data["title"], build
            )

    def load_people(self):
        self.people = {}
        for data in content.PEOPLE:
            person = Person.objects.filter(locale=self.locale, name=data["name"]).first()
            if person is None:
                person = Person(
                    locale=self.locale,
                    name=data["name"],
                    job_title=data.get("job_title", ""),
                    biography=data.get("biography", ""),
                    organisation=self.org(data.get("organisation")),
                )
                person.full_clean()
                person.save()
                self._count(Person, created=True)
                self.log(_("Created person “%(name)s”.") % {"name": person.name})
            else:
                self._count(Person, created=False)
            self.people[data["name"]] = person

    def load_forums(self, home):
        index = self.indexes["forums"]
        self.forums = {}
        for data in content.FORUMS:

            def build(page, data=data):
                self.set_fields(page, data, FORUM_FIELDS)
                for name in FORUM_STREAMS:
                    if name in data:
                        setattr(page, name, data[name])
                page.start = self.when(data["start"])
                page.end = self.when(data.get("end"))
                page.registration_opens = self.when(data.get("registration_opens"))
                page.registration_closes = self.when(data.get("registration_closes"))
                page.organiser = self.org(data.get("organiser"))
                page.participating_organisations = [
                    ForumParticipant(organisation=self.org(slug))
                    for slug in data.get("participating_organisations", [])
                ]
                page.contributors = [
                    ForumContributor(person=self.person(name), role=role, topic=topic, locale=self.locale)
                    for name, role, topic in data.get("contributors", [])
                ]
                self.classify(page, data)

            self.forums[data["slug"]] = self.page(index, ForumPage, data["slug"], data["title"], build)

    def load_trainings(self, home):
        index = self.indexes["trainings"]
        for data in content.TRAININGS:

            def build(page, data=data):
                self.set_fields(page, data, TRAINING_FIELDS)
                page.duration_hours = Decimal(data["duration_hours"]) if data.get("duration_hours") else None
                page.learning_objectives = data.get("learning_objectives", [])
                page.materials = data.get("materials", [])
                page.provider = self.org(data.get("provider"))
                page.trainers = [
                    TrainingTrainer(person=self.person(name)) for name in data.get("trainers", [])
                ]
                page.sessions = [
                    TrainingSession(
                        start=self.when(session["start"]),
                        end=self.when(session.get("end")),
                        place=session.get("place", ""),
                        capacity=session.get("capacity"),
                        registration_url=session.get("registration_url", ""),
                    )
                    for session in data.get("sessions", [])
                ]
                self.classify(page, data)

            self.page(index, TrainingCapsulePage, data["slug"], data["title"], build)

    def _build_practice(self, data):
        def build(page):
            self.set_fields(page, data, PRACTICE_FIELDS)
            page.resources = data.get("resources", [])
            page.start_date = self.day(data.get("start_date"))
            page.lead_organisation = self.org(data.get("lead_organisation"))
            page.partner_organisations = [
                GoodPracticePartner(organisation=self.org(slug)) for slug in data.get("partner_organisations", [])
            ]
            self.classify(page, data)

        return build

    def load_practices(self, home):
        index = self.indexes["practices"]
        self.practices = {}
        for data in content.PRACTICES:
            self.practices[data["slug"]] = self.page(
                index, GoodPracticePage, data["slug"], data["title"], self._build_practice(data)
            )
        draft = content.DRAFT_PRACTICE
        self.page(
            index, GoodPracticePage, draft["slug"], draft["title"], self._build_practice(draft), live=False
        )

    def load_mentoring(self, home):
        index = self.indexes["mentoring"]
        for data in content.MENTORING:

            def build(page, data=data):
                self.set_fields(page, data, MENTORING_FIELDS)
                page.organisation = self.org(data["organisation"])
                page.available_from = self.day(data.get("available_from"))
                page.available_until = self.day(data.get("available_until"))
                self.classify(page, data)

            self.page(index, MentoringPage, data["slug"], data["title"], build)

    def load_project(self, home):
        data = content.FEDERAL_PROJECT

        def build_project(page):
            page.period_start = data["period_start"]
            page.period_end = data["period_end"]
            page.intro = data["intro"]
            page.principles = data["principles"]

        project = self.page(home, FederalProjectPage, data["slug"], data["title"], build_project)
        for axis in data["axes"]:

            def build(page, axis=axis):
                self.set_fields(page, axis, AXIS_FIELDS)
                page.operational_objectives = axis.get("operational_objectives", [])
                page.projects = [
                    ProjectUnderWay(
                        title=item["title"],
                        description=item.get("description", ""),
                        start_year=item.get("start_year"),
                        end_year=item.get("end_year"),
                        status=item.get("status", "in_progress"),
                        locale=self.locale,
                    )
                    for item in axis.get("projects", [])
                ]
                self.classify(page, axis)

            self.page(project, ProjectAxisPage, axis["slug"], axis["title"], build)

    def load_news(self, home):
        data = content.INDEXES["news"]
        index = self.page(home, NewsIndexPage, data["slug"], data["title"], self._intro(data))
        for item in content.NEWS:

            def build(page, item=item):
                page.kind = item["kind"]
                page.date = self.today + timedelta(days=item["days"])
                page.author_name = item.get("author_name", "")
                page.intro = item.get("intro", "")
                page.body = item.get("body", [])
                page.organisation = self.org(item.get("organisation"))
                if item.get("forum"):
                    page.forum = self.forums[item["forum"]]
                self.classify(page, item)

            self.page(index, NewsPage, item["slug"], item["title"], build)

    # -- the network's home page (NetworkHomePage) -------------------------------------

    def convert_home(self, home):
        """The default site's home as a NetworkHomePage. Wagtail's welcome page, a plain
        Page, becomes one in place with its translations: same ids, paths, URLs and
        revisions. A home of any other type is left as it is."""
        from django.contrib.contenttypes.models import ContentType
        from wagtail.models import Page, Revision

        from wagtail_reseau.models import NetworkHomePage

        if isinstance(home, NetworkHomePage):
            return home
        page_type = ContentType.objects.get_for_model(Page)
        home_type = ContentType.objects.get_for_model(NetworkHomePage)
        if home.content_type_id != page_type.pk:
            self.log(_("The home page is a %(model)s: it is kept as it is.") % {"model": home._meta.verbose_name})
            return home
        with transaction.atomic():
            for page in Page.objects.filter(translation_key=home.translation_key, content_type=page_type):
                converted = NetworkHomePage(page_ptr=page)
                converted.__dict__.update({k: v for k, v in page.__dict__.items() if not k.startswith("_")})
                converted.save_base(raw=True)  # the home page's own table only: the Page row stays
                Page.objects.filter(pk=page.pk).update(content_type=home_type)
                Revision.objects.filter(base_content_type=page_type, object_id=str(page.pk)).update(
                    content_type=home_type
                )
                self.log(_("Made “%(title)s” a network home page.") % {"title": page.title}, level=1)
        return NetworkHomePage.objects.get(pk=home.pk)

    def load_home_blocks(self, home):
        """The home page's blocks (every kind), in each language, where it has none yet:
        a search box into the catalogue of the whole network, the next forums and
        training sessions, residents' initiatives, the latest practices, the network in
        figures and a welcome text. Headings left empty take the translated defaults."""
        from wagtail_reseau.models import NetworkHomePage

        if not isinstance(home, NetworkHomePage):
            return
        children = {page.slug: page for page in home.get_children().live()}
        catalogue = children.get("rechercher")
        forums = self.indexes.get("forums")
        practices = self.indexes.get("practices")
        news = children.get(content.INDEXES["news"]["slug"])
        for page in [home, *home.get_translations().type(NetworkHomePage).specific()]:
            if page.body:
                continue

            def here(target, page=page):
                """``target`` in ``page``'s language, or None where it is not translated."""
                if target is None or target.locale_id == page.locale_id:
                    return target
                return target.get_translation_or_none(page.locale)

            blocks = []
            if here(catalogue) is not None:
                blocks.append(("search", {"catalogue": here(catalogue), "heading": "", "label": ""}))
            blocks += [
                ("upcoming", {"heading": "", "show": "both", "count": 4, "more_page": here(forums)}),
                ("news", {"heading": "", "kind": "residents_initiative", "count": 3, "more_page": here(news)}),
                ("practices", {"heading": "", "count": 3, "more_page": here(practices)}),
                ("figures", {"heading": ""}),
                ("text", content.HOME_WELCOME if page.locale_id == home.locale_id else content.HOME_WELCOME_EN),
            ]
            page.body = blocks
            self._validate_streams(page)
            page.save_revision().publish()
            self.log(_("Added the blocks of the home page “%(title)s”.") % {"title": page.title})

    # -- English translations (wagtail-localize) ---------------------------------

    def translate_pages(self, home, locale):
        self.translate(home, locale, content.HOME_TRANSLATION)
        self.translate(self.indexes["practices"], locale, content.PRACTICES_INDEX_TRANSLATION)
        for data in content.PRACTICES:
            if "translation" in data:
                self.translate(self.practices[data["slug"]], locale, data["translation"])
        # Every other live page, whatever its type, from the English glossary
        # (parents before their children: the tree is walked in path order).
        for page in home.get_descendants().live().filter(locale=self.locale).specific():
            self.translate(page, locale, {})

    def translate(self, page, locale, values):
        """Translate ``page`` into ``locale`` through wagtail-localize, so that the
        translation stays synchronised with its source in the admin.
        A string left as it is in ``values`` is looked up in the English glossary
        (``content_en.ENGLISH``); one found nowhere stays in the source language.

        ``values`` gives the translated field values, with the same structure as
        the source; for a StreamField, a list with the translated sub-values of
        each block, in order. The strings are paired segment by segment and
        stored in wagtail-localize's translation memory, then the translated
        page is created and published."""
        model = type(page.specific)
        translation = page.get_translation_or_none(locale)
        if translation is not None:
            self._count(model, created=False, locale=locale)
            return translation

        # Fresh copies from the database: StreamField blocks then carry their ids.
        page = model.objects.get(pk=page.pk)
        translated = model.objects.get(pk=page.pk)
        for name, value in values.items():
            field = model._meta.get_field(name)
            if isinstance(field, StreamField):
                raw = copy.deepcopy(list(getattr(page, name).raw_data))
                if len(raw) != len(value):
                    raise CommandError(
                        _("The translation of “%(field)s” of “%(title)s” does not match its source.")
                        % {"field": name, "title": page.title}
                    )
                for block, block_values in zip(raw, value, strict=True):
                    block["value"].update(block_values)
                value = raw
            setattr(translated, name, value)

        source_segments = [s for s in extract_segments(page) if isinstance(s, StringSegmentValue)]
        translated_segments = [s for s in extract_segments(translated) if isinstance(s, StringSegmentValue)]
        if [s.path for s in source_segments] != [s.path for s in translated_segments]:
            raise CommandError(
                _("The translation of “%(title)s” does not have the same structure as its source.")
                % {"title": page.title}
            )

        source, _created = TranslationSource.update_or_create_from_instance(page)
        for original, target in zip(source_segments, translated_segments, strict=True):
            translated_text = target.string.data
            if original.string.data == translated_text:
                translated_text = content_en.ENGLISH.get(original.string.data)
                if not translated_text:
                    continue
            segment = (
                StringSegment.objects.filter(
                    source=source, context__path=original.path, string__data=original.string.data
                )
                .select_related("string", "context")
                .first()
            )
            if segment is None:
                raise CommandError(
                    _("No source segment “%(path)s” in “%(title)s”.")
                    % {"path": original.path, "title": page.title}
                )
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": translated_text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )

        translation, _created = source.create_or_update_translation(locale, publish=False, fallback=True)
        translation.full_clean()
        translation.get_latest_revision().publish()
        self._count(model, created=True, locale=locale)
        self.log(
            _("Translated “%(title)s” into %(language)s.")
            % {"title": translation.title, "language": locale.language_code}
        )
        return translation

    # -- admin user -------------------------------------------------------------------

    def ensure_superuser(self):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self._count(User, created=False)
            return
        User.objects.create_superuser(
            **{User.USERNAME_FIELD: DEMO_USERNAME, "email": "admin@example.org", "password": DEMO_PASSWORD}
        )
        self._count(User, created=True)

    def summary(self):
        for label in self.order:
            self.log(
                _("%(models)s: %(created)d created, %(existing)d existing.")
                % {
                    "models": label.capitalize(),
                    "created": self.created[label],
                    "existing": self.existing[label],
                },
                level=1,
            )
        return sum(self.created.values()), sum(self.existing.values())


class Command(BaseCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.help = _(
            "Fill the example site with a fictional network of social centres: vocabulary, directory, "
            "forums, training, good practices, mentoring, federal project and news. Safe to run again."
        )

    def add_arguments(self, parser):
        hostname, port = default_address()
        parser.add_argument(
            "--hostname",
            default=hostname,
            help=_("Host name of the default site (default: that of WAGTAILADMIN_BASE_URL, %(default)s)."),
        )
        parser.add_argument(
            "--port",
            type=int,
            default=port,
            help=_("Port of the default site (default: that of WAGTAILADMIN_BASE_URL, %(default)s)."),
        )

    def handle(self, *args, **options):
        loader = DemoLoader(self, options["verbosity"], hostname=options["hostname"], port=options["port"])
        try:
            with transaction.atomic():
                loader.run()
        except ValidationError as error:
            raise CommandError(_("The demo content is not valid: %(error)s") % {"error": error}) from error
        # Each feature's demo (its own module, idempotent), before the summary so that
        # the site's address and login are the last lines printed.
        demo_registrations.load(self.stdout)
        calendars.load(self.stdout, translate=loader.translate)
        contributions.load(self.stdout)
        demo_comments.load(self.stdout)
        demo_mentoring.load(self.stdout)
        demo_geography.load(self.stdout)
        demo_datainclusion.load(self.stdout)
        demo_screens.load(self.stdout, translate=loader.translate)
        created, existing = loader.summary()
        verbosity = options["verbosity"]
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Demo content loaded: %(created)d objects created, %(existing)d already there.")
                    % {"created": created, "existing": existing}
                )
            )
            site_url = root_url(options["hostname"], options["port"])
            self.stdout.write(_("Site: %(url)s") % {"url": site_url})
            self.stdout.write(_("Admin: %(url)s") % {"url": f"{site_url}admin/"})
            self.stdout.write(self._login_message())

    def _login_message(self):
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: DEMO_USERNAME}, is_superuser=True).first()
        if user is not None and user.check_password(DEMO_PASSWORD):
            return _("Log in with the username “%(username)s” and the password “%(password)s”.") % {
                "username": DEMO_USERNAME,
                "password": DEMO_PASSWORD,
            }
        return _("Log in with your existing superuser account.")
