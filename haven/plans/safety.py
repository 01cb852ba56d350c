"""Record and change a safety plan: Haven's own sections, kept apart from the support plan
(seed 003 s6.6: support and safety plans for each child; seed 001 Lot 3 s8: safety plans
completed). The sections' words stay on the plan: the audit names which sections changed."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case
from haven.casework.services import case_event_record
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.people.models import Person
from haven.plans.models import SAFETY_SECTIONS, SafetyPlan
from haven.plans.selectors import plan_people
from haven.plans.services import (
    TEXT_MAX_LENGTH,
    moment_refusal,
    plan_refusal,
    safety_plan_summary,
)
from haven.validators import refuse, text_problem


def _section_problems(sections: Mapping[str, str]) -> dict[str, str | None]:
    problems: dict[str, str | None] = {
        name: text_problem(sections.get(name, ""), subject="This section", limit=TEXT_MAX_LENGTH)
        for name in SAFETY_SECTIONS
    }
    if set(sections) - set(SAFETY_SECTIONS):
        problems[NON_FIELD_ERRORS] = "A safety plan has no such section"
    elif not any(sections.get(name, "").strip() for name in SAFETY_SECTIONS):
        problems[NON_FIELD_ERRORS] = "Fill in at least one section of the safety plan"
    return problems


def _reviewed_problem(reviewed_on: date | None, completed: date) -> str | None:
    if reviewed_on is None:
        return None
    if reviewed_on > timezone.localdate():
        return "Date reviewed must be today or in the past"
    if reviewed_on < completed:
        return "Date reviewed must be the same as or after the plan was completed"
    return None


@transaction.atomic
def safety_plan_record(
    *,
    case: Case,
    person: Person,
    recorded_by: User,
    completed_at: datetime,
    sections: Mapping[str, str],
    reviewed_on: date | None = None,
) -> SafetyPlan:
    """The safety plan of the survivor or one child of their household; refused on a closed
    case, for someone the case does not plan for or who has one already, in the future or
    before the case opened, with every section empty or an unknown section."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    refusal = plan_refusal(case)
    if refusal:
        refuse({NON_FIELD_ERRORS: refusal})
    refuse(
        {
            "person": "Select the survivor or a child of their household"
            if person.pk not in {p.pk for p in plan_people(case)}
            else (
                "This person already has a safety plan on this case: change it instead"
                if SafetyPlan.objects.filter(case=case, person=person).exists()
                else None
            ),
            "completed_at": moment_refusal(case, completed_at, "Date and time of the plan"),
            "reviewed_on": _reviewed_problem(reviewed_on, timezone.localdate(completed_at)),
            **_section_problems(sections),
        }
    )
    plan = SafetyPlan.objects.create(
        case=case,
        person=person,
        completed_at=completed_at,
        reviewed_on=reviewed_on,
        recorded_by=recorded_by,
        **{name: sections.get(name, "").strip() for name in SAFETY_SECTIONS},
    )
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=plan,
        changes={
            "person": [None, str(person.pk)],
            "completed_at": [None, completed_at],
            "sections": [None, sorted(n for n in SAFETY_SECTIONS if getattr(plan, n))],
        },
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.SAFETY_PLAN,
        actor=recorded_by,
        target=plan,
        summary=safety_plan_summary(for_survivor=person.pk == case.person_id),
        occurred_at=completed_at,
    )
    return plan


@transaction.atomic
def safety_plan_change(
    *,
    plan: SafetyPlan,
    changed_by: User,
    sections: Mapping[str, str],
    reviewed_on: date | None,
) -> SafetyPlan:
    """Change a safety plan's sections and the date it was last reviewed (audited: which
    sections changed, and the dates)."""
    refusal = plan_refusal(Case.objects.select_for_update().get(pk=plan.case_id))
    if refusal:
        raise ValidationError(refusal)
    refuse(
        {
            "reviewed_on": _reviewed_problem(reviewed_on, timezone.localdate(plan.completed_at)),
            **_section_problems(sections),
        }
    )
    after = {name: sections.get(name, "").strip() for name in SAFETY_SECTIONS}
    changed = sorted(name for name, value in after.items() if getattr(plan, name) != value)
    changes: dict[str, list[object]] = {}
    if changed:
        changes["sections_changed"] = [None, changed]
    if plan.reviewed_on != reviewed_on:
        changes["reviewed_on"] = [plan.reviewed_on, reviewed_on]
    if not changes:
        return plan
    for name, value in after.items():
        setattr(plan, name, value)
    plan.reviewed_on = reviewed_on
    plan.save(update_fields=[*after, "reviewed_on", "updated_at"])
    audit_event(actor=changed_by, action=AuditAction.UPDATE, target=plan, changes=changes)
    return plan
