"""Safeguarding children and adults (issue 12): Cornwall's SA1-SA3, SA5 and SC1-SC8 (seed 004
s10), Leicester's CAFs and multi-agency safeguarding meetings (seed 001 Lot 1 s8, Lot 3 s8) and
Wokingham's children de-escalated from a CIN/CP plan (seed 003 s13).

Counting rules:
- A referral, submission or meeting counts in the period its day (`occurred_on`) falls in; a
  meeting counted as "attended" only when the service attended it. Per family: each case once.
- A child is on a plan in the period when the plan started on or before its last day and had
  not ended before its first day; each child once, whichever of the contract's cases records it.
- A child is de-escalated in the period when a child protection or child in need plan of theirs
  ended in it and, the day after, they were on a lower level (looked after > child protection
  plan > child in need > none); out of the children on either plan in the period.
- A child's voice is heard when a record of theirs on one of the contract's cases has what they
  said, dated on or before the period's last day; out of the children of the service in the
  period (measures/plans.py: with their own case, or in the household of someone with one).
- An adults alert counts in the period it was raised in (SA1); "substantiated" (SA2) is of
  those, partially or fully; a referral to adult safeguarding counts on the day it was made
  (SA3); SA5 counts the cases with an alert raised in the period whose person causing harm is a
  partner, ex-partner or family member.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from haven.reporting.facts import ChildRecordFact
from haven.reporting.measures.base import Figure, MeasureContext, computation, count, percentage
from haven.reporting.measures.plans import service_children

# safeguarding.models.EventKind values (pure: no Django import)
EVENT_KINDS = frozenset(
    {
        "referral_maru",
        "referral_childrens_social_care",
        "referral_early_help",
        "referral_young_carers",
        "referral_adult_carers",
        "caf_submitted",
        "tac_meeting",
        "cp_conference",
        "core_group",
        "family_support_meeting",
        "tff_identified",
    }
)
PLANS = ("cp_plan", "cin")
# seed 004 s10 SA2: "partially or fully substantiated"
SUBSTANTIATED = frozenset({"fully", "partially"})
# seed 004 s10 SA5: "a partner or family member" (people.choices.HarmRelationship)
PARTNER_OR_FAMILY = frozenset({"current_partner", "ex_partner", "parent", "child", "other_family"})
ALERT_COUNTS = ("raised", "substantiated", "referred", "partner_or_family")
# the level of a child's plans, highest first (seed 003 s13 "de-escalated from a CIN/CP plan")
LEVELS = (("looked_after", 3), ("cp_plan", 2), ("cin", 1))


def _in(ctx: MeasureContext, day: date | None) -> bool:
    return day is not None and ctx.period.first <= day <= ctx.period.last


def _in_force(record: ChildRecordFact, plan: str, first: date, last: date) -> bool:
    started, ended = getattr(record, f"{plan}_started_on"), getattr(record, f"{plan}_ended_on")
    return started is not None and started <= last and (ended is None or ended >= first)


@computation("safeguarding_events", params=("kinds", "attended", "per"), needs=("safeguarding",))
def safeguarding_events(
    ctx: MeasureContext,
    kinds: Iterable[str] = (),
    attended: bool | None = None,
    per: str = "event",
) -> Figure:
    """Referrals, submissions or meetings of `kinds` on a day in the period (seed 004 s10 SC1,
    SC5-SC8; seed 001 Lot 1 s8): only those the service attended when `attended` is true; each
    case once when `per` is "family" (SC8: families identified)."""
    wanted = set(kinds)
    if not wanted or wanted - EVENT_KINDS:
        raise ValueError(f"kinds must be some of {', '.join(sorted(EVENT_KINDS))}")
    if per not in ("event", "family"):
        raise ValueError("per must be event or family")
    events = [
        e
        for e in ctx.facts.safeguarding_events
        if e.kind in wanted
        and _in(ctx, e.occurred_on)
        and (attended is None or e.attended is attended)
    ]
    events.sort(key=lambda e: (e.occurred_on, str(e.id)))
    if per == "family":
        return count("case", (e.case_id for e in events))
    return count("safeguarding_event", (e.id for e in events))


@computation("children_on_plan", params=("plan",), needs=("safeguarding",))
def children_on_plan(ctx: MeasureContext, plan: str = "cp_plan") -> Figure:
    """Children on a `plan` (cp_plan: a child protection plan, seed 004 s10 SC2; cin: child in
    need, SC4 "CHIN") at any moment of the period, each child once."""
    if plan not in PLANS:
        raise ValueError(f"plan must be one of {', '.join(PLANS)}")
    first, last = ctx.period.first, ctx.period.last
    records = sorted(ctx.facts.child_records, key=lambda r: str(r.person_id))
    return count("person", (r.person_id for r in records if _in_force(r, plan, first, last)))


def _level(records: list[ChildRecordFact], day: date) -> int:
    return max(
        (level for r in records for plan, level in LEVELS if _in_force(r, plan, day, day)),
        default=0,
    )


@computation("children_deescalated", needs=("safeguarding",))
def children_deescalated(ctx: MeasureContext) -> Figure:
    """Of the children on a CIN or CP plan in the period, those de-escalated from one in it
    (seed 003 s13: "children/young people de-escalated from a CIN/CP plan")."""
    first, last = ctx.period.first, ctx.period.last
    by_child: dict[Any, list[ChildRecordFact]] = {}
    for record in sorted(ctx.facts.child_records, key=lambda r: str(r.person_id)):
        by_child.setdefault(record.person_id, []).append(record)
    on_plan = [
        child
        for child, records in by_child.items()
        if any(_in_force(r, plan, first, last) for r in records for plan in PLANS)
    ]
    stepped_down = [
        child
        for child in on_plan
        if any(
            _level(by_child[child], end + timedelta(days=1)) < _level(by_child[child], end)
            for r in by_child[child]
            for plan in PLANS
            if _in(ctx, end := getattr(r, f"{plan}_ended_on"))
        )
    ]
    return percentage("person", stepped_down, on_plan)


@computation("safeguarding_alerts", params=("counting",), needs=("safeguarding",))
def safeguarding_alerts(ctx: MeasureContext, counting: str = "raised") -> Figure:
    """Safeguarding adults alerts (seed 004 s10): `raised` in the period (SA1), of those the
    `substantiated` partially or fully (SA2), `referred` to adult safeguarding in the period
    (SA3), or the cases with one raised whose person causing harm is a `partner_or_family`
    member (SA5)."""
    if counting not in ALERT_COUNTS:
        raise ValueError(f"counting must be one of {', '.join(ALERT_COUNTS)}")
    alerts = sorted(ctx.facts.safeguarding_alerts, key=lambda a: (a.raised_on, str(a.id)))
    if counting == "referred":
        return count("safeguarding_alert", (a.id for a in alerts if _in(ctx, a.referred_on)))
    raised = [a for a in alerts if _in(ctx, a.raised_on)]
    if counting == "substantiated":
        return count(
            "safeguarding_alert", (a.id for a in raised if a.substantiation in SUBSTANTIATED)
        )
    if counting == "partner_or_family":
        return count(
            "case", (a.case_id for a in raised if a.harm_relationship in PARTNER_OR_FAMILY)
        )
    return count("safeguarding_alert", (a.id for a in raised))


@computation("children_voice_heard", needs=("households", "safeguarding"))
def children_voice_heard(ctx: MeasureContext) -> Figure:
    """Of the children of the service in the period, those whose own words are recorded by its
    end (seed 003 s13: "the child's voice is heard and at the centre of all the work")."""
    last = ctx.period.last
    heard = {
        r.person_id
        for r in ctx.facts.child_records
        if r.voice_on is not None and r.voice_on <= last
    }
    children = service_children(ctx)
    return percentage("person", (c for c in children if c in heard), children)
