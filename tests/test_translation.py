"""Pages and vocabulary snippets are translated through wagtail-localize: the
English version keeps the vocabulary's slugs and links, and shows English labels."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from wagtail_reseau import models as m

from tests.conftest import publish

pytestmark = pytest.mark.django_db


def translate_all(translation_obj, translate, on_commit):
    """Translates every string of a wagtail-localize translation with ``translate``
    (as a translator would in the editor) and saves the target. wagtail-localize
    publishes pages once the transaction commits: ``on_commit`` runs those callbacks."""
    for segment in StringSegment.objects.filter(source=translation_obj.source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation_obj.target_locale,
            context=segment.context,
            defaults={"data": translate(segment.string.data), "translation_type": "manual"},
        )
    with on_commit(execute=True):
        translation_obj.save_target(publish=True)


def test_vocabulary_term_is_translated_with_its_parent(
    admin_client, vocab, locale_en, django_capture_on_commit_callbacks
):
    prevention = vocab["prevention"]
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["wagtail_reseau", "domainofaction", prevention.pk],
    )
    response = admin_client.post(url, {"locales": [locale_en.pk]})
    assert response.status_code == 302

    names = {"Prévention": "Prevention", "Santé": "Health"}
    for pending in Translation.objects.filter(target_locale=locale_en):
        translate_all(pending, lambda text: names.get(text, text), django_capture_on_commit_callbacks)

    english = prevention.get_translation(locale_en)
    assert english.name == "Prevention"
    assert english.slug == "prevention"  # slugs are shared by every language
    # The parent was translated too, and the English term points at the English parent.
    assert english.parent.locale == locale_en
    assert english.parent.name == "Health"
    assert english.path_label == "Health › Prevention"


def test_page_is_translated_and_served_in_english(
    admin_client, client, home, vocab, locale_en, django_capture_on_commit_callbacks
):
    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
    practice = m.GoodPracticePage(
        title="Jardin partagé",
        slug="jardin-partage",
        what="<p>Un jardin cultivé par les habitants.</p>",
    )
    practice = publish(practices, practice)
    practice.domains.set([vocab["health"]])
    practice.save_revision().publish()

    # Translate the health domain into English first (through the snippet translation).
    response = admin_client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["wagtail_reseau", "domainofaction", vocab["health"].pk],
        ),
        {"locales": [locale_en.pk]},
    )
    assert response.status_code == 302

    # Submitting the page also creates its ancestors in English (home, index).
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[practice.pk]),
        {"locales": [locale_en.pk]},
    )
    assert response.status_code == 302

    strings = {
        "Jardin partagé": "Shared garden",
        "Un jardin cultivé par les habitants.": "A garden grown by residents.",
        "Santé": "Health",
    }
    for pending in Translation.objects.filter(target_locale=locale_en):
        translate_all(pending, lambda text: strings.get(text, text), django_capture_on_commit_callbacks)

    english = practice.get_translation(locale_en)
    assert english.live
    assert english.title == "Shared garden"
    assert english.slug == practice.slug or english.slug.startswith("jardin-partage")
    assert english.url.startswith("/en/")

    with translation.override("en"):
        response = client.get(english.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "A garden grown by residents." in html
    assert "Health" in html  # the domain shown in the visitor's language
    assert 'lang="en"' in html


def test_french_page_lists_its_english_translation(client, home, locale_en):
    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
    Page.objects.get(pk=home.pk).copy_for_translation(locale_en).save_revision().publish()
    english = practices.copy_for_translation(locale_en)
    english.title = "Good practices"
    english.save_revision().publish()
    html = client.get(practices.url).content.decode()
    assert 'hreflang="en"' in html
    assert english.url in html


def test_translation_follows_source_classification_and_edit_form_keeps_it(
    admin_client, home, vocab, locale_en, django_capture_on_commit_callbacks
):
    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
    practice = publish(practices, m.GoodPracticePage(title="Jardin partagé", slug="jardin-partage"))
    practice.domains.set([vocab["health"]])
    practice.save_revision().publish()
    english_health = vocab["health"].copy_for_translation(locale_en)
    english_health.name = "Health"
    english_health.save()

    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[practice.pk]), {"locales": [locale_en.pk]}
    )
    assert response.status_code == 302
    pending = Translation.objects.get(source__object_id=practice.translation_key, target_locale=locale_en)
    translate_all(pending, lambda text: text, django_capture_on_commit_callbacks)
    english = practice.get_translation(locale_en)
    assert list(english.domains.all()) == [vocab["health"]]

    # The source is reclassified: a sync carries the change to the translation.
    practice.domains.set([vocab["health"], vocab["participation"]])
    practice.save_revision().publish()
    pending.source.update_from_db()
    translate_all(pending, lambda text: text, django_capture_on_commit_callbacks)
    english.refresh_from_db()
    assert {d.slug for d in english.domains.all()} == {"sante", "participation"}

    # The English edit form shows the English "Health" checked, and the untranslated
    # French term as itself, so saving from it drops nothing.
    from wagtail_reseau.taxonomy.forms import ClassifiedPageForm

    form_class = m.GoodPracticePage.get_edit_handler().get_form_class()
    assert issubclass(form_class, ClassifiedPageForm)
    form = form_class(instance=english, for_user=None, parent_page=english.get_parent())
    assert set(form.initial["domains"]) == {english_health.pk, vocab["participation"].pk}
    offered = set(form.fields["domains"].queryset.values_list("pk", flat=True))
    assert english_health.pk in offered and vocab["participation"].pk in offered
    assert vocab["health"].pk not in offered  # the French twin is not offered twice
