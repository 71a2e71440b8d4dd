import pytest
from django.core.exceptions import ValidationError

from wagtail_reseau.core.validators import validate_insee_code, validate_siret


@pytest.mark.parametrize("value", ["73282932000074", "732 829 320 00074", "35600000000048"])
def test_valid_siret(value):
    validate_siret(value)


@pytest.mark.parametrize("value", ["73282932000075", "1234", "7328293200007A", ""])
def test_invalid_siret(value):
    with pytest.raises(ValidationError):
        validate_siret(value)


@pytest.mark.parametrize("value", ["31555", "2A004", "2B033", "97411"])
def test_valid_insee_code(value):
    validate_insee_code(value)


@pytest.mark.parametrize("value", ["3155", "315555", "2C004", "abcde"])
def test_invalid_insee_code(value):
    with pytest.raises(ValidationError):
        validate_insee_code(value)
