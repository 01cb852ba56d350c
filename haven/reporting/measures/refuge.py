"""Refuge stays (issue 13), over the optional "stays" facts (refuge.Stay, StayMember).

Counting rules:
- A stay is counted as entering the refuge in the period in which the person moved in
  (`moved_in_at`): seed 004 s10 A4 "new adults entering refuge"; seed 003 s13 residents
  supported into refuge (broken down by the refuge being in the commissioner's area or not).
- A5 counts the household members who moved in with them and were children (under 18 by date of
  birth at moving in; without one, the child flag) on stays that began in the period.
- A8 counts stays that were past the limit (`weeks` after moving in, seed 004 s7.3: 20) at any
  moment of the period, broken down by the reason recorded for the extension.
- A stay is lived in during the period when it began before its end and had not ended before
  its start (seed 003 s13 "women supported in Wokingham refuge").
"""

from __future__ import annotations

from datetime import timedelta

from haven.people.ages import age_on
from haven.reporting.facts import StayFact, StayMemberFact
from haven.reporting.measures.base import Figure, MeasureContext, computation, count

ADULT_AGE = 18


def _kinds_ok(stay: StayFact, property_kinds: list[str] | None) -> bool:
    return not property_kinds or stay.property_kind in property_kinds


def _began_in(ctx: MeasureContext, stay: StayFact) -> bool:
    return ctx.period.start <= stay.moved_in_at < ctx.period.end


def _lived_in(ctx: MeasureContext, stay: StayFact) -> bool:
    out = stay.moved_out_at
    return stay.moved_in_at < ctx.period.end and (out is None or out >= ctx.period.start)


@computation("stays_started", params=("property_kinds",), needs=("stays",))
def stays_started(ctx: MeasureContext, property_kinds: list[str] | None = None) -> Figure:
    """Stays that began in the period: the adult moving in (seed 004 s10 A4, seed 003 s13)."""
    return count(
        "stay",
        (s.id for s in ctx.facts.stays if _began_in(ctx, s) and _kinds_ok(s, property_kinds)),
    )


def _is_child(member: StayMemberFact) -> bool:
    if member.date_of_birth is None:
        return bool(member.is_child)
    return age_on(member.date_of_birth, member.moved_in_at.date()) < ADULT_AGE


@computation("children_entering_refuge", needs=("stays",))
def children_entering_refuge(ctx: MeasureContext) -> Figure:
    """Children of the household who moved in with the person on a stay that began in the
    period (seed 004 s10 A5)."""
    began = {s.id for s in ctx.facts.stays if _began_in(ctx, s)}
    return count(
        "stay_member",
        (m.id for m in ctx.facts.stay_members if m.stay_id in began and _is_child(m)),
    )


@computation("stays_over_limit", params=("weeks",), needs=("stays",))
def stays_over_limit(ctx: MeasureContext, weeks: int = 20) -> Figure:
    """Stays past the limit at any moment of the period (seed 004 s10 A8, s7.3)."""
    limit = timedelta(weeks=weeks)

    def over(stay: StayFact) -> bool:
        until = ctx.period.end if stay.moved_out_at is None else stay.moved_out_at
        return _lived_in(ctx, stay) and stay.moved_in_at + limit < min(until, ctx.period.end)

    return count("stay", (s.id for s in ctx.facts.stays if over(s)))


@computation(
    "stays_lived_in",
    params=("in_commissioner_area", "property_kinds", "sexes"),
    needs=("stays",),
)
def stays_lived_in(
    ctx: MeasureContext,
    in_commissioner_area: bool | None = None,
    property_kinds: list[str] | None = None,
    sexes: list[str] | None = None,
) -> Figure:
    """Stays lived in during the period, in the commissioner's area or not, in properties of
    some kinds, of people of some recorded sexes (seed 003 s13)."""

    def wanted(stay: StayFact) -> bool:
        if in_commissioner_area is not None and stay.in_commissioner_area != in_commissioner_area:
            return False
        if sexes:
            person = ctx.facts.persons.get(stay.person_id)
            if person is None or person.sex not in sexes:
                return False
        return _lived_in(ctx, stay) and _kinds_ok(stay, property_kinds)

    return count("stay", (s.id for s in ctx.facts.stays if wanted(s)))
