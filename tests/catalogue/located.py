"""A small network with locations, for the map's tests (GeoJSON on both engines,
the directory as a search). Expectations are in the tests."""

import datetime

from django.utils import timezone
from wagtail.models import PageViewRestriction

from wagtail_reseau import models as m

from tests.conftest import publish

#: (latitude, longitude) of the located organisations.
PLACES = {
    "federation": ("43.604652", "1.444209"),  # Toulouse
    "izards": ("43.633000", "1.433000"),
    "lille": ("50.629250", "3.057256"),
    "roubaix": ("50.690000", "3.181700"),
    "other": ("45.764043", "4.835659"),  # Lyon, in another directory
    "draft": ("48.856613", "2.352222"),
    "private": ("48.856613", "2.352222"),
    "unpublished": ("48.856613", "2.352222"),
}


def build_located(home, locale_fr):
    T = {}

    def term(model, slug, name, parent=None, **extra):
        T[slug] = model.objects.create(name=name, slug=slug, parent=parent, locale=locale_fr, **extra)
        return T[slug]

    occitanie = term(m.Territory, "occitanie", "Occitanie", kind="region")
    term(m.Territory, "toulouse", "Toulouse", occitanie, kind="commune")
    hdf = term(m.Territory, "hauts-de-france", "Hauts-de-France", kind="region")
    term(m.Territory, "nord", "Nord", hdf, kind="department")
    term(m.DomainOfAction, "participation", "Participation des habitants")
    term(m.DomainOfAction, "logement", "Logement")
    T["centre-social"] = m.OrganisationType.objects.create(
        name="Centre social", slug="centre-social", code="CS", locale=locale_fr
    )
    T["federation-type"] = m.OrganisationType.objects.create(
        name="Fédération", slug="federation", code="FED", locale=locale_fr
    )

    directory = publish(home, m.OrganisationIndexPage(title="Annuaire", slug="annuaire"))
    other_directory = publish(home, m.OrganisationIndexPage(title="Autre annuaire", slug="autre-annuaire"))
    forums = publish(home, m.ForumIndexPage(title="Forums", slug="forums"))
    P = {"directory": directory, "other_directory": other_directory}

    def organisation(key, title, parent=directory, place=None, territories=(), domains=(), **fields):
        latitude, longitude = PLACES[place or key] if (place or key) in PLACES else (None, None)
        page = publish(
            parent,
            m.OrganisationPage(title=title, slug=key, latitude=latitude, longitude=longitude, **fields),
        )
        page.territories.set([T[slug] for slug in territories])
        page.domains.set([T[slug] for slug in domains])
        page.save_revision().publish()
        P[key] = page
        return page

    federation = organisation(
        "federation",
        "Fédération des centres sociaux d'Occitanie",
        territories=["occitanie"],
        network_level=m.NetworkLevel.REGIONAL,
        organisation_type=T["federation-type"],
    )
    organisation(
        "izards",
        "Centre social des Izards",
        territories=["toulouse"],
        domains=["participation"],
        parent_organisation=federation,
        organisation_type=T["centre-social"],
    )
    organisation(
        "lille",
        "Centre social de Lille-Sud",
        territories=["nord"],
        domains=["logement"],
        network_level=m.NetworkLevel.DEPARTMENTAL,
        organisation_type=T["centre-social"],
    )
    organisation(
        "roubaix",
        "Espace de vie sociale de Roubaix",
        territories=["nord"],
        domains=["participation"],
        parent_organisation=P["lille"],
    )
    organisation("unlocated", "Centre social sans adresse", territories=["toulouse"], parent_organisation=federation)
    organisation("other", "Centre social de Lyon", parent=other_directory)

    # Never on a map: a draft, a private page, an unpublished page.
    draft = m.OrganisationPage(
        title="Structure brouillon", slug="draft", live=False, latitude="48.85", longitude="2.35"
    )
    directory.add_child(instance=draft)
    draft.save_revision()
    private = organisation("private", "Structure privée", territories=["toulouse"])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    private.save_revision().publish()  # indexed again, now restricted
    unpublished = organisation("unpublished", "Structure dépubliée", territories=["toulouse"])
    unpublished.unpublish()

    now = timezone.now()

    def forum(key, title, organiser, **fields):
        page = publish(
            forums,
            m.ForumPage(
                title=title,
                slug=key,
                start=now + datetime.timedelta(days=10),
                venue_name="Salle",
                organiser=organiser,
                **fields,
            ),
        )
        page.territories.set([T["toulouse"]])
        page.save_revision().publish()
        P[key] = page

    forum("forum-izards", "Forum de la participation", P["izards"])
    forum(
        "forum-online",
        "Forum en ligne",
        P["izards"],
        attendance_mode=m.AttendanceMode.ONLINE,
        online_url="https://example.org/visio",
    )
    forum("forum-unlocated", "Forum sans lieu connu", P["unlocated"])
    forum("forum-private", "Forum de la structure privée", P["private"])
    return P, T


#: Located documents of the catalogue (both directories and the forums).
LOCATED = {"federation", "izards", "lille", "roubaix", "other", "forum-izards"}
#: Of them, what the directory "annuaire" shows.
DIRECTORY_LOCATED = {"federation", "izards", "lille", "roubaix"}
