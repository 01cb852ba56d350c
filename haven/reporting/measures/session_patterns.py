"""Who support sessions were with, when they were given and how often (issue 11): seed 001 Lot 1
s8 (parents and carers engage in support; children and young people accessing the service by
service element), seed 001 Lot 3 s8 ("out of hours" (not 9am-5pm) interventions) and seed 003
s14 (over what frequency a person uses the service).

Counting rules (sessions are placed in the period by `delivered_at`, as in sessions.py):
- Parents and carers engage: of the cases open at some moment of the period, those with at
  least one session with a parent or carer in it (seed 001 Lot 1: parents and carers are
  household members of the child, recorded on the child's case).
- Children accessing by service element: cases with a session in the period with the child
  (the person the case is about, or a child or young person of the family); `element`
  one_to_one is any mode but group, group is a group session.
- Out of hours: sessions that started before 09:00 or at or after 17:00 UK time, any day (the
  seed says "not 9am-5pm" and names no days).
- Frequency: per case with a session in the period, its sessions in the period per month it was
  open in the period (a month is 365.25 / 12 days; at least a week is counted, so a case opened
  on the period's last day is not 30 sessions a month); the figure is the mean over those cases.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, time, timedelta

from haven.reporting.facts import CaseFact, SupportSessionFact
from haven.reporting.measures.base import (
    Figure,
    MeasureContext,
    computation,
    count,
    mean,
    percentage,
)

ELEMENTS = ("one_to_one", "group")
WITH_CHILD = frozenset({"survivor", "child"})
# seed 001 Lot 3 s8: "out of hours" is "not 9am-5pm"
OPENS, CLOSES = time(9), time(17)
MONTH = timedelta(days=365.25 / 12)
SHORTEST = timedelta(days=7)


def _in_period(ctx: MeasureContext) -> list[SupportSessionFact]:
    return [s for s in ctx.facts.sessions if ctx.period.contains(s.delivered_at)]


def _open_during(ctx: MeasureContext) -> list[CaseFact]:
    start, end = ctx.period.start, ctx.period.end
    return [
        c
        for c in ctx.facts.cases
        if c.opened_at < end and (c.closed_at is None or c.closed_at >= start)
    ]


@computation("sessions_parents_carers_engage")
def parents_carers_engage(ctx: MeasureContext) -> Figure:
    """Of the cases open in the period, those with a session with a parent or carer in it."""
    engaged = {s.case_id for s in _in_period(ctx) if s.session_with == "parent_carer"}
    return percentage(
        "case",
        (c.id for c in _open_during(ctx) if c.id in engaged),
        (c.id for c in _open_during(ctx)),
    )


@computation("sessions_children_by_element", params=("element",))
def children_by_element(ctx: MeasureContext, element: str | None = None) -> Figure:
    """Cases with a session in the period with the child, of `element` (both without)."""
    if element is not None and element not in ELEMENTS:
        raise ValueError(f"element must be one of {', '.join(ELEMENTS)}")
    return count(
        "case",
        (
            s.case_id
            for s in _in_period(ctx)
            if s.session_with in WITH_CHILD
            and (element is None or (s.mode == "group") == (element == "group"))
        ),
    )


def out_of_hours(moment: datetime, ctx: MeasureContext) -> bool:
    local = moment.astimezone(ctx.period.timezone).time()
    return local < OPENS or local >= CLOSES


@computation("sessions_out_of_hours")
def sessions_out_of_hours(ctx: MeasureContext) -> Figure:
    """Sessions in the period that started outside 9am-5pm UK time."""
    return count(
        "support_session", (s.id for s in _in_period(ctx) if out_of_hours(s.delivered_at, ctx))
    )


@computation("sessions_per_month")
def sessions_per_month(ctx: MeasureContext) -> Figure:
    """The mean, over cases with a session in the period, of their sessions a month."""
    sessions = Counter(s.case_id for s in _in_period(ctx))
    start, end = ctx.period.start, ctx.period.end
    rates: dict[object, float] = {}
    for case in ctx.facts.cases:
        if case.id not in sessions:
            continue
        open_from = max(start, case.opened_at)
        open_to = min(end, case.closed_at) if case.closed_at is not None else end
        months = max(open_to - open_from, SHORTEST) / MONTH
        rates[case.id] = sessions[case.id] / months
    return mean("case", rates)
