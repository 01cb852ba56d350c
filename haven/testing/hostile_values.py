"""Values an attacker (or a slip of the keyboard) would type, by kind of field (issue 9 s4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from urllib.parse import quote_plus

MEGABYTE = "x" * 1_000_000
LONE_SURROGATE = "\ud800"  # not encodable as UTF-8; sent as the raw bytes ED A0 80
UNICODE_DIGITS = ["²", "³", "١٢", "１２", "߂"]


class Many(tuple[str, ...]):
    """Several values for one name (an array where a scalar is expected)."""


def _shared() -> list[str | Many]:
    return [
        "",
        "\x00",
        "a\x00b",
        LONE_SURROGATE,
        "'; DROP TABLE people_person; --",
        '"><script>alert(1)</script>',
        "{{ 7*7 }}%s%(x)s",
        Many(("1", "2")),
    ]


OVER_LIMITS = "x" * 25_000  # over every text limit (notes 20,000), in all text fields at once
TEXT: list[str | Many] = [
    *_shared(),
    OVER_LIMITS,
    "\u202e\ufeff\u200b",
    "😀" * 50,
    " " * 5000,
    "-1",
    "9" * 400,
]
NUMBER: list[str | Many] = [
    *_shared(),
    *UNICODE_DIGITS[:2],
    "-1",
    "-99999999999999999999",
    "9" * 5000,
    "1e9",
    "1.5",
    "NaN",
    "inf",
    "0x10",
]
CHOICE: list[str | Many] = [
    *_shared(),
    "not-a-choice",
    "-1",
    "9" * 40,
    "00000000-0000-0000-0000-000000000000",
    "²",
    Many(("", "not-a-choice")),
]
DATE_PART: list[str | Many] = [
    *_shared(),
    *UNICODE_DIGITS,
    "-1",
    "0",
    "9" * 5000,
    "1e3",
    "99999",
]
HIDDEN: list[str | Many] = ["", "\x00", "x" * 5000, '"><b>', Many(("1", "2"))]
QUERY: list[str | Many] = [
    *_shared(),
    "x" * 65_536,
    *UNICODE_DIGITS[:2],
    "-1",
    "0",
    "9" * 5000,
    "not-a-choice",
    "00000000-0000-0000-0000-000000000000",
    "../../etc/passwd",
    "//evil.example/",
]


def date_combos(parts: Sequence[str], today: dt.date) -> list[dict[str, str]]:
    """Whole dates (and times) at the edges: years 0, 1000, 1899, 9999, 10000, tomorrow, 30 Feb…"""
    tomorrow = today + dt.timedelta(days=1)
    dates = [
        ("1", "1", "0"),
        ("1", "1", "1000"),
        ("31", "12", "1899"),
        ("1", "1", "1900"),
        ("31", "12", "9999"),
        ("1", "1", "10000"),
        ("31", "12", "2099"),
        ("30", "2", "2024"),
        (str(tomorrow.day), str(tomorrow.month), str(tomorrow.year)),
        ("²", "³", "２０２６"),
    ]
    times = [("23", "59"), ("0", "0"), ("24", "60")]
    combos = []
    for index, (day, month, year) in enumerate(dates):
        hour, minute = times[index % len(times)]
        values = {"day": day, "month": month, "year": year, "hour": hour, "minute": minute}
        combos.append({part: values[part] for part in parts})
    return combos


def encode(pairs: Iterable[tuple[str, str]]) -> str:
    """``application/x-www-form-urlencoded``, lone surrogates as their raw (invalid) bytes."""
    return "&".join(
        f"{quote_plus(name.encode('utf-8', 'surrogatepass'))}="
        f"{quote_plus(value.encode('utf-8', 'surrogatepass'))}"
        for name, value in pairs
    )


def pairs_of(values: dict[str, str | Many]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for name, value in values.items():
        for item in value if isinstance(value, Many) else (value,):
            found.append((name, item))
    return found


def short(value: object) -> str:
    """A value for an error message: long ones cut."""
    text = repr(value)
    return text if len(text) < 60 else f"{text[:40]}…({len(text)} chars)"
