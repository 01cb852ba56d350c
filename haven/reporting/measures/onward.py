"""Onward referrals' outcomes and the needs they were for (issue 11 item 4), and needs found by
area: support accessed for an additional need (seed 003 s13), men supported in areas (seed 004
s10 A6), clients engaged with mental health and drug and alcohol services and unmet mental
health needs (seed 004 appendix 1 E15-E17), needs assessed by area (seed 001 Lots 1 and 4
performance data).

Counting rules:
- A referral is "for" a need when its `need_area` is one of `need_areas`; a referral recorded
  without a needs area (a profile with none, or an older row) is for the need its agency type
  serves (`agency_types`).
- Support accessed: the agency accepted the referral (outcome "accepted"), dated by the outcome
  (`outcome_at`). A referral sent, declined or never answered is not support accessed.
- A client is a person with a case open at any moment of the period.
- An unmet need: the latest needs assessment at or before the period's end scores the area at
  `min_level` or more and no referral for it was accepted at or before the period's end.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from haven.reporting.facts import CaseFact, OnwardReferralFact
from haven.reporting.measures.base import Figure, MeasureContext, computation, count

ACCEPTED = "accepted"


def _for_need(
    referral: OnwardReferralFact,
    need_areas: Iterable[str] | None,
    agency_types: Iterable[str] | None,
) -> bool:
    if referral.need_area:
        return referral.need_area in (need_areas or ())
    return referral.agency_type in (agency_types or ())


def _accepted(
    ctx: MeasureContext, need_areas: list[str] | None, agency_types: list[str] | None
) -> list[OnwardReferralFact]:
    """Referrals for the need accepted at or before the end of the period (and `now`)."""
    return [
        r
        for r in ctx.facts.onward_referrals
        if r.outcome == ACCEPTED
        and r.outcome_at is not None
        and r.outcome_at < ctx.period.end
        and r.outcome_at <= ctx.now
        and _for_need(r, need_areas, agency_types)
    ]


def _open_during(ctx: MeasureContext) -> list[CaseFact]:
    start, end = ctx.period.start, ctx.period.end
    return [
        c
        for c in ctx.facts.cases
        if c.opened_at < end and (c.closed_at is None or c.closed_at >= start)
    ]


def _people(ctx: MeasureContext, case_ids: Iterable[Any]) -> list[Any]:
    cases = ctx.facts.case_by_id
    return [cases[case_id].person_id for case_id in case_ids if case_id in cases]


@computation("onward_support_accessed", params=("need_areas", "agency_types"))
def onward_support_accessed(
    ctx: MeasureContext,
    need_areas: list[str] | None = None,
    agency_types: list[str] | None = None,
) -> Figure:
    """Distinct people whose onward referral for the need was accepted in the period (seed 003
    s13 "additional needs addressed: ... support accessed"; seed 004 s10 A6 "receiving support
    in the following areas")."""
    return count(
        "person",
        _people(
            ctx,
            (
                r.case_id
                for r in _accepted(ctx, need_areas, agency_types)
                if ctx.period.contains(r.outcome_at)
            ),
        ),
    )


@computation("onward_clients_engaged", params=("need_areas", "agency_types"))
def onward_clients_engaged(
    ctx: MeasureContext,
    need_areas: list[str] | None = None,
    agency_types: list[str] | None = None,
) -> Figure:
    """Clients of the period engaged with a service for the need: an onward referral for it
    accepted at or before the period's end on the case (seed 004 appendix 1 E15 mental health
    services, by service: the drill-down lists each referral's agency; E17 drug and alcohol)."""
    open_ids = {c.id for c in _open_during(ctx)}
    accepted = {r.case_id for r in _accepted(ctx, need_areas, agency_types)}
    return count("person", _people(ctx, open_ids & accepted))


@computation(
    "onward_unmet_needs",
    params=("need_areas", "agency_types", "min_level"),
    needs=("needs_areas",),
)
def onward_unmet_needs(
    ctx: MeasureContext,
    need_areas: list[str],
    agency_types: list[str] | None = None,
    min_level: int = 1,
) -> Figure:
    """Clients of the period whose latest needs assessment (at or before the period's end)
    scores one of `need_areas` at `min_level` or more, with no onward referral for the need
    accepted by then (seed 004 appendix 1 E16: clients with unmet mental health needs)."""
    open_ids = {c.id for c in _open_during(ctx)}
    latest = _latest_levels(ctx, set(need_areas))
    met = {r.case_id for r in _accepted(ctx, need_areas, agency_types)}
    unmet = [
        case_id
        for case_id, level in latest.items()
        if case_id in open_ids and level >= min_level and case_id not in met
    ]
    return count("person", _people(ctx, unmet))


def _latest_levels(ctx: MeasureContext, areas: set[str]) -> dict[Any, int]:
    """case id: the highest level among `areas` at the case's latest assessment scoring them,
    assessed at or before the period's end."""
    when = {
        a.id: a.assessed_at
        for a in ctx.facts.needs_assessments
        if a.assessed_at < ctx.period.end and a.assessed_at <= ctx.now
    }
    best: dict[Any, tuple[Any, int]] = {}
    for row in ctx.facts.needs_areas:
        if row.area not in areas or row.assessment_id not in when:
            continue
        key = (when[row.assessment_id], str(row.assessment_id))
        held = best.get(row.case_id)
        if held is None or key > held[0]:
            best[row.case_id] = (key, row.level)
        elif key == held[0]:
            best[row.case_id] = (key, max(held[1], row.level))
    return {case_id: level for case_id, (_key, level) in best.items()}


@computation("needs_found_by_area", params=("areas", "min_level"), needs=("needs_areas",))
def needs_found_by_area(
    ctx: MeasureContext, areas: list[str] | None = None, min_level: int = 1
) -> Figure:
    """Distinct people with a needs assessment completed in the period that scored one of
    `areas` (any area when not given) at `min_level` or more (seed 001 Lots 1 and 4
    performance data: needs assessed)."""
    in_period = {a.id for a in ctx.facts.needs_assessments if ctx.period.contains(a.assessed_at)}
    found = {
        row.case_id
        for row in ctx.facts.needs_areas
        if row.assessment_id in in_period
        and (areas is None or row.area in areas)
        and row.level >= min_level
    }
    return count("person", _people(ctx, found))


@computation("onward_referral_outcomes", params=("outcome", "kind"))
def onward_referral_outcomes(
    ctx: MeasureContext, outcome: str | None = None, kind: str | None = None
) -> Figure:
    """Onward referrals sent in the period (`made_at`), of one `kind` (referral, passed_on) and
    with one `outcome` as it stands when the return is run, or all."""
    return count(
        "onward_referral",
        (
            r.id
            for r in ctx.facts.onward_referrals
            if ctx.period.contains(r.made_at)
            and (outcome is None or r.outcome == outcome)
            and (kind is None or r.kind == kind)
        ),
    )
