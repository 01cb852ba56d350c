"""The waiting list (issue 13; seed 003 s13 "Number on wait list", "Reasons for waitlist";
s14 "the number of people who ... are held on a waiting list"), over the optional
"waiting_list" facts (casework.WaitingListEntry).

Counting rules:
- `waiting_list`: people held on the waiting list at any time in the period (s14 asks who "are
  held" on it over the quarter, so someone who waited and started support inside the quarter
  counts, not only those still waiting at its end): each case with a stay that began before the
  period ended and had not ended before it began, once however many stays it had.
- `waiting_list_reasons`: the stays on the list at any time in the period, each under its own
  reason (breakdown `waiting_reason`): a case that waited twice for two reasons counts under
  both, so the reasons may add up to more than `waiting_list`.
"""

from __future__ import annotations

from haven.reporting.facts import WaitingListEntryFact
from haven.reporting.measures.base import Figure, MeasureContext, computation, count


def _in_period(ctx: MeasureContext) -> list[WaitingListEntryFact]:
    start, end = ctx.period.start, ctx.period.end
    return sorted(
        (
            e
            for e in ctx.facts.waiting_list_entries
            if e.joined_at < end and (e.left_at is None or e.left_at >= start)
        ),
        key=lambda e: (e.joined_at, str(e.id)),
    )


@computation("waiting_list", needs=("waiting_list",))
def waiting_list(ctx: MeasureContext) -> Figure:
    """People (cases) on the waiting list at any time in the period: their first stay in it."""
    first_stay: dict[object, object] = {}
    for entry in _in_period(ctx):
        first_stay.setdefault(entry.case_id, entry.id)
    return count("waiting_list_entry", first_stay.values())


@computation("waiting_list_reasons", needs=("waiting_list",))
def waiting_list_reasons(ctx: MeasureContext) -> Figure:
    """Stays on the waiting list at any time in the period (broken down by their reason)."""
    return count("waiting_list_entry", (e.id for e in _in_period(ctx)))
