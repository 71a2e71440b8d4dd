"""The consent statement a form shows: the federation's, in the visitor's
language, or a built-in default."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

#: Shown when the federation has written no statement for a purpose (version 0).
DEFAULT_TEXTS = {
    "registration": _(
        "I agree that the federation keeps my name, e-mail address and answers to organise this event "
        "and contact me about it. They are erased after the retention period; I can ask for them to be "
        "erased earlier."
    ),
}
GENERIC_TEXT = _(
    "I agree that the federation keeps what I typed in this form to answer it. It is erased after the "
    "retention period; I can ask for it to be erased earlier."
)


@dataclass(frozen=True)
class DefaultConsent:
    """Stands in for a ``ConsentStatement`` the federation has not written."""

    purpose: str
    version: int = 0

    @property
    def text(self):
        return str(DEFAULT_TEXTS.get(self.purpose, GENERIC_TEXT))


def current_consent(purpose, locale=None):
    """The statement for ``purpose`` in ``locale`` (default: the active language),
    else in the default language, else the built-in default text."""
    from .models import ConsentStatement

    if locale is None:
        try:
            locale = Locale.get_active()
        except Locale.DoesNotExist:
            locale = None
    statements = {s.locale_id: s for s in ConsentStatement.objects.filter(purpose=purpose)}
    if locale is not None and locale.pk in statements:
        return statements[locale.pk]
    try:
        default_locale = Locale.get_default()
    except Locale.DoesNotExist:
        default_locale = None
    if default_locale is not None and default_locale.pk in statements:
        return statements[default_locale.pk]
    if statements:
        return next(iter(statements.values()))
    return DefaultConsent(purpose)
