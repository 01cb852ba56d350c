"""Deadline figures from the tasks the profile's rules created. A task belongs to the period in
which it fell due (`due_at`). It is met when its qualifying action was recorded at or before the
due time (`met_at`), missed when it was breached; a task cancelled before it fell due (the case
closed, a rule stopped applying) counts as neither."""

from __future__ import annotations

from haven.reporting.facts import TaskFact
from haven.reporting.measures.base import Figure, MeasureContext, computation, count, percentage


def _due(ctx: MeasureContext, rules: list[str]) -> list[TaskFact]:
    """Tasks of `rules` due in the period whose outcome is known: met or missed (an open task
    not yet due does not count; one past due is missed)."""
    return [
        t
        for t in ctx.facts.tasks
        if t.rule_key in rules and ctx.period.contains(t.due_at) and (met(t) or missed(t, ctx))
    ]


def met(task: TaskFact) -> bool:
    return task.met_at is not None and task.met_at <= task.due_at


def missed(task: TaskFact, ctx: MeasureContext) -> bool:
    """Breached, done after the due time, or still open past it."""
    if met(task) or task.status == "cancelled":
        return False
    return task.status in {"breached", "met"} or task.due_at < ctx.now


@computation("deadlines_met", params=("rules",))
def deadlines_met(ctx: MeasureContext, rules: list[str]) -> Figure:
    """Share of the period's tasks of `rules` met on time (e.g. seed 000 s6: contacted within
    24 hours, target 95%)."""
    due = _due(ctx, rules)
    return percentage("task", (t.id for t in due if met(t)), (t.id for t in due))


@computation("deadlines_met_count", params=("rules",))
def deadlines_met_count(ctx: MeasureContext, rules: list[str]) -> Figure:
    """Number of the period's tasks of `rules` met on time."""
    return count("task", (t.id for t in _due(ctx, rules) if met(t)))


@computation("deadlines_missed", params=("rules", "as_share"))
def deadlines_missed(ctx: MeasureContext, rules: list[str], as_share: bool = False) -> Figure:
    """The period's tasks of `rules` not met in time (seed 002 s7: dealt with outside the
    timeframes, "should be zero"); as a share of those due when `as_share`."""
    due = _due(ctx, rules)
    late = (t.id for t in due if not met(t))
    return percentage("task", late, (t.id for t in due)) if as_share else count("task", late)
