"""Dates and times as GOV.UK style writes them, in Europe/London ('1 December 2026 at 10:00am')."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone


def localtime(value: datetime | None) -> datetime | None:
    """The value in Europe/London (the current time zone)."""
    if value is None:
        return None
    return timezone.localtime(value) if timezone.is_aware(value) else value


def _time_text(value: datetime) -> str:
    if value.hour == 12 and value.minute == 0:
        return "midday"
    if value.hour == 0 and value.minute == 0:
        return "midnight"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}:{value.minute:02d}{suffix}"


def date_format(value: date | datetime | None) -> str:
    """'1 December 2026'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = localtime(value) or value
    return f"{value.day} {value:%B %Y}"


def datetime_format(value: datetime | None) -> str:
    """'1 December 2026 at 10:00am' (GOV.UK style: 12-hour clock, midday, midnight)."""
    if value is None:
        return ""
    local = localtime(value) or value
    return f"{date_format(local)} at {_time_text(local)}"


JINJA_FILTERS = {
    "localtime": localtime,
    "date_format": date_format,
    "datetime_format": datetime_format,
}


def when(value: datetime | None) -> str:
    """'Tue 1 Dec 2026, 10:00' in UK time, or an empty string."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M}"
