"""Read a date (and time) typed into separate boxes, with the GOV.UK date input error messages.

Each error carries the parts it is about in ``params["parts"]`` so only those boxes are
highlighted: "Date of birth must include a month" highlights the month alone.
See https://design-system.service.gov.uk/components/date-input/#error-messages
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError

DATE_PARTS = ("day", "month", "year")
TIME_PARTS = ("hour", "minute")

MONTH_NAMES = {
    name: number
    for number in range(1, 13)
    for name in (
        dt.date(2000, number, 1).strftime("%B").lower(),
        dt.date(2000, number, 1).strftime("%b").lower(),
    )
}
MONTH_NAMES["sept"] = 9


def part_error(message: str, code: str, parts: Sequence[str]) -> ValidationError:
    """A ValidationError naming the boxes to highlight ("%" escaped: params are interpolated)."""
    return ValidationError(message.replace("%", "%%"), code=code, params={"parts": tuple(parts)})


def list_parts(parts: Sequence[str]) -> str:
    """``["day", "month"]`` → ``"a day and month"``; ``["hour"]`` → ``"an hour"``."""
    article = "an" if parts[0] == "hour" else "a"
    if len(parts) == 1:
        return f"{article} {parts[0]}"
    return f"{article} {', '.join(parts[:-1])} and {parts[-1]}"


def format_date(value: dt.date) -> str:
    """GOV.UK date style: ``1 January 2026``."""
    return f"{value.day} {value:%B %Y}"


MAX_DIGITS = 6  # longer is not a date part (and int() of thousands of digits is refused)


def _number(text: str, part: str) -> int | None:
    """The box as a number: ASCII digits only (``"²"`` passes ``isdigit()``), or a month name."""
    if text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS:
        return int(text)
    if part == "month":
        return MONTH_NAMES.get(text.lower())
    return None


def parse_parts(
    values: Mapping[str, str],
    parts: Sequence[str],
    *,
    subject: str,
    error_label: str,
    required: bool,
) -> dict[str, int] | None:
    """Check every box is filled with a number; ``None`` when all are empty and not required."""
    empty = [part for part in parts if not values.get(part, "").strip()]
    if len(empty) == len(parts):
        if required:
            raise part_error(f"Enter {error_label}", "required", parts)
        return None
    if empty:
        raise part_error(f"{subject} must include {list_parts(empty)}", "incomplete", empty)
    numbers = {part: _number(values[part].strip(), part) for part in parts}
    not_numbers = [part for part, number in numbers.items() if number is None]
    if not_numbers:
        kind = "date" if set(not_numbers) & set(DATE_PARTS) else "time"
        raise part_error(f"{subject} must be a real {kind}", "invalid", not_numbers)
    return {part: number for part, number in numbers.items() if number is not None}


def build_date(numbers: Mapping[str, int], *, subject: str) -> dt.date:
    """A real date from day, month and year, or the GOV.UK error for the wrong box."""
    if len(str(numbers["year"])) != 4:
        raise part_error("Year must include 4 numbers", "year_length", ["year"])
    wrong = [part for part, top in (("day", 31), ("month", 12)) if not 1 <= numbers[part] <= top]
    if wrong:
        raise part_error(f"{subject} must be a real date", "invalid", wrong)
    try:
        return dt.date(numbers["year"], numbers["month"], numbers["day"])
    except ValueError:  # 30 February, 31 April…
        raise part_error(f"{subject} must be a real date", "invalid", ["day"]) from None


def build_time(numbers: Mapping[str, int], *, subject: str) -> dt.time:
    """A real 24-hour time, or the error for the wrong box."""
    wrong = [part for part, top in (("hour", 23), ("minute", 59)) if not 0 <= numbers[part] <= top]
    if wrong:
        raise part_error(f"{subject} must be a real time", "invalid_time", wrong)
    return dt.time(numbers["hour"], numbers["minute"])
