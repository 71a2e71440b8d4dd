import pytest

from wagtail_reseau import models as m

from tests.conftest import publish


@pytest.fixture
def practices(home):
    return publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
