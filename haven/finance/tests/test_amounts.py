"""The ledger's spellings of an amount, refunds and credit notes included (finance/amounts.py)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haven.finance.amounts import parse_ledger_pounds


@pytest.mark.parametrize(
    ("text", "pounds"),
    [
        ("12.50", "12.50"),
        ("£1,250.00", "1250.00"),
        ("-12.50", "-12.50"),
        ("-£12.50", "-12.50"),
        ("£-12.50", "-12.50"),
        ("(12.50)", "-12.50"),
        ("(£1,250.00)", "-1250.00"),
        ("£(12.50)", "-12.50"),
        ("12.50 CR", "-12.50"),
        ("£12.50cr", "-12.50"),
        (" 7 ", "7"),
    ],
)
def test_each_documented_spelling_is_read(text, pounds):
    assert parse_ledger_pounds(text) == Decimal(pounds)


@pytest.mark.parametrize(
    "text",
    [
        "+12.50",
        "--12.50",
        "-(12.50)",
        "(-12.50)",
        "12.50-",
        "12.50 DR",
        "-12.50 CR",
        "1e3",
        "12.505",
        "CR",
        "()",
        "-",
        "",
        "twelve",
        "12.50 CR CR",
        "(12.50",
    ],
)
def test_anything_else_is_not_an_amount(text):
    """A sign is written once, one way: a slip is never read as a refund."""
    assert parse_ledger_pounds(text) is None


@given(st.integers(min_value=1, max_value=10**9))
def test_a_refund_reads_as_the_negative_of_its_spend_in_every_spelling(pence):
    plain = f"{pence // 100}.{pence % 100:02d}"
    amount = Decimal(plain)
    for text in (f"-{plain}", f"-£{plain}", f"£-{plain}", f"({plain})", f"{plain} CR"):
        assert parse_ledger_pounds(text) == -amount, text
