"""Whatever a visitor puts in a catalogue's address, the answer is a page or JSON,
never a server error: a hypothesis fuzz test over every parameter the catalogue
reads (and some it does not), in HTML, JSON and autocomplete, on each engine."""

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wagtail_reseau import models as m

from tests.conftest import publish

pytestmark = pytest.mark.django_db

ENGINES = ["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]

#: Values that have broken search engines somewhere: syntax, huge numbers, NUL,
#: lone surrogates are not valid in a URL and are left to the client.
NASTY = [
    "", " ", "0", "-1", "1", "2", "99999999999999999999999", "1e999", "NaN", "null", "true",
    '"', "'", "*", "%", "_", "\\", "(", ")", "[", "]", "{", "}", ":", "^", "~", "-", "+", "!",
    "AND", "OR", "NOT", "NEAR", "a*", '"unclosed', "title:x", "\x00", "\x00abc", "\t\n", "é", "ﬁ",
    "e\u0301", "<script>", "&amp;", "🙂", "a" * 300, "sante", "prevention", "upcoming", "past", "2024",
]
PARAMETERS = ["q", "sort", "page", "format", "domain", "territory", "audience", "organisation_type",
              "type", "tag", "year", "when", "difficulty", "unknown", "q[]", ""]

values = st.one_of(st.sampled_from(NASTY), st.text(max_size=40))
query_strings = st.lists(st.tuples(st.sampled_from(PARAMETERS), values), max_size=8)


@pytest.fixture(params=ENGINES)
def engine_name(request):
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch_settings")
        yield request.param
        return
    with override_settings(WAGTAIL_RESEAU_CATALOGUE_ENGINE=request.param):
        yield request.param


@pytest.fixture
def catalogue(engine_name, home, vocab, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        practices = publish(home, m.GoodPracticeIndexPage(title="Pratiques", slug="pratiques"))
        practice = publish(practices, m.GoodPracticePage(title="Santé des habitants", slug="sante", summary="Santé"))
        practice.domains.set([vocab["prevention"]])
        practice.tags.add("jardin")
        practice.save_revision().publish()
        return publish(home, m.CataloguePage(title="Catalogue", slug="catalogue"))


def test_no_query_string_gives_a_server_error(client, catalogue):
    @settings(
        max_examples=120,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(query_strings, st.sampled_from(["", "json", "autocomplete"]))
    def check(pairs, format_):
        params = [(name, value) for name, value in pairs if "\x00" not in name]
        if format_:
            params.append(("format", format_))
        response = client.get(catalogue.url, params)
        assert response.status_code < 500, (params, response.status_code)
        if format_ in {"json", "autocomplete"}:
            response.json()  # always JSON

    check()
