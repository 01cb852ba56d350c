"""When demo staff do things: in working hours, local time."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.utils import timezone


def daytime(at: datetime, rng: random.Random) -> datetime:
    """The same moment if within 09:00-19:00 local time, else the next morning."""
    local = timezone.localtime(at)
    if 9 <= local.hour < 19:
        return at
    day = local.date() + timedelta(days=1 if local.hour >= 19 else 0)
    start = datetime.combine(day, time(9), tzinfo=local.tzinfo)
    return start + timedelta(minutes=rng.randrange(180))
