"""The helpline's call log (issue 16 item 4; haven/helpline), over the optional "helpline" facts.

Counting rules (a call is placed in the period by `started_at`):
- Calls to the helpline (seed 003 s13 "Number of calls to the helpline"): incoming calls started
  in the period, answered live or left as a message; `direction: out` counts calls made.
- Call backs (seed 001 Lot 3 s8 "Number of call backs"): call-backs done (the caller spoken to)
  in the period, by when they were marked done; missed and cancelled ones are not counted.
- Telephone counselling hours (seed 001 Lot 3 s8): the sum of the minutes / 60 of the calls in
  the period recorded as telephone counselling.
- Enquiries answered within 2 working days (seed 003 s6.1 "All enquiries must be responded to
  within 2 working days"): of the incoming calls started in the period, those answered by the
  end of the second working day after (the profile's calendar, bank holidays included: worked
  out when the call was logged); a call answered live is answered at once, a voicemail or missed
  call when its call-back is done. One not answered and not yet due is in neither part.
- Out of hours calls (seed 001 Lot 3 s8 "'out of hours' (not 9am-5pm) interventions"): calls
  started outside the contract's opening hours, or without them outside 9am-5pm UK time.
"""

from __future__ import annotations

from haven.reporting.facts import HelplineCallFact
from haven.reporting.measures.base import (
    Figure,
    MeasureContext,
    computation,
    count,
    percentage,
    total,
)

DIRECTIONS = ("in", "out")


def _calls(ctx: MeasureContext) -> list[HelplineCallFact]:
    return [c for c in ctx.facts.helpline_calls if ctx.period.contains(c.started_at)]


@computation("helpline_calls", params=("direction",), needs=("helpline",))
def helpline_calls(ctx: MeasureContext, direction: str = "in") -> Figure:
    """Calls started in the period, incoming by default (seed 003 s13)."""
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}")
    return count("helpline_call", (c.id for c in _calls(ctx) if c.direction == direction))


@computation("helpline_call_backs", needs=("helpline",))
def helpline_call_backs(ctx: MeasureContext) -> Figure:
    """Call-backs done in the period (seed 001 Lot 3 s8)."""
    return count(
        "call_back",
        (
            b.id
            for b in ctx.facts.call_backs
            if b.status == "done" and ctx.period.contains(b.closed_at)
        ),
    )


@computation("helpline_counselling_hours", needs=("helpline",))
def helpline_counselling_hours(ctx: MeasureContext) -> Figure:
    """Hours of telephone counselling in the period's calls (seed 001 Lot 3 s8)."""
    return total(
        "helpline_call",
        {c.id: c.duration_minutes / 60 for c in _calls(ctx) if c.kind == "counselling"},
    )


@computation("helpline_enquiries_answered_in_time", needs=("helpline",))
def helpline_enquiries_answered_in_time(ctx: MeasureContext) -> Figure:
    """Of the incoming calls of the period answered or past their due time, those answered
    within 2 working days (seed 003 s6.1)."""
    decided = [
        c
        for c in _calls(ctx)
        if c.direction == "in" and (c.answered_at is not None or c.answer_due_at < ctx.now)
    ]
    return percentage(
        "helpline_call",
        (c.id for c in decided if c.answered_at is not None and c.answered_at <= c.answer_due_at),
        (c.id for c in decided),
    )


@computation("helpline_calls_out_of_hours", needs=("helpline",))
def helpline_calls_out_of_hours(ctx: MeasureContext) -> Figure:
    """Calls started in the period out of hours (seed 001 Lot 3 s8)."""
    return count("helpline_call", (c.id for c in _calls(ctx) if c.out_of_hours))
