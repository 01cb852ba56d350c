"""Web chat slots a self-referrer may book (seed 002 s3.6: "a secure web chat facility at a
specific date/time within 5 working days"). Pure Python: no Django, so it is property-tested.

A slot lies wholly inside one of the service's opening windows (its opening hours, bank
holidays as the profile says), starts on a whole number of slot lengths after that window
opens, starts at least `notice` after now, falls on a day no later than the last of the
working days allowed, and is offered only while fewer chats than `capacity` are booked at it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from haven.deadlines.local_time import local_datetime, require_aware
from haven.deadlines.opening_hours import OpeningHours

DEFAULT_NOTICE = timedelta(hours=1)  # staff need a little warning of a chat booked today


@dataclass(frozen=True, order=True)
class Slot:
    """A bookable chat: from `starts_at` up to `ends_at` (aware, UTC)."""

    starts_at: datetime
    ends_at: datetime

    @property
    def key(self) -> str:
        """The slot as a form value: its start in UTC, ISO format."""
        return self.starts_at.astimezone(UTC).isoformat()


def last_day(now: datetime, hours: OpeningHours, within_working_days: int) -> date:
    """The last day a chat may be booked on: the `within_working_days`th working day after
    today (local), by the service's calendar (seed 002 s3.6 "within 5 working days")."""
    today = now.astimezone(hours.timezone).date()
    return hours.calendar.add_working_days(today, within_working_days)


def chat_slots(
    *,
    now: datetime,
    hours: OpeningHours,
    slot_minutes: int,
    within_working_days: int,
    booked: Iterable[datetime] = (),
    capacity: int = 1,
    notice: timedelta = DEFAULT_NOTICE,
) -> list[Slot]:
    """The free slots, earliest first. `booked` holds the start of every live booking (one
    entry per booking; a slot with `capacity` of them is full and not offered)."""
    require_aware(now, "now")
    if slot_minutes < 1 or capacity < 1:
        raise ValueError("slot length and capacity must be at least 1")
    taken = Counter(moment.astimezone(UTC) for moment in booked)
    earliest = now + notice
    today = now.astimezone(hours.timezone).date()
    final = last_day(now, hours, within_working_days)
    slots: list[Slot] = []
    day = today
    while day <= final:
        for window in sorted(hours.windows_on(day), key=lambda w: w.opens):
            start = window.opens
            while start + slot_minutes <= window.closes:
                wall = time(start // 60, start % 60)
                begins = local_datetime(day, wall, hours.timezone)
                # a start that falls in a clock-change gap moves forward: skip it
                if (begins.hour, begins.minute) == (wall.hour, wall.minute) and begins >= earliest:
                    slot = Slot(
                        begins.astimezone(UTC),
                        (begins + timedelta(minutes=slot_minutes)).astimezone(UTC),
                    )
                    if taken[slot.starts_at] < capacity:
                        slots.append(slot)
                start += slot_minutes
        day += timedelta(days=1)
    return sorted(set(slots))


def slot_by_key(slots: Iterable[Slot], key: str) -> Slot | None:
    """The offered slot with this form value, or None (a stale or forged choice)."""
    return next((slot for slot in slots if slot.key == key), None)
