"""Whatever a visitor (or a robot) posts to a public form: never a 5xx, and a
form sent back with its errors keeps what was typed and speaks French on the
French site. Hypothesis over the practice proposal (with files) and reuse forms,
the mentoring answer and request forms, comments and registrations, and over the
private-link routes (resume, closing report, registrant's links) with garbage
tokens. The pages are built once for the module."""

import base64
import urllib.parse

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale, Site

from wagtail_reseau import models as m

from tests.conftest import in_days, publish
from tests.events.calendar_data import module_data

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: Values that have broken forms somewhere: NUL, huge numbers, bad dates and
#: addresses, choice values that are not choices, markup, very long text.
NASTY = [
    "", " ", "0", "-1", "1", "2", "3", "99999999999999999999999", "1e999", "NaN", "null", "on", "off", "true",
    "\x00", "a\x00b", "<script>alert(1)</script>", "&amp;", "é", "e\u0301", "🙂", "\u202e", "\ufeff", "\r\n",
    "a" * 5000, "x" * 70000, "2024-02-30", "31/12/2024", "0000-00-00", "9999-99-99", "-0001-01-01",
    "not-an-email", "a@b", "@", "a@b.c", "amina@example.org", "x@" + "a" * 300 + ".org",
    "CC-BY-SA-4.0", "CC0", "offer", "request", "remote", "both", "in_person", "yes", "no", "step_free",
    "[1]", "{}", "%s", "{0}", "%(x)s", "../../etc/passwd", "Haute-Garonne", "Santé", "²", "٣", "-9223372036854775809",
]  # fmt: skip
values = st.one_of(st.sampled_from(NASTY), st.text(max_size=200), st.integers().map(str))
value_or_list = st.one_of(values, st.lists(values, max_size=3))
consents = st.sampled_from(["on", "", "off", "0", ["on", "on"], None])
#: A plain value a visitor types (no NUL, no control character): it must come back.
typed = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=120).filter(
    lambda value: value.strip()
)
languages = st.sampled_from(["", "fr", "en", "fr-FR,en;q=0.5", "de", "xx-invalid;q=abc"])
#: Garbage for a private link: anything without a slash (the URL's segment).
tokens = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["", "=", "====", "-_-_", "a" * 3000, "AAAA", "eyJ", "%00", "\x00", "..", "🙂"]),
    st.binary(max_size=120).map(lambda raw: base64.urlsafe_b64encode(raw).decode().rstrip("=")),
).filter(lambda token: token and "/" not in token and token not in {".", ".."})
query_strings = st.lists(
    st.tuples(st.sampled_from(["q", "token", "page", "comment", "registration", "x", ""]), values), max_size=6
)


def build():
    fr = Locale.objects.get_or_create(language_code="fr")[0]
    Locale.objects.get_or_create(language_code="en")
    home = Site.objects.get(is_default_site=True).root_page.specific
    domain = m.DomainOfAction.objects.create(name="Santé", slug="sante", locale=fr)
    territory = m.Territory.objects.create(
        name="Haute-Garonne", slug="haute-garonne", kind="department", code="31", locale=fr
    )
    m.Audience.objects.create(name="Bénévoles", slug="benevoles", locale=fr)
    directory = publish(home, m.OrganisationIndexPage(title="Annuaire", slug="annuaire"))
    centre = publish(directory, m.OrganisationPage(title="Centre social des Izards", slug="izards"))
    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
    practice = publish(practices, m.GoodPracticePage(title="Jardin partagé", slug="jardin", summary="Cultiver."))
    exchange = publish(home, m.MentoringIndexPage(title="Parrainage", slug="parrainage"))
    offer = m.MentoringPage(
        title="Offre budget participatif",
        slug="offre",
        direction="offer",
        organisation=centre,
        contact_name="Paul Mentor",
        contact_email="paul@example.org",
    )
    offer.domains.set([domain])
    offer = publish(exchange, offer)
    news_index = publish(home, m.NewsIndexPage(title="Actualités", slug="actualites"))
    news = publish(news_index, m.NewsPage(title="Nouvelle du réseau", slug="nouvelle", intro="Une nouvelle."))
    forums = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    forum = publish(forums, m.ForumPage(title="Forum ouvert", slug="ouvert", start=in_days(20), venue_name="Salle"))
    from wagtail_reseau.events.registrations.models import ForumRegistrationQuestion

    forum.registration_questions.add(
        ForumRegistrationQuestion(label="Votre repas ?", kind="choice", choices="Végétarien\nSans restriction")
    )
    forum.save_revision().publish()
    return {
        "domain": domain,
        "territory": territory,
        "centre": centre,
        "practices": practices,
        "practice": practice,
        "exchange": exchange,
        "offer": offer,
        "news": news,
        "forum": m.ForumPage.objects.get(pk=forum.pk),
    }


@pytest.fixture(scope="module")
def world_module(django_db_setup, django_db_blocker):
    with module_data(django_db_blocker, build) as data:
        yield data


@pytest.fixture
def world(world_module, db, settings, tmp_path, mailoutbox):
    settings.WAGTAIL_RESEAU_PROPOSAL_PRIVATE_DIR = str(tmp_path / "private")
    return world_module


