"""The shared privacy core: consent statements, signed links, the public form
mixin and retention (the purge command), on a host's model (tests/testapp)."""

import datetime
import io

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from django.utils import timezone, translation

from wagtail_reseau.core.privacy.consent import current_consent
from wagtail_reseau.core.privacy.forms import PublicFormMixin
from wagtail_reseau.core.privacy.links import make_private_token, read_private_token
from wagtail_reseau.core.privacy.models import ConsentStatement
from wagtail_reseau.core.privacy.permissions import PersonalDataPermissionPolicy, can_view_personal_data
from wagtail_reseau.core.privacy.retention import months_before, purge_personal_data

from tests.testapp.models import ToolkitRequest

pytestmark = pytest.mark.django_db


def test_without_a_statement_the_default_text_is_version_0(locale_fr):
    with translation.override("en"):
        statement = current_consent("registration")
        assert statement.version == 0
        assert "organise this event" in statement.text
    with translation.override("fr"):
        assert "organiser cet événement" in current_consent("registration").text


def test_the_statement_in_the_visitors_language_else_the_default_language(locale_fr, locale_en):
    ConsentStatement.objects.create(purpose="proposal", text="Je consens.", locale=locale_fr)
    assert current_consent("proposal", locale_en).text == "Je consens."
    ConsentStatement.objects.create(purpose="proposal", text="I agree.", locale=locale_en)
    assert current_consent("proposal", locale_en).text == "I agree."
    with translation.override("fr"):
        assert current_consent("proposal").text == "Je consens."


def test_the_version_goes_up_when_the_text_changes(locale_fr):
    statement = ConsentStatement.objects.create(purpose="reuse", text="v1", locale=locale_fr)
    assert statement.version == 1
    statement.save()
    assert statement.version == 1
    statement.text = "v2"
    statement.save()
    statement.refresh_from_db()
    assert statement.version == 2


def make_request(days=10, **fields):
    return ToolkitRequest.objects.create(
        name=fields.pop("name", "Awa Diallo"),
        email="awa@example.org",
        age=34,
        consent_text="Je consens.",
        answers={"q": "a"},
        needed_on=timezone.now() - datetime.timedelta(days=days),
        **fields,
    )


def test_a_private_link_reads_back_its_object_until_it_expires():
    record = make_request()
    token = make_private_token(record, "toolkit", timezone.now() + datetime.timedelta(days=1))
    assert read_private_token(token, "toolkit") == record
    assert read_private_token(token, "registration") is None, "another purpose"
    assert read_private_token(token[:-2] + "xx", "toolkit") is None, "forged"
    assert read_private_token("nonsense", "toolkit") is None
    expired = make_private_token(record, "toolkit", timezone.now() - datetime.timedelta(seconds=1))
    assert read_private_token(expired, "toolkit") is None
    record.erase()
    assert read_private_token(token, "toolkit") is None, "erased"


class ToolkitForm(PublicFormMixin, forms.Form):
    consent_purpose = "toolkit"
    rate_limit = 3
    name = forms.CharField(label="Name")


def post(data, address="10.0.0.1"):
    request = RequestFactory().post("/", data, REMOTE_ADDR=address)
    return ToolkitForm(request.POST, request=request)


def test_the_form_needs_consent_and_keeps_what_was_typed(locale_fr):
    form = post({"name": "Awa"})
    assert not form.is_valid()
    assert "consent" in form.errors
    assert form["name"].value() == "Awa"
    assert [field_id for field_id, _ in form.error_summary()] == ["id_consent"]
    form = post({"name": "Awa", "consent": "on"})
    assert form.is_valid()
    record = form.apply_consent(ToolkitRequest(name="Awa", needed_on=timezone.now()))
    assert record.consent_purpose == "toolkit" and record.consent_version == 0
    assert record.consent_text and record.consented_at


def test_a_filled_honeypot_is_refused(locale_fr):
    form = post({"name": "Awa", "consent": "on", "website": "http://spam.example"})
    assert not form.is_valid()
    assert form.is_spam


def test_the_rate_limit_counts_per_address(locale_fr):
    for _ in range(3):
        assert post({"name": "Awa", "consent": "on"}).is_valid()
    form = post({"name": "Awa", "consent": "on"})
    assert not form.is_valid() and form.rate_limited
    assert post({"name": "Awa", "consent": "on"}, address="10.0.0.2").is_valid()


def test_months_before_keeps_the_day_or_takes_the_last_of_a_shorter_month():
    moment = datetime.datetime(2026, 3, 31, 12, tzinfo=datetime.UTC)
    assert months_before(moment, 1) == datetime.datetime(2026, 2, 28, 12, tzinfo=datetime.UTC)
    assert months_before(moment, 12) == datetime.datetime(2025, 3, 31, 12, tzinfo=datetime.UTC)
    assert months_before(moment, 15).month == 12


def test_the_purge_erases_expired_records_once_and_keeps_them_counted():
    old = make_request(days=200)
    recent = make_request(days=10, name="Léa")

    call_command("reseau_purge_personal_data", "--dry-run", stdout=(out := io.StringIO()))
    assert "would erase 1 record" in out.getvalue()
    old.refresh_from_db()
    assert old.name == "Awa Diallo", "a dry run erases nothing"

    call_command("reseau_purge_personal_data", stdout=io.StringIO())
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.email, old.age, old.answers) == ("", "", None, {})
    assert old.erased_at is not None and old.consent_text, "the statement agreed to stays"
    assert recent.name == "Léa" and recent.erased_at is None
    assert ToolkitRequest.objects.count() == 2

    erased_at = old.erased_at
    report = purge_personal_data()
    assert [count for label, months, count, total in report if label == "reseau_testapp.ToolkitRequest"] == [0]
    old.refresh_from_db()
    assert old.erased_at == erased_at, "idempotent"


@override_settings(WAGTAIL_RESEAU_TOOLKIT_RETENTION_MONTHS=1)
def test_the_retention_period_is_a_setting():
    make_request(days=40)
    assert [
        count
        for label, months, count, total in purge_personal_data(dry_run=True)
        if label == "reseau_testapp.ToolkitRequest"
    ] == [1]


def test_only_the_dedicated_permission_sees_personal_data():
    user_model = get_user_model()
    editor = user_model.objects.create_user("editor", password="x")
    policy = PersonalDataPermissionPolicy(ToolkitRequest)
    assert not can_view_personal_data(editor, ToolkitRequest)
    assert not policy.user_has_permission(editor, "list")
    permission = Permission.objects.get(codename="view_personal_data", content_type__app_label="reseau_testapp")
    editor.user_permissions.add(permission)
    editor = user_model.objects.get(pk=editor.pk)
    assert can_view_personal_data(editor, ToolkitRequest)
    assert policy.user_has_permission(editor, "list")
    assert policy.user_has_permission(editor, "export")
    assert not policy.user_has_permission(editor, "delete")
