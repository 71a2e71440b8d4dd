"""The content model, one module per domain. Import from here:
``from wagtail_reseau.models import GoodPracticePage``."""

from .catalogue import CatalogueBacklog, CatalogueEntry, CatalogueFacetValue, CataloguePage
from .forums import (
    AccessibilityService,
    AttendanceMode,
    ContributorRole,
    ForumContributor,
    ForumIndexPage,
    ForumKind,
    ForumPage,
    ForumPageTag,
)
from .mentoring import MentoringDirection, MentoringFormat, MentoringIndexPage, MentoringPage, MentoringStatus
from .mixins import ClassifiedPageMixin, IndexPageMixin
from .news import NewsIndexPage, NewsKind, NewsPage, NewsPageTag
from .organisations import (
    NetworkLevel,
    OrganisationIndexPage,
    OrganisationOpeningHours,
    OrganisationPage,
    PremisesAccessibility,
)
from .practices import GoodPracticeIndexPage, GoodPracticePage, GoodPracticePageTag, Licence, Maturity, Rating
from .project import FederalProjectPage, ProjectAxisPage, ProjectStatus, ProjectUnderWay
from .taxonomy import Audience, DomainOfAction, OrganisationType, Person, Territory
from .trainings import (
    Pacing,
    TrainingCapsulePage,
    TrainingCapsulePageTag,
    TrainingFormat,
    TrainingIndexPage,
    TrainingSession,
    TrainingTrainer,
)

__all__ = [
    "AccessibilityService",
    "AttendanceMode",
    "Audience",
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
    "GoodPracticeIndexPage",
    "GoodPracticePage",
    "GoodPracticePageTag",
    "IndexPageMixin",
    "Licence",
    "Maturity",
    "MentoringDirection",
    "MentoringFormat",
    "MentoringIndexPage",
    "MentoringPage",
    "MentoringStatus",
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
