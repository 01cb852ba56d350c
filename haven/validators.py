"""What Haven accepts as plausible input, in one place: date bounds, clock skew, text limits.

The GOV.UK form fields (``haven.govuk.forms``) apply these bounds to every date box, and services
check them again (with their record's own rules: not before the referral, the case or the
birth) so a direct POST or another caller is refused the same way, with a problem per field.
Pure apart from Django's ``ValidationError``; no models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import ValidationError

# Nobody Haven supports was born, referred or contacted before this date.
EARLIEST_DATE = dt.date(1900, 1, 1)
# Nothing Haven records or plans is this far ahead: a later date is a typing slip.
LATEST_DATE = dt.date(2099, 12, 31)
# A time "now" may be a few minutes ahead of the server's clock (a phone, a slow submit).
CLOCK_SKEW = dt.timedelta(minutes=5)

# Free-text limits (characters).
NAME_MAX_LENGTH = 200
REASON_MAX_LENGTH = 2_000
NOTE_MAX_LENGTH = 20_000


def format_day(value: dt.date) -> str:
    """GOV.UK date style: ``1 January 1900``."""
    return f"{value.day} {value:%B %Y}"


def date_problem(
    value: dt.date, *, subject: str, earliest: dt.date | None = None, latest: dt.date | None = None
) -> str | None:
    """Why `value` is out of bounds (``EARLIEST_DATE``..``LATEST_DATE`` unless narrowed), or None."""
    earliest = max(earliest or EARLIEST_DATE, EARLIEST_DATE)
    latest = min(latest or LATEST_DATE, LATEST_DATE)
    if value < earliest:
        return f"{subject} must be the same as or after {format_day(earliest)}"
    if value > latest:
        return f"{subject} must be the same as or before {format_day(latest)}"
    return None


def moment_problem(
    value: dt.datetime,
    *,
    subject: str,
    now: dt.datetime,
    not_before: dt.datetime | None = None,
    not_before_what: str = "",
    allow_future: bool = False,
) -> str | None:
    """Why a recorded moment is implausible: before 1900 or `not_before`, or in the future."""
    problem = date_problem(value.date(), subject=subject)
    if problem:
        return problem
    if not allow_future and value > now + CLOCK_SKEW:
        return f"{subject} must be in the past"
    if not_before is not None and value < not_before:
        return f"{subject} must be the same as or after {not_before_what}"
    return None


def to_the_minute(moment: dt.datetime) -> dt.datetime:
    """Forms give times to the minute: compare with a record's time floored to its minute."""
    return moment.replace(second=0, microsecond=0)


def birth_date_problem(value: dt.date, *, subject: str, today: dt.date) -> str | None:
    """A date of birth: on or after 1 January 1900 and not in the future."""
    if value > today:
        return f"{subject} must be in the past"
    return date_problem(value, subject=subject)


def text_problem(value: str, *, subject: str, limit: int) -> str | None:
    """Too long, or holding characters a database cannot store (NUL) or that are not text."""
    if len(value) > limit:
        return f"{subject} must be {limit:,} characters or less"
    if "\x00" in value:
        return f"{subject} must not contain null characters"
    if any("\ud800" <= char <= "\udfff" for char in value):
        return f"{subject} must not contain invalid characters"
    return None


def refuse(problems: Mapping[str, str | None]) -> None:
    """Raise a ValidationError naming each field with a problem; nothing when there is none."""
    found = {field: problem for field, problem in problems.items() if problem}
    if found:
        raise ValidationError(found)
