"""Support and safety plans: safety plans completed (seed 001 Lot 3 s8), a safety plan or a
plan direction for every child (seed 003 s13), and children's re-integration plans into
universal services (seed 001 Lot 1 s8).

Counting rules:
- A safety plan completed counts in the period its `completed_at` falls in.
- The children of the service in a period: everyone under 18 at the period's start (by date of
  birth; without one, the person's child flag) with a case of the contract open at any moment of
  it, and every child recorded in the household of a person with such a case.
- A child has a plan in place when a plan for them (`person_id`) on a case of the contract was
  agreed (support) or completed (safety) before the period ends.
- A re-integration plan: a support plan in place for a child with at least one goal marked as a
  return to universal services (school, nursery, health, youth services).
"""

from __future__ import annotations

from typing import Any

from haven.people.ages import age_on
from haven.reporting.measures.base import Figure, MeasureContext, computation, count, percentage

CHILD_UNDER = 18
PLAN_KINDS = ("support", "safety", "either")


def _open_case_people(ctx: MeasureContext) -> list[Any]:
    start, end = ctx.period.start, ctx.period.end
    return list(
        dict.fromkeys(
            c.person_id
            for c in ctx.facts.cases
            if c.opened_at < end and (c.closed_at is None or c.closed_at >= start)
        )
    )


def _is_child(ctx: MeasureContext, person_id: Any) -> bool:
    person = ctx.facts.persons.get(person_id)
    if person is None:
        return False
    if person.date_of_birth is None:
        return bool(person.is_child)
    return age_on(person.date_of_birth, ctx.period.first) < CHILD_UNDER


def service_children(ctx: MeasureContext) -> list[Any]:
    """The children of the service in the period (the module's counting rules), in a stable
    order: children with their own case first, then household children."""
    people = _open_case_people(ctx)
    open_people = set(people)
    own = [p for p in people if _is_child(ctx, p)]
    linked = [h.member_id for h in ctx.facts.households if h.person_id in open_people]
    return list(dict.fromkeys([*own, *linked]))


def _planned(ctx: MeasureContext, plan: str, *, reintegration: bool = False) -> set[Any]:
    if plan not in PLAN_KINDS:
        raise ValueError(f"plan must be one of {', '.join(PLAN_KINDS)}")
    end = ctx.period.end
    people: set[Any] = set()
    if plan in ("support", "either"):
        people |= {
            p.person_id
            for p in ctx.facts.support_plans
            if p.agreed_at < end and (p.reintegration or not reintegration)
        }
    if plan in ("safety", "either"):
        people |= {p.person_id for p in ctx.facts.safety_plans if p.completed_at < end}
    return people


@computation("safety_plans_completed", needs=("plans",))
def safety_plans_completed(ctx: MeasureContext) -> Figure:
    """Safety plans completed in the period (seed 001 Lot 3 s8), survivors' and children's."""
    return count(
        "safety_plan", (p.id for p in ctx.facts.safety_plans if ctx.period.contains(p.completed_at))
    )


@computation("children_with_plan", params=("plan",), needs=("households", "plans"))
def children_with_plan(ctx: MeasureContext, plan: str = "either") -> Figure:
    """Of the children of the service in the period, those with a `plan` (support, safety or
    either) in place by its end (seed 003 s13: a safety plan and/or safety network, and a plan
    direction, for every child)."""
    planned = _planned(ctx, plan)
    children = service_children(ctx)
    return percentage("person", (c for c in children if c in planned), children)


@computation("children_with_reintegration_plan", needs=("households", "plans"))
def children_with_reintegration_plan(ctx: MeasureContext) -> Figure:
    """Children of the service in the period with a support plan in place that has a goal of a
    return to universal services (seed 001 Lot 1 s8: a clear re-integration plan)."""
    planned = _planned(ctx, "support", reintegration=True)
    return count("person", (c for c in service_children(ctx) if c in planned))
