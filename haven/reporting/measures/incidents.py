"""Serious incidents, complaints and compliments (issue 12 items 10-11), over the optional
"incidents" facts (incidents.SeriousIncident, Complaint, Compliment).

Counting rules:
- A complaint is received in the period by its `received_on` day, and resolved in the period by
  the day its outcome was recorded (`resolved_on`, any outcome, withdrawn too) — seed 001 s8
  "number of complaints received (and number resolved)", per quarter.
- A compliment is received by its `received_on` day (seed 004 s10).
- A serious incident is counted in the period in which it occurred (seed 004 s9, s10), whether
  against a case or the service; `kind` narrows it to one kind (domestic_homicide, near_miss,
  serious_case_review, safeguarding_adult_review, drug_related_death, serious_untoward).
- Reported in time: of the period's serious incidents with a report deadline, those reported to
  the commissioner by it (seed 004 s9 "within 3 days of the incident").
"""

from __future__ import annotations

from haven.reporting.facts import SeriousIncidentFact
from haven.reporting.measures.base import (
    Figure,
    MeasureContext,
    computation,
    count,
    percentage,
)

INCIDENT_KINDS = frozenset(
    {
        "domestic_homicide",
        "near_miss",
        "serious_case_review",
        "safeguarding_adult_review",
        "drug_related_death",
        "serious_untoward",
    }
)


@computation("complaints_received", needs=("incidents",))
def complaints_received(ctx: MeasureContext) -> Figure:
    """Complaints received in the period."""
    first, last = ctx.period.first, ctx.period.last
    return count(
        "complaint", (c.id for c in ctx.facts.complaints if first <= c.received_on <= last)
    )


@computation("complaints_resolved", needs=("incidents",))
def complaints_resolved(ctx: MeasureContext) -> Figure:
    """Complaints whose outcome was recorded in the period (whenever received)."""
    first, last = ctx.period.first, ctx.period.last
    return count(
        "complaint",
        (
            c.id
            for c in ctx.facts.complaints
            if c.resolved_on is not None and first <= c.resolved_on <= last
        ),
    )


@computation("compliments_received", needs=("incidents",))
def compliments_received(ctx: MeasureContext) -> Figure:
    """Compliments received in the period."""
    first, last = ctx.period.first, ctx.period.last
    return count(
        "compliment", (c.id for c in ctx.facts.compliments if first <= c.received_on <= last)
    )


def _incidents_in(ctx: MeasureContext, kind: str | None) -> list[SeriousIncidentFact]:
    if kind is not None and kind not in INCIDENT_KINDS:
        raise ValueError(f"kind must be one of {', '.join(sorted(INCIDENT_KINDS))}")
    start, end = ctx.period.start, ctx.period.end
    return [
        i
        for i in ctx.facts.serious_incidents
        if start <= i.occurred_at < end and (kind is None or i.kind == kind)
    ]


@computation("serious_incidents", params=("kind",), needs=("incidents",))
def serious_incidents(ctx: MeasureContext, kind: str | None = None) -> Figure:
    """Serious incidents that occurred in the period (of one `kind` if given)."""
    return count("serious_incident", (i.id for i in _incidents_in(ctx, kind)))


@computation("serious_incidents_reported_in_time", needs=("incidents",))
def serious_incidents_reported_in_time(ctx: MeasureContext) -> Figure:
    """Of the period's serious incidents with a report deadline, those reported by it."""
    due = [i for i in ctx.facts.serious_incidents if i.notification_due_at is not None]
    start, end = ctx.period.start, ctx.period.end
    due = [i for i in due if start <= i.occurred_at < end]
    in_time = (
        i.id
        for i in due
        if i.notified_at is not None
        and i.notification_due_at is not None
        and i.notified_at <= i.notification_due_at
    )
    return percentage("serious_incident", in_time, (i.id for i in due))
