"""Repeat victimisation, further incidents and the children of adults in both domestic abuse and
sexual violence services (issue 16: the measures left over once the records existed).

Counting rules:
- **Severity of a police incident** (seed 000 s6, DV 360): the police's risk grade passed with
  the incident, the referral's `referrer_risk_level` (standard < medium < high; the workbook
  sets it from the police DASH grade). A repeat (a referral whose person had another referral
  to the contract within 365 days before it, as `repeat_referrals`) is *less severe* when both
  it and the referral before it have a grade and its grade is lower. It belongs to the period
  in which it was received.
- **No further incident during support** (seed 001 Lot 4 s8, "Reduction in domestic
  violence"): a case closed in the period (`closed_at`) on which no new incident
  (marac.Incident, "Record a new incident") occurred from the day it opened to the day it
  closed; the share is of the cases closed in the period.
- **Engaged in both domestic abuse and sexual violence services** (seed 004 s10 SC10): a person
  with a case of the contract open at any moment of the period (the domestic abuse service)
  and an onward referral to a sexual violence service (agency type `sexual_violence`) accepted
  at or before the period's end. Their children are the members of their household recorded as
  living with them; each child is counted once.

Pure: no Django.
"""

from __future__ import annotations

import itertools
from datetime import timedelta
from typing import Any

from haven.reporting.measures.base import Figure, MeasureContext, computation, count, percentage
from haven.reporting.measures.referrals import REPEAT_WINDOW_DAYS

# risk.RISK_LEVEL_CHOICES, lowest first (no Django import here)
SEVERITY_RANK = {"standard": 0, "medium": 1, "high": 2}
SEXUAL_VIOLENCE = "sexual_violence"  # casework.AgencyType.SEXUAL_VIOLENCE
ACCEPTED = "accepted"  # casework.ReferralOutcome.ACCEPTED


@computation("repeats_less_severe", params=("window_days",))
def repeats_less_severe(ctx: MeasureContext, window_days: int = REPEAT_WINDOW_DAYS) -> Figure:
    """Repeat referrals received in the period whose police risk grade is lower than the grade
    of the person's referral before it (seed 000 s6: incidences of repeat victimisation where
    the severity of the incidence has decreased). A repeat or an earlier referral without a
    grade cannot show a decrease and is not counted."""
    window = timedelta(days=window_days)
    decreased = []
    for referrals in ctx.facts.referrals_by_person.values():
        for earlier, later in itertools.pairwise(referrals):
            if not ctx.period.contains(later.received_at):
                continue
            if later.received_at - earlier.received_at > window:
                continue
            before = SEVERITY_RANK.get(earlier.referrer_risk_level)
            now = SEVERITY_RANK.get(later.referrer_risk_level)
            if before is not None and now is not None and now < before:
                decreased.append(later.id)
    return count("referral", decreased)


@computation("closed_without_further_incident", needs=("incident_history",))
def closed_without_further_incident(ctx: MeasureContext) -> Figure:
    """Cases closed in the period on which no new incident occurred between the day they opened
    and the day they closed, as a share of the cases closed in the period (seed 001 Lot 4 s8:
    reduction in domestic violence)."""
    tz = ctx.period.timezone
    closed = [c for c in ctx.facts.cases if ctx.period.contains(c.closed_at)]
    with_incident: set[Any] = set()
    by_id = {c.id: c for c in closed}
    for incident in ctx.facts.closed_case_incidents:
        case = by_id.get(incident.case_id)
        if case is None or case.closed_at is None:
            continue
        opened_on = case.opened_at.astimezone(tz).date()
        closed_on = case.closed_at.astimezone(tz).date()
        if opened_on <= incident.occurred_on <= closed_on:
            with_incident.add(case.id)
    return percentage(
        "case", (c.id for c in closed if c.id not in with_incident), (c.id for c in closed)
    )


@computation("children_of_adults_in_da_and_sv", needs=("households",))
def children_of_adults_in_da_and_sv(ctx: MeasureContext) -> Figure:
    """Distinct children living with an adult who, in the period, had a case of the contract
    open and an onward referral to a sexual violence service accepted at or before the period's
    end (seed 004 s10 SC10: children in households where the adult victim is engaged in both
    domestic abuse and sexual violence services)."""
    start, end = ctx.period.start, ctx.period.end
    open_cases = {
        c.id: c.person_id
        for c in ctx.facts.cases
        if c.opened_at < end and (c.closed_at is None or c.closed_at >= start)
    }
    in_sv = {
        open_cases[r.case_id]
        for r in ctx.facts.onward_referrals
        if r.case_id in open_cases
        and r.agency_type == SEXUAL_VIOLENCE
        and r.outcome == ACCEPTED
        and r.outcome_at is not None
        and r.outcome_at < end
    }
    return count(
        "person",
        (h.member_id for h in ctx.facts.households if h.lives_with_person and h.person_id in in_sv),
    )
