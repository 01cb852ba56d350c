"""UK postcodes: tidy what was typed, and show only part of one. Pure Python."""

from __future__ import annotations

import re

POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}$")


def normalise_postcode(text: str) -> str:
    """``" le51fy "`` → ``"LE5 1FY"``; text that is not a postcode comes back upper-cased."""
    compact = "".join(text.split()).upper()
    if not POSTCODE.match(compact):
        return compact
    return f"{compact[:-3]} {compact[-3:]}"


def is_postcode(text: str) -> bool:
    return bool(POSTCODE.match("".join(text.split()).upper()))


def partial_postcode(text: str) -> str:
    """The outward code and the sector only: ``"LE5 1FY"`` → ``"LE5 1**"``."""
    postcode = normalise_postcode(text)
    if not is_postcode(postcode):
        return ""
    outward, inward = postcode.split(" ")
    return f"{outward} {inward[0]}**"
