"""Referral figures: received, declined, repeats, sources. A referral belongs to the period in
which it was received (`received_at`); a decision to the period in which it was made."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from haven.people.ages import ADULT_AGE, age_on
from haven.reporting.facts import PersonFact, ReferralFact
from haven.reporting.measures.base import Figure, MeasureContext, computation, count, percentage

REPEAT_WINDOW_DAYS = 365  # reference.md §2, SafeLives: a repeat is within 12 months


def _filtered(
    ctx: MeasureContext, routes: list[str] | None, priority: str | None
) -> list[ReferralFact]:
    return [
        r
        for r in ctx.facts.referrals
        if ctx.period.contains(r.received_at)
        and (routes is None or r.route in routes)
        and (priority is None or r.priority == priority)
    ]


@computation("referrals_received", params=("routes", "priority"))
def referrals_received(
    ctx: MeasureContext, routes: list[str] | None = None, priority: str | None = None
) -> Figure:
    """Referrals received in the period (optionally only from `routes`, or of one `priority`)."""
    return count("referral", (r.id for r in _filtered(ctx, routes, priority)))


@computation("referrals_declined")
def referrals_declined(ctx: MeasureContext) -> Figure:
    """Referrals declined by a decision made in the period (reasons: the decline_reason
    breakdown)."""
    return count(
        "referral",
        (
            r.id
            for r in ctx.facts.referrals
            if r.decision == "declined" and ctx.period.contains(r.decided_at)
        ),
    )


@computation("referrals_accepted")
def referrals_accepted(ctx: MeasureContext) -> Figure:
    """Referrals accepted by a decision made in the period."""
    return count(
        "referral",
        (
            r.id
            for r in ctx.facts.referrals
            if r.decision == "accepted" and ctx.period.contains(r.decided_at)
        ),
    )


def repeat_ids(ctx: MeasureContext, window_days: int) -> set[object]:
    """Referrals received in the period whose person had an earlier referral to this contract
    received within `window_days` before it (seed 004 s10 A2: SafeLives, within 12 months)."""
    window = timedelta(days=window_days)
    repeats: set[object] = set()
    for referrals in ctx.facts.referrals_by_person.values():
        for earlier, later in itertools.pairwise(referrals):
            if (
                ctx.period.contains(later.received_at)
                and later.received_at - earlier.received_at <= window
            ):
                repeats.add(later.id)
    return repeats


@computation("repeat_referrals", params=("window_days", "as_count"))
def repeat_referrals(
    ctx: MeasureContext, window_days: int = REPEAT_WINDOW_DAYS, as_count: bool = False
) -> Figure:
    """Repeat referrals as a share of referrals received in the period (or their number)."""
    received = [r.id for r in _filtered(ctx, None, None)]
    repeats = repeat_ids(ctx, window_days)
    if as_count:
        return count("referral", (i for i in received if i in repeats))
    return percentage("referral", repeats, received)


@computation("people_referred", params=("children",))
def people_referred(ctx: MeasureContext, children: bool | None = None) -> Figure:
    """Distinct people with a referral received in the period (children: only under-18s at
    referral, or only adults when false)."""
    people = []
    for referral in _filtered(ctx, None, None):
        person = ctx.facts.persons.get(referral.person_id)
        if children is None or (
            person is not None and is_child(person, referral.received_at) == children
        ):
            people.append(referral.person_id)
    return count("person", people)


def is_child(person: PersonFact, at: datetime) -> bool:
    """Under 18 at `at` by date of birth; without one, the person's child flag."""
    if person.date_of_birth is None:
        return bool(person.is_child)
    return age_on(person.date_of_birth, at.date()) < ADULT_AGE
