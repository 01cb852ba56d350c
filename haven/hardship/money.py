"""Money as integer pence (never float): parsing what staff type and showing it in pounds."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def pence_of(pounds: Decimal | int | str) -> int:
    """£12.5 as 1250 pence (rounded half up to the penny)."""
    value = Decimal(str(pounds)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return int(value * 100)


POUNDS = re.compile(r"\d{1,10}(\.\d{1,2})?")


def parse_pounds(text: str) -> Decimal | None:
    """What staff typed ("£1,250.50", "40") as pounds, or None if it is not a plain amount with
    at most two decimal places (no sign, no exponent)."""
    cleaned = text.strip().replace(",", "").removeprefix("£").strip()
    if not POUNDS.fullmatch(cleaned) or not cleaned.isascii():
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def pounds(pence: int) -> str:
    """1250 pence as "£12.50"; negative as "-£12.50"."""
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(pence), 100)
    return f"{sign}£{whole:,}.{part:02d}"
