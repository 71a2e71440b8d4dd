"""A small network with hand-computed catalogue expectations, shared by every
engine's tests (the Elasticsearch engine will run the same assertions)."""

import datetime

from django.utils import timezone
from wagtail.models import PageViewRestriction

from wagtail_reseau import models as m

from tests.conftest import publish


def build_golden(home, locale_fr, locale_en):
    """Creates the golden dataset; returns {name: page}. Expectations in the tests."""
    T = {}

    def term(model, slug, name, parent=None, **extra):
        T[slug] = model.objects.create(name=name, slug=slug, parent=parent, locale=locale_fr, **extra)
        return T[slug]

    sante = term(m.DomainOfAction, "sante", "Santé")
    term(m.DomainOfAction, "prevention", "Prévention", sante)
    term(m.DomainOfAction, "acces-aux-droits", "Accès aux droits", sante)
    term(m.DomainOfAction, "participation", "Participation des habitants")
    term(m.DomainOfAction, "logement", "Logement")
    occitanie = term(m.Territory, "occitanie", "Occitanie", kind="region")
    haute_garonne = term(m.Territory, "haute-garonne", "Haute-Garonne", occitanie, kind="department")
    term(m.Territory, "toulouse", "Toulouse", haute_garonne, kind="commune")
    hdf = term(m.Territory, "hauts-de-france", "Hauts-de-France", kind="region")
    term(m.Territory, "nord", "Nord", hdf, kind="department")
    T["benevoles"] = m.Audience.objects.create(name="Bénévoles", slug="benevoles", locale=locale_fr)
    T["habitants"] = m.Audience.objects.create(name="Habitants", slug="habitants", locale=locale_fr)
    T["centre-social"] = m.OrganisationType.objects.create(
        name="Centre social", slug="centre-social", code="CS", locale=locale_fr
    )

    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
    directory = publish(home, m.OrganisationIndexPage(title="Annuaire", slug="annuaire"))
    forums = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    news = publish(home, m.NewsIndexPage(title="Actualités", slug="actualites"))
    P = {}

    def classify(page, domains=(), territories=(), audiences=(), tags=()):
        page.domains.set([T[slug] for slug in domains])
        page.territories.set([T[slug] for slug in territories])
        page.audiences.set([T[slug] for slug in audiences])
        for tag in tags:
            page.tags.add(tag)
        page.save_revision().publish()
        return page

    def practice(key, title, year, summary="", **classes):
        page = publish(
            practices,
            m.GoodPracticePage(
                title=title, slug=key, summary=summary, start_date=datetime.date(year, 3, 1),
                what="<p>Une pratique <b>partagée</b> &lt;script&gt;alert(1)&lt;/script&gt;.</p>",
            ),
        )
        P[key] = classify(page, **classes)

    practice("p1", "Ateliers de prévention santé", 2021, "Des ateliers animés par des habitants-relais.",
             domains=["prevention"], territories=["toulouse"], audiences=["benevoles"], tags=["jardin"])
    practice("p2", "Permanence d'accès aux droits", 2022, "Une permanence hebdomadaire.",
             domains=["acces-aux-droits"], territories=["nord"], audiences=["habitants"])
    practice("p3", "Conseil citoyen du jardin", 2022, "Les habitants décident ensemble.",
             domains=["participation"], territories=["haute-garonne"], audiences=["habitants", "benevoles"])
    practice("p4", "Logement et santé", 2023, "Repérer le mal-logement.",
             domains=["sante", "logement"], territories=["nord"])

    organisation = publish(
        directory,
        m.OrganisationPage(title="Centre social des Izards", slug="o1", organisation_type=T["centre-social"],
                           summary="Un centre social de quartier."),
    )
    P["o1"] = classify(organisation, domains=["participation"], territories=["toulouse"])

    now = timezone.now()
    upcoming = publish(forums, m.ForumPage(title="Forum prévention", slug="f1", start=now + datetime.timedelta(days=10),
                                           venue_name="Toulouse"))
    P["f1"] = classify(upcoming, domains=["prevention"], territories=["occitanie"])
    past = publish(forums, m.ForumPage(title="Forum logement", slug="f2", start=now - datetime.timedelta(days=30),
                                       venue_name="Lille"))
    P["f2"] = classify(past, domains=["logement"], territories=["nord"])

    article = publish(news, m.NewsPage(title="Une initiative d'habitants", slug="n1", date=datetime.date(2022, 6, 1),
                                       intro="Des habitants ouvrent un café associatif."))
    P["n1"] = classify(article, domains=["participation"], territories=["nord"])

    # Never in the catalogue: a draft, a private page, an unpublished page.
    draft = m.GoodPracticePage(title="Brouillon santé", slug="draft", live=False)
    practices.add_child(instance=draft)
    draft.domains.set([T["sante"]])
    draft.save_revision()
    private = publish(practices, m.GoodPracticePage(title="Pratique privée santé", slug="private"))
    classify(private, domains=["sante"])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    unpublished = publish(practices, m.GoodPracticePage(title="Pratique dépubliée santé", slug="unpublished"))
    classify(unpublished, domains=["sante"])
    unpublished.unpublish()

    # English: the home, the index and one practice, classified with the French terms.
    english_home = home.copy_for_translation(locale_en)
    english_home.save_revision().publish()
    english_practices = practices.copy_for_translation(locale_en)
    english_practices.save_revision().publish()
    english = P["p1"].copy_for_translation(locale_en)
    english.title = "Health prevention workshops"
    english.save_revision().publish()
    P["e1"] = english
    P["practices"] = practices
    return P, T


FRENCH_PUBLIC = {"p1", "p2", "p3", "p4", "o1", "f1", "f2", "n1"}


def build_catalogues(home, locale_fr, locale_en):
    """The golden dataset and the catalogue pages the tests search through: the
    French catalogue (5 results a page), one restricted to the practices with two
    facets, and an English one. Run it with the on-commit callbacks executed: the
    pages are indexed after each commit."""
    pages, terms = build_golden(home, locale_fr, locale_en)
    catalogue = publish(home, m.CataloguePage(title="Catalogue", slug="catalogue", results_per_page=5))
    only_practices = publish(
        home,
        m.CataloguePage(
            title="Pratiques", slug="pratiques", content_types=["practice"], facets=["domain", "territory"]
        ),
    )
    english_home = home.get_translation(locale_en)
    english_catalogue = publish(english_home, m.CataloguePage(title="Catalogue", slug="catalogue"))
    titles = {page.title: key for key, page in pages.items() if hasattr(page, "title")}
    return {"pages": pages, "terms": terms, "catalogue": catalogue, "practices_only": only_practices,
            "english": english_catalogue, "titles": titles}
