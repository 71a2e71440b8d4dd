"""Adds "Registration questions" to the forum's Registration tab and to the
capsule's sessions tab, when this app is installed (the page types live in the
main app, which does not depend on this one)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import InlinePanel


def add_question_panels():
    from ..forums import ForumPage
    from ..trainings import TrainingCapsulePage

    for panels in (ForumPage.registration_panels, TrainingCapsulePage.organisation_panels):
        if not any(getattr(panel, "relation_name", None) == "registration_questions" for panel in panels):
            panels.append(
                InlinePanel(
                    "registration_questions",
                    heading=_("Registration questions"),
                    label=_("Question"),
                    help_text=_("Questions added to the registration form of this event, in this order."),
                )
            )
