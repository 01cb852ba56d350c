"""A person's age in whole years on a date. Pure: no Django (the returns' measures use it too)."""

from __future__ import annotations

import datetime as dt

ADULT_AGE = 18


def age_on(date_of_birth: dt.date, day: dt.date) -> int:
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - int(before_birthday)