def route(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def form_data(payload, probe_field, probe, consent, extra=None):
    """The fuzzed payload, the honeypot empty, the probe typed in its field."""
    data = {key: value for key, value in payload.items() if value is not None}
    data.update(extra or {})
    data["website"] = ""
    if consent is not None:
        data[consent_field(probe_field)] = consent
    else:
        data.pop(consent_field(probe_field), None)
    data[probe_field] = probe
    return data


def consent_field(probe_field):
    prefix = probe_field.split("-", 1)[0] + "-" if "-" in probe_field else ""
    return prefix + "consent"


def post(client, url, data, language, **extra):
    cache.clear()  # the rate limit counts per address: each example starts afresh
    headers = {"HTTP_ACCEPT_LANGUAGE": language} if language else {}
    response = client.post(url, data, **headers, **extra)
    assert response.status_code < 500, (url, data, response.status_code)
    return response


def assert_sent_back(response, probe):
    """A form sent back: what was typed is there (escaped), the errors in French."""
    html = response.content.decode()
    assert escape(probe) in html, probe
    assert "Le formulaire comporte" in html
    assert "The form has" not in html


def regression(payload):
    """An ``@example`` for a form's test: a payload that once crashed it, with a
    plain probe, the consent given, in French."""
    return example(payload=payload, probe="Amina", consent="on", language="fr")


def fuzz_form(fields):
    """``@FUZZ @given(...)`` for a public form's test: a payload of up to 12 of the
    form's ``fields`` (each a nasty value or a list of them), a probe typed by the
    visitor, the consent box in any state and any Accept-Language."""
    payloads = st.dictionaries(st.sampled_from(fields), value_or_list, max_size=min(len(fields), 12))
    return lambda test: FUZZ(given(payload=payloads, probe=typed, consent=consents, language=languages)(test))


def check_form(
    client, url, payload, probe_field, probe, consent, language, extra=None, honeypot=None, *, sent_back=400
):
    """Posts the fuzzed form to ``url`` (the probe typed in ``probe_field``): never a
    5xx, and when the form is sent back (status ``sent_back``) it keeps the probe and
    speaks French. ``honeypot`` names the empty trap field when it is not ``website``."""
    data = form_data(payload, probe_field, probe, consent, extra)
    if honeypot:
        data[honeypot] = data.pop("website")
    response = post(client, url, data, language)
    if response.status_code == sent_back:
        assert_sent_back(response, probe)


def get_everywhere(client, urls, pairs):
    cache.clear()
    params = [(name, value) for name, value in pairs if "\x00" not in name]
    for url in urls:
        response = client.get(url, params)
        assert response.status_code < 500, (url, params, response.status_code)


# -- Practices: the proposal (with files) and "We did it too" --------------------------

PROPOSAL_FIELDS = [
    "submission_key", "title", "summary", "what", "who", "why", "how", "domains", "territories",
    "territories-search", "domains-search", "audiences", "results", "links", "organisation",
    "organisation_name", "contact_name", "contact_email", "licence", "save", "files",
]  # fmt: skip


# Crashed (OverflowError on SQLite, a 500) before PublicFormMixin refused ids over 64 bits.
@regression({"organisation": "9223372036854775808", "territories": "9223372036854775808"})
# A NUL byte in the hidden submission key: PostgreSQL refused the lookup (a 500).
@regression({"submission_key": "a\x00b"})
@fuzz_form(PROPOSAL_FIELDS)
def test_proposal_form(client, world, payload, probe, consent, language):
    check_form(client, route(world["practices"], "proposal_form"), payload, "title", probe, consent, language)


VALID_PROPOSAL = {
    "what": "Un café convivial.",
    "who": "Les familles.",
    "why": "Rompre l'isolement.",
    "how": "Chaque mardi.",
    "contact_name": "Amina Diallo",
    "contact_email": "amina@example.org",
    "licence": "CC-BY-SA-4.0",
    "organisation_name": "Centre social",
}
SIGNATURES = (b"%PDF", b"PK", b"\x89PNG", b"\xff\xd8")


@FUZZ
@given(
    files=st.lists(
        st.tuples(
            st.one_of(
                st.text(min_size=1, max_size=80), st.sampled_from([".", ".pdf", "x.PDF", "a.docx", "b.png"])
            ).filter(lambda stem: "/" not in stem and "\\" not in stem and stem.strip(". ")),
            st.sampled_from(["pdf", "docx", "odt", "png", "jpg", "exe", "php", "", "tar.gz", "PDF", "svg", "html"]),
            st.binary(max_size=2000),
        ),
        min_size=1,
        max_size=7,
    ),
    probe=typed,
)
def test_proposal_files_are_refused_cleanly(client, world, files, probe):
    from wagtail_reseau.practices.contributions.models import ProposalFile

    before = ProposalFile.objects.count()
    uploads = [
        SimpleUploadedFile(f"{stem}.{extension}" if extension else stem or "fichier", content)
        for stem, extension, content in files
    ]
    data = {**VALID_PROPOSAL, "title": probe, "consent": "on", "website": "", "files": uploads}
    response = post(client, route(world["practices"], "proposal_form"), data, "fr")
    if not any(content.startswith(SIGNATURES) for _stem, _extension, content in files):
        assert response.status_code == 400
        assert ProposalFile.objects.count() == before
    if response.status_code == 400:
        assert_sent_back(response, probe)


REUSE_FIELDS = [
    "organisation", "organisation_name", "territory", "territory-search", "started_on", "adaptation", "result",
    "contact_name", "contact_email",
]  # fmt: skip


# Crashed (OverflowError on SQLite, a 500) before PublicFormMixin refused ids over 64 bits.
@regression({"organisation_name": "", "territory": "9223372036854775808"})
# Crashed (ValueError: "²" is a digit to isdigit(), not to int()) before the term chooser took it as text.
@regression({"territory": "²"})
# Crashed on PostgreSQL (a NUL byte in the chooser's typed text reached a query) before the chooser dropped it.
@regression({"territory-search": "\x00"})
@fuzz_form(REUSE_FIELDS)
def test_reuse_form(client, world, payload, probe, consent, language):
    check_form(client, route(world["practice"], "reuse_form"), payload, "contact_name", probe, consent, language)


# -- Mentoring: answer an offer, post a request ---------------------------------------

MENTORING_FIELDS = [
    "organisation", "organisation_name", "title", "message", "domains", "territory", "territory-search",
    "mentoring_format", "availability", "contact_name", "contact_email", "contact_phone",
]  # fmt: skip


# Crashed (OverflowError on SQLite, a 500) before PublicFormMixin refused ids over 64 bits.
@regression({"organisation": "9223372036854775808"})
@fuzz_form(MENTORING_FIELDS)
def test_mentoring_answer_form(client, world, payload, probe, consent, language):
    check_form(client, route(world["offer"], "mentoring_answer"), payload, "contact_name", probe, consent, language)


# Crashed (OverflowError on SQLite, a 500) before PublicFormMixin refused ids over 64 bits.
@regression({"organisation": "9223372036854775808", "domains": ["9223372036854775808", "1"]})
@fuzz_form(MENTORING_FIELDS)
def test_mentoring_request_form(client, world, payload, probe, consent, language):
    check_form(client, route(world["exchange"], "mentoring_request"), payload, "title", probe, consent, language)


# -- Comments -------------------------------------------------------------------------

COMMENT_FIELDS = ["comment-author_name", "comment-email", "comment-body", "comment-parent", "parent", "body"]


@fuzz_form(COMMENT_FIELDS)
def test_comment_form(client, world, payload, probe, consent, language):
    extra, honeypot = {"reseau_comment": "1"}, "comment-website"
    check_form(client, world["news"].url, payload, "comment-author_name", probe, consent, language, extra, honeypot)


# -- Registrations --------------------------------------------------------------------

REGISTRATION_FIELDS = [
    "email", "organisation", "organisation_name", "audience", "accessibility_needs", "accessibility_details",
    "session", "question_1", "question_2", "question_999999999999",
]  # fmt: skip


@fuzz_form(REGISTRATION_FIELDS)
def test_registration_form(client, world, payload, probe, consent, language):
    forum = world["forum"]
    for name in list(payload):  # the form's questions are named after their ids
        if name == "question_1":
            payload[f"question_{forum.registration_questions.first().pk}"] = payload.pop(name)
    # Sent back with status 200: the page again, with the form as sent.
    check_form(client, f"/registrations/{forum.pk}/", payload, "name", probe, consent, language, sent_back=200)


# -- Private links with garbage tokens, every route with garbage query strings --------


@FUZZ
@given(token=tokens, method=st.sampled_from(["get", "post"]), report=values)
def test_private_links_with_garbage_tokens(client, world, token, method, report):
    quoted = urllib.parse.quote(token, safe="")
    urls = [
        world["practices"].url + f"propose/resume/{quoted}/",
        world["exchange"].url + f"report/{quoted}/",
        f"/registrations/confirm/{quoted}/",
        f"/registrations/r/{quoted}/",
        f"/registrations/r/{quoted}/cancel/",
        f"/registrations/r/{quoted}/data.json",
        f"/registrations/r/{quoted}/event.ics",
        f"/registrations/r/{quoted}/certificate.pdf",
    ]
    cache.clear()
    for url in urls:
        if method == "get":
            response = client.get(url)
        else:
            response = client.post(url, {"report": report, "title": "Le café", "consent": "on", "website": ""})
        # Refused (404, or 405 where only GET is served), never accepted, never a 5xx.
        assert 400 <= response.status_code < 500, (url, response.status_code)


@FUZZ
@given(pairs=query_strings)
def test_every_form_route_with_garbage_query_strings(client, world, pairs):
    get_everywhere(
        client,
        [
            route(world["practices"], "proposal_form"),
            route(world["practices"], "proposal_sent"),
            route(world["practice"], "reuse_form"),
            route(world["offer"], "mentoring_answer"),
            route(world["exchange"], "mentoring_request"),
            world["news"].url,
            world["forum"].url,
            f"/registrations/{world['forum'].pk}/",
        ],
        pairs,
    )
