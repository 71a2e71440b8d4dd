"""Validators for French administrative identifiers."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# La Poste's establishments share one SIREN and do not follow the Luhn key.
LA_POSTE_SIREN = "356000000"


def luhn_is_valid(digits):
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def validate_siret(value):
    """A SIRET has 14 digits and a valid Luhn key (spaces are tolerated on input)."""
    digits = re.sub(r"\s+", "", value or "")
    if not re.fullmatch(r"\d{14}", digits):
        raise ValidationError(_("A SIRET number has exactly 14 digits."), code="siret_length")
    if digits.startswith(LA_POSTE_SIREN):
        return
    if not luhn_is_valid(digits):
        raise ValidationError(
            _("This SIRET number is not valid: please check for a typing mistake."),
            code="siret_key",
        )


def validate_insee_code(value):
    """An INSEE commune code: five digits, or 2A/2B followed by three digits in Corsica."""
    if not re.fullmatch(r"(\d{5}|2[ABab]\d{3})", value or ""):
        raise ValidationError(
            _("An INSEE commune code has five characters, e.g. 31555 or 2A004."),
            code="insee_code",
        )
