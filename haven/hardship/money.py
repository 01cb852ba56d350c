"""Money as integer pence (never float): parsing what staff type and showing it in pounds."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def pence_of(pounds: Decimal | int | str) -> int:
    """£12.5 as 1250 pence (rounded half up to the penny)."""
    value = Decimal(str(pounds)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return int(value * 100)


def parse_pounds(text: str) -> Decimal | None:
    """What staff typed ("£1,250.50", "40") as pounds, or None if it is not an amount with at
    most two decimal places."""
    cleaned = text.strip().replace(",", "").removeprefix("£").strip()
    if not cleaned or not all(ch.isascii() for ch in cleaned):
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value.as_tuple().exponent < -2:  # type: ignore[operator]
        return None
    return value


def pounds(pence: int) -> str:
    """1250 pence as "£12.50"; negative as "-£12.50"."""
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(pence), 100)
    return f"{sign}£{whole:,}.{part:02d}"
