"""Restorative justice (seed 002 Lot 1 s3.10, s7: "Number/percentage of victims receiving
further support engaging in restorative contact/justice").

Counting rules:
- Victims receiving further support: the cases with a needs assessment recorded by `now` and a
  support session in the period (`sessions.modes_by_case`, as the other s7 support measures).
- Engaging: of those, the cases with a restorative justice process found safe and suitable by
  the period's end (the facilitator's assessment, reference.md §6) and not ended (closed or
  withdrawn) before the period's start. A request refused or found unsuitable is not
  engagement.
"""

from __future__ import annotations

from haven.reporting.measures.base import Figure, MeasureContext, computation, percentage
from haven.reporting.measures.sessions import modes_by_case


def engaged_cases(ctx: MeasureContext) -> set[object]:
    """Cases with a process suitable by the period's end and going on at some moment of it."""
    return {
        p.case_id
        for p in ctx.facts.restorative_processes
        if p.suitable_at is not None
        and p.suitable_at < ctx.period.end
        and (p.ended_at is None or p.ended_at >= ctx.period.start)
    }


@computation("restorative_justice_engaged", needs=("restorative",))
def restorative_justice_engaged(ctx: MeasureContext) -> Figure:
    """Of the cases receiving further support in the period, those engaging in restorative
    contact or justice in it (seed 002 s7)."""
    supported = modes_by_case(ctx)
    engaged = engaged_cases(ctx)
    return percentage("case", (c for c in supported if c in engaged), supported)
