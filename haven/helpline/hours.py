"""The helpline's hours: in or out of hours, answer-by times and gaps in the rota's cover.

The service's opening hours are the profile's `opening_hours` (seed 002 s3.2 for Victim First).
A profile without them (Wokingham, Leicester: "open at times consistent with the needs of the
residents", seed 003 s6.1) uses 9am-5pm any day, the meaning of "out of hours" the returns
already use (seed 001 Lot 3 s8: "'out of hours' (not 9am-5pm)"; reporting/measures/
session_patterns.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from pydantic import ValidationError as PydanticValidationError

from haven.contracts.models import Contract
from haven.contracts.profiles.stored import profile_of
from haven.deadlines import (
    BankHolidayHours,
    Duration,
    DurationKind,
    OpeningHours,
    OpeningWindow,
    ServiceClock,
)
from haven.deadlines import due_time as deadline_due_time
from haven.deadlines.local_time import local_datetime

# seed 001 Lot 3 s8: out of hours is "not 9am-5pm"
NINE_TO_FIVE = OpeningWindow.parse("09:00", "17:00")
# seed 003 s6.1: "All enquiries must be responded to within 2 working days"
ANSWER_WITHIN = Duration(DurationKind.WORKING_DAYS, 2)


def service_clock(contract: Contract) -> ServiceClock:
    """The profile's calendar and opening hours; a contract whose stored profile is incomplete (a
    synthetic one) runs on the English calendar, UK time, with no opening hours."""
    try:
        return profile_of(contract).service_clock()
    except PydanticValidationError:
        return ServiceClock()


def helpline_hours(contract: Contract) -> OpeningHours:
    """The contract's opening hours, or 9am-5pm every day (bank holidays too) without them."""
    clock = service_clock(contract)
    if clock.opening_hours is not None:
        return clock.opening_hours
    return OpeningHours(
        ((NINE_TO_FIVE,),) * 7, BankHolidayHours.OPEN, clock.calendar, clock.timezone
    )


def is_out_of_hours(contract: Contract, moment: datetime) -> bool:
    return not helpline_hours(contract).is_open(moment)


def answer_due(
    contract: Contract, received_at: datetime, clock: ServiceClock | None = None
) -> datetime:
    """The end of the second working day after the enquiry (the profile's calendar, bank holidays
    included): seed 003 s6.1. `clock` is the contract's, when the caller has it already."""
    clock = clock or service_clock(contract)
    return deadline_due_time(ANSWER_WITHIN, received_at, clock.calendar, clock.timezone)


def _local_minutes(day: date, minutes: int, hours: OpeningHours) -> datetime:
    """`minutes` after local midnight on `day` (24:00 is the next midnight)."""
    if minutes >= 24 * 60:
        return local_datetime(day + timedelta(days=1), time(0), hours.timezone)
    return local_datetime(day, time(minutes // 60, minutes % 60), hours.timezone)


@dataclass(frozen=True)
class Gap:
    """A stretch of opening hours with nobody on shift."""

    starts_at: datetime
    ends_at: datetime

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


def cover_gaps(
    hours: OpeningHours, first_day: date, days: int, shifts: list[tuple[datetime, datetime]]
) -> list[Gap]:
    """The stretches of the opening hours from `first_day` for `days` days that no shift covers
    (seed 002 s3.11: a call taker at all times during opening hours). Pure."""
    gaps: list[Gap] = []
    ordered = sorted(shifts)
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        for window in sorted(hours.windows_on(day), key=lambda w: w.opens):
            start = local_datetime(day, window.opening_time, hours.timezone)
            end = _local_minutes(day, window.closes, hours)
            cursor = start
            for shift_start, shift_end in ordered:
                if shift_end <= cursor or shift_start >= end:
                    continue
                if shift_start > cursor:
                    gaps.append(Gap(cursor, shift_start))
                cursor = max(cursor, shift_end)
                if cursor >= end:
                    break
            if cursor < end:
                gaps.append(Gap(cursor, end))
    return gaps
