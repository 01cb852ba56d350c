"""Money as integer pence, never float."""

from decimal import Decimal

import pytest

from haven.hardship.money import parse_pounds, pence_of, pounds


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("40", Decimal("40")),
        ("£1,250.50", Decimal("1250.50")),
        (" 12.5 ", Decimal("12.5")),
        ("12.345", None),
        ("abc", None),
        ("", None),
        ("NaN", None),
        ("Infinity", None),
        ("١٢", None),
        ("1e400", None),
        ("-4", None),
        ("12.", None),
    ],
)
def test_parse_pounds(typed, expected):
    assert parse_pounds(typed) == expected


def test_pence_and_pounds():
    assert pence_of(Decimal("12.50")) == 1250
    assert pence_of("5000") == 500_000
    assert pounds(500_000) == "£5,000.00"
    assert pounds(-1250) == "-£12.50"
