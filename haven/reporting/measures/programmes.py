"""Groups and programmes (issue 16 item 1; haven/programmes) over the optional "programmes"
facts: groups started and completed, places offered, assessed, started, completed and left,
sessions held, attendance, pre-group contacts and crèche hours.

Counting rules (`kinds` narrows to programmes of those kinds: perpetrator, childrens_group,
respect_toolkit, young_people, recovery, parenting, other):
- A group (run) is started in the period of its first group session, completed in the period of
  its `completed_on`.
- A place counts at the step's own day: offered (`offered_on`), pre-group assessment
  (`assessed_on`), started (`started_on`: the first session attended), completed
  (`completed_on`), dropped out (`ended_on`, once started).
- Completion rate: of the places that finished in the period (completed, or dropped out after
  starting), the share completed; those who never started are in neither.
- Supported: places started by the period's last day and not finished before its first.
- Sessions by `held_on`; attendees: places marked attended at least once in the period (each
  once); attendances: every attended mark (group and one-to-one).
- Crèche hours: the sum of the crèches' lengths in the period, in hours (a `sum` figure).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from haven.reporting.measures.base import Figure, MeasureContext, computation, count, percentage
from haven.reporting.measures.base import total as sum_of

NEEDS = ("programmes",)
STAGES = {
    "offered": "offered_on",
    "assessed": "assessed_on",
    "started": "started_on",
    "completed": "completed_on",
}


def _in(ctx: MeasureContext, day: date | None) -> bool:
    return day is not None and ctx.period.first <= day <= ctx.period.last


def _of(rows: Iterable[Any], kinds: list[str] | None) -> list[Any]:
    return [r for r in rows if kinds is None or r.kind in kinds]


@computation("programme_groups_started", params=("kinds",), needs=NEEDS)
def groups_started(ctx: MeasureContext, kinds: list[str] | None = None) -> Figure:
    """seed 001 Lot 4 s8 "Number of groups started": groups whose first group session was held
    in the period."""
    rows = _of(ctx.facts.programme_runs, kinds)
    return count("programme_run", (r.id for r in rows if _in(ctx, r.first_session_on)))


@computation("programme_groups_completed", params=("kinds",), needs=NEEDS)
def groups_completed(ctx: MeasureContext, kinds: list[str] | None = None) -> Figure:
    """seed 001 Lot 1 s8 "groups completed", Lot 4 s8 "Number of groups completed": groups
    recorded as completed in the period."""
    rows = _of(ctx.facts.programme_runs, kinds)
    return count("programme_run", (r.id for r in rows if _in(ctx, r.completed_on)))


@computation("programme_places", params=("stage", "kinds"), needs=NEEDS)
def places(ctx: MeasureContext, stage: str = "started", kinds: list[str] | None = None) -> Figure:
    """Places reaching `stage` (offered, assessed, started, completed) in the period: seed 001
    Lot 1 s8 people commencing and completing groups, Lot 4 s8 perpetrators starting and
    finishing groups and pre-group assessments, seed 003 s13 perpetrators offered the
    programme."""
    if stage not in STAGES:
        raise ValueError(f"stage must be one of {sorted(STAGES)}")
    column = STAGES[stage]
    rows = _of(ctx.facts.programme_enrolments, kinds)
    return count("programme_enrolment", (r.id for r in rows if _in(ctx, getattr(r, column))))


@computation("programme_completion_rate", params=("kinds",), needs=NEEDS)
def completion_rate(ctx: MeasureContext, kinds: list[str] | None = None) -> Figure:
    """seed 001 Lot 4 s8 "Perpetrators engage with group programme and complete", seed 003 s13
    "perpetrators completing the programme": of the places finished in the period after
    starting, the share completed."""
    finished = [
        r
        for r in _of(ctx.facts.programme_enrolments, kinds)
        if (r.status == "completed" and _in(ctx, r.completed_on))
        or (r.status == "dropped_out" and _in(ctx, r.ended_on))
    ]
    return percentage(
        "programme_enrolment",
        (r.id for r in finished if r.status == "completed"),
        (r.id for r in finished),
    )


@computation("programme_places_supported", params=("kinds",), needs=NEEDS)
def places_supported(ctx: MeasureContext, kinds: list[str] | None = None) -> Figure:
    """seed 003 s13 "Number of perpetrators supported": places on the programme at some time in
    the period (started by its last day, not finished before its first)."""
    first, last = ctx.period.first, ctx.period.last
    supported = []
    for r in _of(ctx.facts.programme_enrolments, kinds):
        finished = r.completed_on or r.ended_on
        if (
            r.started_on is not None
            and r.started_on <= last
            and (finished is None or finished >= first)
        ):
            supported.append(r.id)
    return count("programme_enrolment", supported)


@computation("programme_pre_group_contacts", params=("kinds",), needs=NEEDS)
def pre_group_contacts(ctx: MeasureContext, kinds: list[str] | None = None) -> Figure:
    """seed 001 Lot 4 s8 "Number of pre-group contacts": contacts made in the period."""
    rows = _of(ctx.facts.pre_group_contacts, kinds)
    return count("pre_group_contact", (r.id for r in rows if _in(ctx, r.contacted_on)))


@computation("programme_sessions_held", params=("kinds", "session_format"), needs=NEEDS)
def sessions_held(
    ctx: MeasureContext, kinds: list[str] | None = None, session_format: str | None = None
) -> Figure:
    """seed 002 s7 "Number of young people group support sessions held": sessions held in the
    period (optionally only group or one-to-one)."""
    rows = _of(ctx.facts.programme_sessions, kinds)
    return count(
        "programme_session",
        (
            r.id
            for r in rows
            if _in(ctx, r.held_on) and (session_format is None or r.format == session_format)
        ),
    )


def _attended(
    ctx: MeasureContext, kinds: list[str] | None, session_format: str | None
) -> list[Any]:
    return [
        r
        for r in _of(ctx.facts.programme_attendance, kinds)
        if r.mark == "attended"
        and _in(ctx, r.held_on)
        and (session_format is None or r.format == session_format)
    ]


@computation("programme_attendees", params=("kinds", "session_format"), needs=NEEDS)
def attendees(
    ctx: MeasureContext, kinds: list[str] | None = None, session_format: str | None = None
) -> Figure:
    """seed 002 s7 "Number of young people attending group support sessions": places attending
    at least one session in the period, each once."""
    return count(
        "programme_enrolment", (r.enrolment_id for r in _attended(ctx, kinds, session_format))
    )


@computation("programme_attendances", params=("kinds", "session_format"), needs=NEEDS)
def attendances(
    ctx: MeasureContext, kinds: list[str] | None = None, session_format: str | None = None
) -> Figure:
    """seed 001 Lot 4 s14 "Interventions" (Haven's reading): every session attended in the
    period, group and one-to-one."""
    return count("programme_attendance", (r.id for r in _attended(ctx, kinds, session_format)))


@computation("creche_hours", needs=NEEDS)
def creche_hours(ctx: MeasureContext) -> Figure:
    """seed 001 Lot 1 s8 "Number of crèche hours provided": the crèches' lengths in the period,
    in hours."""
    return sum_of(
        "creche_session",
        {
            r.id: round(r.duration_minutes / 60, 2)
            for r in ctx.facts.creche_sessions
            if _in(ctx, r.held_on)
        },
    )
