"""What the home page's blocks list and count, each in a constant number of queries.

Every listing reads the live, public pages in the home page's language, under the
home page when it is in the tree (so each site of an installation counts its own)."""

from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db.models import Min, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.images import get_image_model

from ..core.cache_versions import bump_cache_version, cache_version
from ..core.public_version import public_content_version
from ..directory.models import OrganisationPage
from ..events.forums import ForumPage
from ..events.trainings import TrainingCapsulePage
from ..news.models import NewsPage
from ..practices.models import GoodPracticePage

#: How long the key figures are kept; publishing or unpublishing a page they count
#: forgets them at once (see ``forget_key_figures``).
KEY_FIGURES_TIMEOUT = 15 * 60
KEY_FIGURES_VERSION_KEY = "wagtail_reseau:home:figures-version"
#: The rendition of an image on a card (card.html): fetched with the pages.
CARD_IMAGE_FILTER = "fill-480x270"
CARD_LOGO_FILTER = "max-240x96"


def pages_of(model, home):
    """The live, public pages of ``model`` in ``home``'s language, under ``home``."""
    pages = model.objects.live().public()
    if home.locale_id:
        pages = pages.filter(locale_id=home.locale_id)
    if home.pk and home.path:  # an unsaved page (a preview before its first save) has no tree yet
        pages = pages.descendant_of(home)
    return pages


def with_renditions(pages, image_path, filter_spec):
    """``pages`` with the rendition a card shows of the image at ``image_path``
    (``"image"``, ``"lead_organisation__logo"``) fetched in one more query."""
    from django.db.models import Prefetch

    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=filter_spec)
    return pages.select_related(image_path).prefetch_related(Prefetch(f"{image_path}__renditions", renditions))


@dataclass(frozen=True)
class UpcomingEvent:
    """A forum or a training capsule with its next date."""

    date: datetime
    page: object
    meta_template: str


def upcoming_events(home, count, forums=True, trainings=True):
    """The next ``count`` forums (not yet over) and training capsules (by their next
    session), soonest first: at most two queries, and one more for the public check."""
    now = timezone.now()
    events = []
    if forums:
        upcoming_forums = (
            pages_of(ForumPage, home)
            .annotate(finishes=Coalesce("end", "start"))
            .filter(finishes__gte=now)
            .order_by("start", "pk")[:count]
        )
        events += [
            UpcomingEvent(forum.start, forum, "wagtail_reseau/includes/card_meta/forum.html")
            for forum in upcoming_forums
        ]
    if trainings:
        capsules = (
            pages_of(TrainingCapsulePage, home)
            .annotate(next_session=Min("sessions__start", filter=Q(sessions__start__gte=now)))
            .filter(next_session__isnull=False)
            .order_by("next_session", "pk")[:count]
        )
        events += [
            UpcomingEvent(capsule.next_session, capsule, "wagtail_reseau/includes/card_meta/next_session.html")
            for capsule in capsules
        ]
    events.sort(key=lambda event: (event.date, event.page.pk))
    return events[:count]


def latest_practices(home, count):
    pages = pages_of(GoodPracticePage, home).order_by("-first_published_at", "-pk")
    return list(with_renditions(pages, "lead_organisation__logo", CARD_LOGO_FILTER)[:count])


def latest_news(home, count, kind=""):
    pages = pages_of(NewsPage, home)
    if kind:
        pages = pages.filter(kind=kind)
    return list(with_renditions(pages.order_by("-date", "-pk"), "image", CARD_IMAGE_FILTER)[:count])


def key_figures(home):
    """Organisations, practices and forums of this year, in ``home``'s language and
    tree; kept in the cache (per home page, hence per language and site)."""
    year = timezone.localdate().year
    key = None
    if home.pk:
        version = cache_version(KEY_FIGURES_VERSION_KEY)
        # The public content version too: a page moved under a private one, or
        # given a view restriction, leaves the counts at once (core/public_version.py).
        public = public_content_version()
        key = f"wagtail_reseau:home:figures:{home.pk}:{home.locale_id}:{year}:{version}:{public}"
        figures = cache.get(key)
        if figures is not None:
            return figures
    figures = {
        "organisations": pages_of(OrganisationPage, home).count(),
        "practices": pages_of(GoodPracticePage, home).count(),
        "forums_this_year": pages_of(ForumPage, home).filter(start__year=year).count(),
        "year": year,
    }
    if key:
        cache.set(key, figures, KEY_FIGURES_TIMEOUT)
    return figures


COUNTED_MODELS = (OrganisationPage, GoodPracticePage, ForumPage)


def forget_key_figures(sender=None, instance=None, **kwargs):
    """Wagtail's ``page_published`` / ``page_unpublished`` and Django's ``post_delete``:
    a counted page changed, so every home page counts again on its next view."""
    if instance is None or isinstance(instance, COUNTED_MODELS) or sender in COUNTED_MODELS:
        bump_cache_version(KEY_FIGURES_VERSION_KEY)
