"""Every model of the package, gathered for Django (which reads an app's models
from here) and for convenience: ``from wagtail_reseau.models import GoodPracticePage``.
Each model lives in its domain's sub-package (``practices/models.py``...)."""

from .catalogue.models import CatalogueBacklog, CatalogueEntry, CatalogueFacetValue
from .catalogue.pages import CataloguePage
from .core.mixins import IndexPageMixin
from .directory.models import (
    NetworkLevel,
    OrganisationIndexPage,
    OrganisationOpeningHours,
    OrganisationPage,
    PremisesAccessibility,
)
from .events.agenda import AgendaPage
from .events.calendar_versions import CalendarVersion
from .events.forums import (
    AccessibilityService,
    AttendanceMode,
    ContributorRole,
    ForumContributor,
    ForumIndexPage,
    ForumKind,
    ForumPage,
    ForumPageTag,
    ForumParticipant,
)
from .events.trainings import (
    Pacing,
    TrainingCapsulePage,
    TrainingCapsulePageTag,
    TrainingFormat,
    TrainingIndexPage,
    TrainingSession,
    TrainingTrainer,
)
from .home.models import NetworkHomePage
from .mentoring.models import MentoringDirection, MentoringFormat, MentoringIndexPage, MentoringPage, MentoringStatus
from .news.models import NewsIndexPage, NewsKind, NewsPage, NewsPageTag
from .practices.models import (
    GoodPracticeIndexPage,
    GoodPracticePage,
    GoodPracticePageTag,
    GoodPracticePartner,
    Licence,
    Maturity,
    Rating,
)
from .project.models import FederalProjectPage, ProjectAxisPage, ProjectStatus, ProjectUnderWay
from .taxonomy.classification import ClassifiedPageMixin
from .taxonomy.models import Audience, DomainOfAction, OrganisationType, Person, Territory

__all__ = [
    "AccessibilityService",
    "AgendaPage",
    "AttendanceMode",
    "Audience",
    "CalendarVersion",
    "CatalogueEntry",
    "CatalogueFacetValue",
    "CatalogueBacklog",
    "CataloguePage",
    "ClassifiedPageMixin",
    "ContributorRole",
    "DomainOfAction",
    "FederalProjectPage",
    "ForumContributor",
    "ForumIndexPage",
    "ForumKind",
    "ForumPage",
    "ForumPageTag",
    "ForumParticipant",
    "GoodPracticeIndexPage",
    "GoodPracticePage",
    "GoodPracticePageTag",
    "GoodPracticePartner",
    "IndexPageMixin",
    "Licence",
    "Maturity",
    "MentoringDirection",
    "MentoringFormat",
    "MentoringIndexPage",
    "MentoringPage",
    "MentoringStatus",
    "NetworkHomePage",
    "NetworkLevel",
    "NewsIndexPage",
    "NewsKind",
    "NewsPage",
    "NewsPageTag",
    "OrganisationIndexPage",
    "OrganisationOpeningHours",
    "OrganisationPage",
    "OrganisationType",
    "Pacing",
    "Person",
    "PremisesAccessibility",
    "ProjectAxisPage",
    "ProjectStatus",
    "ProjectUnderWay",
    "Rating",
    "Territory",
    "TrainingCapsulePage",
    "TrainingCapsulePageTag",
    "TrainingFormat",
    "TrainingIndexPage",
    "TrainingSession",
    "TrainingTrainer",
]
