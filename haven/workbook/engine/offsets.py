"""UTC offsets of the service's time zone as plain SQL: a balanced tree of the zone's transitions.

Writing `contact_due` needs the local offset of ten million instants. ICU's `timezone()` costs
about a microsecond a row; the zone's transitions (from Python's zoneinfo, the IANA database)
turned into nested `CASE WHEN utc_us < transition` comparisons cost a few nanoseconds, and give
the same answer inside the years they cover. Instants outside those years fall back to ICU.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

DAY = dt.timedelta(days=1)
MICROSECONDS = 1_000_000


@dataclass(frozen=True)
class Transitions:
    """`starts[i]` (UTC microseconds) begins a span at `offsets[i]` (microseconds east of UTC)."""

    first_us: int  # covered from here ...
    last_us: int  # ... to here (exclusive)
    starts: tuple[int, ...]
    offsets: tuple[int, ...]


def transitions(timezone: str, first: dt.datetime, last: dt.datetime) -> Transitions:
    """Every change of UTC offset between `first` and `last` (both aware), to the minute.

    Zones change offset at most once a day; each day that ends on another offset than it began
    is searched minute by minute (bisection), so the result is exact for every IANA zone.
    """
    zone = zoneinfo.ZoneInfo(timezone)
    first = first.astimezone(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    offset = _offset(first, zone)
    starts, offsets = [_us(first)], [offset]
    moment = first
    while moment < last:
        following = moment + DAY
        changed = _offset(following, zone)
        if changed != offset:
            low, high = 0, 24 * 60  # minutes after `moment`: low still old, high already new
            while high - low > 1:
                middle = (low + high) // 2
                if _offset(moment + dt.timedelta(minutes=middle), zone) == offset:
                    low = middle
                else:
                    high = middle
            starts.append(_us(moment + dt.timedelta(minutes=high)))
            offsets.append(changed)
            offset = changed
        moment = following
    return Transitions(
        first_us=_us(first), last_us=_us(last), starts=tuple(starts), offsets=tuple(offsets)
    )


def offset_sql(spans: Transitions, utc_us: str, fallback: str) -> str:
    """SQL for the offset (microseconds) at `utc_us`; `fallback` outside the covered years."""
    tree = _tree(spans.starts, spans.offsets, utc_us, 0, len(spans.starts))
    return (
        f"CASE WHEN {utc_us} < {spans.first_us} OR {utc_us} >= {spans.last_us} "
        f"THEN {fallback} ELSE {tree} END"
    )


def offset_text_sql(spans: Transitions, offset_us: str, fallback: str) -> str:
    """'+01:00' and the like for each offset the zone uses in the covered years."""
    whens = " ".join(
        f"WHEN {value} THEN '{_offset_text(value)}'" for value in sorted(set(spans.offsets))
    )
    return f"CASE {offset_us} {whens} ELSE {fallback} END"


def _tree(
    starts: tuple[int, ...], offsets: tuple[int, ...], value: str, low: int, high: int
) -> str:
    if high - low == 1:
        return str(offsets[low])
    middle = (low + high) // 2
    below = _tree(starts, offsets, value, low, middle)
    above = _tree(starts, offsets, value, middle, high)
    return f"CASE WHEN {value} < {starts[middle]} THEN {below} ELSE {above} END"


def _offset(moment: dt.datetime, zone: zoneinfo.ZoneInfo) -> int:
    delta = moment.astimezone(zone).utcoffset()
    assert delta is not None  # a ZoneInfo always answers
    return int(delta.total_seconds()) * MICROSECONDS


def _offset_text(offset_us: int) -> str:
    sign = "+" if offset_us >= 0 else "-"
    minutes = abs(offset_us) // (60 * MICROSECONDS)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _us(moment: dt.datetime) -> int:
    return int(moment.timestamp()) * MICROSECONDS
