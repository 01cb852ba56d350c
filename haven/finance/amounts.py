"""Amounts as finance systems write them, refunds and credit notes included (no Django).

A spend ledger shows a refund or credit note as a negative amount. The spellings accepted (with
or without a £ sign and thousands commas, at most two decimal places):

| spelling | pounds |
| --- | --- |
| `12.50`, `£1,250.00` | 12.50, 1250.00 |
| `-12.50`, `-£12.50`, `£-12.50` | -12.50 |
| `(12.50)`, `(£12.50)`, `£(12.50)` | -12.50 (accountants' brackets) |
| `12.50 CR`, `£12.50CR` | -12.50 (a credit on a spend ledger reduces the spend) |

Anything else (`+12.50`, `--12.50`, `-(12.50)`, `12.50-`, `12.50 DR`, `1e3`) is not an amount:
a sign is written once, in one of these ways, so a typing slip is never read as a refund.
"""

from __future__ import annotations

import re
from decimal import Decimal

from haven.hardship.money import parse_pounds

CREDIT = re.compile(r"(?P<amount>.*?)\s*CR", re.IGNORECASE)
BRACKETS = re.compile(r"£?\((?P<amount>[^()]*)\)")
MINUS = re.compile(r"(£\s*)?-\s*(?P<amount>.*)")
EXAMPLES = "12.50, -12.50, (12.50) or 12.50 CR"


def parse_ledger_pounds(text: str) -> Decimal | None:
    """`text` in pounds, negative for a refund or credit note, or None when it is none of the
    spellings above."""
    cleaned = text.strip()
    for pattern in (CREDIT, BRACKETS, MINUS):
        match = pattern.fullmatch(cleaned)
        if match:
            amount = parse_pounds(match["amount"])
            return None if amount is None else -amount
    return parse_pounds(cleaned)
