"""A mentoring exchange with two open offers and one open request, and a
territory tree with a parent, children and a far region."""

import pytest

from wagtail_reseau import models as m

from tests.conftest import publish


@pytest.fixture
def exchange(home, vocab, federation, social_centre, locale_fr):
    tarn = m.Territory.objects.create(
        name="Tarn", slug="tarn", kind="department", code="81", parent=vocab["occitanie"], locale=locale_fr
    )
    bretagne = m.Territory.objects.create(name="Bretagne", slug="bretagne", kind="region", code="53", locale=locale_fr)
    index = publish(home, m.MentoringIndexPage(title="Parrainage", slug="parrainage"))

    def page(title, direction, organisation, domains, territories, fmt="both", **extra):
        new = m.MentoringPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            direction=direction,
            organisation=organisation,
            mentoring_format=fmt,
            contact_name="Contact " + title,
            contact_email=title.lower().replace(" ", ".") + "@example.org",
            **extra,
        )
        new.domains.set(domains)
        new.territories.set(territories)
        return publish(index, new)

    request = page("Besoin budget", "request", social_centre, [vocab["participation"]], [vocab["haute_garonne"]])
    near = page("Offre proche", "offer", federation, [vocab["participation"]], [vocab["haute_garonne"]])
    sibling = page("Offre voisine", "offer", federation, [vocab["participation"]], [tarn], fmt="in_person")
    far = page("Offre lointaine", "offer", federation, [vocab["health"]], [bretagne], fmt="remote")
    return {
        "index": index,
        "request": request,
        "near": near,
        "sibling": sibling,
        "far": far,
        "tarn": tarn,
        "bretagne": bretagne,
        "vocab": vocab,
        "social_centre": social_centre,
    }
