"""The MARAC referral criteria (reference.md s1.4), as plain functions of what is recorded:
SafeLives' four criteria are visible high risk, professional judgement, potential escalation and
repeat. The risk engine already decides the first three on a checklist (its `reasons`); a repeat
is any incident within 12 months of the person's last MARAC referral."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from haven.marac.models import REPEAT_WINDOW_DAYS, MaracCriterion

# reference.md s1.4: the risk engine's reasons that are MARAC referral criteria
CHECKLIST_CRITERIA = (
    MaracCriterion.VISIBLE_HIGH_RISK,
    MaracCriterion.PROFESSIONAL_JUDGEMENT,
    MaracCriterion.POTENTIAL_ESCALATION,
)


def criteria_from_reasons(reason_codes: Iterable[str]) -> list[str]:
    """The referral criteria a completed checklist met, in SafeLives' order."""
    codes = set(reason_codes)
    return [criterion.value for criterion in CHECKLIST_CRITERIA if criterion.value in codes]


def is_repeat(last_referred_on: dt.date | None, incident_on: dt.date) -> bool:
    """reference.md s1.4 "Repeat Marac": any incident within 12 months of the last referral to
    Marac (later is a new referral, not a repeat; an incident before it is not a repeat)."""
    if last_referred_on is None:
        return False
    days = (incident_on - last_referred_on).days
    return 0 <= days <= REPEAT_WINDOW_DAYS


def escalated(incident_days: Iterable[dt.date], on: dt.date, threshold: int | None) -> bool:
    """reference.md s1.4 "Potential escalation": `threshold` incidents in the 12 months up to
    `on` (the area's number, the profile's `risk.escalation_incidents_12m`; None switches it off)."""
    if threshold is None:
        return False
    start = on - dt.timedelta(days=REPEAT_WINDOW_DAYS)
    return sum(1 for day in incident_days if start <= day <= on) >= threshold
