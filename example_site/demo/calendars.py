"""Demo content of the calendars: an agenda page under the home page (French, and
its English translation through wagtail-localize). The forums and training
sessions it lists are the demo's own. Idempotent."""

from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from wagtail_reseau.models import AgendaPage

INTRO_FR = (
    "<p>Les forums, ateliers d'échange et sessions de formation à venir dans le réseau, mois par mois. "
    "Ajoutez un rendez-vous à votre agenda, ou abonnez-vous : votre application d'agenda se tient à jour.</p>"
)
INTRO_EN = (
    "<p>The forums, practice-exchange workshops and training sessions coming up in the network, month by "
    "month. Add one to your calendar, or subscribe: your calendar application keeps itself up to date.</p>"
)


def load(stdout, translate=None):
    """``translate(page, locale, values)``: the demo loader's own translation through
    wagtail-localize (kept in sync); without it the agenda stays in French only."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return
    home = site.root_page.specific
    agenda = AgendaPage.objects.child_of(home).first()
    if agenda is None:
        agenda = AgendaPage(title="Agenda", slug="agenda", intro=INTRO_FR, show_in_menus=True)
        home.add_child(instance=agenda)
        agenda.save_revision().publish()
        stdout.write(_("Agenda page created: %(url)s") % {"url": agenda.full_url or agenda.url_path})
    english = Locale.objects.filter(language_code__startswith="en").first()
    if translate is not None and english is not None and home.get_translation_or_none(english) is not None:
        translate(agenda, english, {"title": "Upcoming events", "slug": "upcoming-events", "intro": INTRO_EN})
