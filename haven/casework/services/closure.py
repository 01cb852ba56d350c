"""Closing a case: planned or unplanned, with the profile's exit requirements done or overridden."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework import transitions
from haven.casework.event_kinds import CaseEventKind
from haven.casework.exit_models import REASONS_BY_EXIT_TYPE, AppealOutcome
from haven.casework.models import (
    Case,
    CaseState,
    ExitReason,
    ExitType,
    NeedsAssessment,
    NeedsStage,
    NotContactableReason,
)
from haven.casework.services.events import case_event_record
from haven.casework.services.exit_steps import exit_interview_summary, onward_referral_summary
from haven.casework.services.needs_assessments import NEEDS_SUMMARIES
from haven.casework.services.tasks import case_tasks_sync, tasks_cancel_outstanding
from haven.casework.services.waiting_list import waiting_list_leave
from haven.contracts.profiles.sections import ExitSpec
from haven.contracts.profiles.stored import profile_of
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.validators import REASON_MAX_LENGTH, text_problem

# seed 002 s3.9, seed 004 s4.2: what each exit requirement looks for. The exit risk assessment
# is the risk app's (above casework): its timeline entry, kind and stage, shows it; the others
# are casework's own rows (ExitInterview, OnwardReferral, NeedsAssessment at the exit stage).
EXIT_RISK_EVENT = (CaseEventKind.RISK_ASSESSMENT, {"stage": "exit"})
REQUIREMENT_LABELS = {
    "exit_risk_assessment": "Exit risk assessment",
    "exit_interview": "Exit interview",
    "onward_referral": "Onward referral",
    "needs_reassessment": "Needs reassessment before closure",
}


@dataclass(frozen=True)
class ExitRequirement:
    key: str
    label: str
    done: bool
    citation: str
    done_at: datetime | None = None  # of the latest record that shows it done
    done_by: str = ""
    summary: str = ""


class ClosureRefusedError(Exception):
    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = problems


def applicable_requirements(
    spec: ExitSpec | None, *, assessed: bool, risk_assessed: bool = True
) -> list[str]:
    """The exit requirements that apply to a case; `assessed`: it has an initial or review
    needs assessment; `risk_assessed`: it has a completed risk checklist."""
    if spec is None:
        return []
    requires: list[str] = list(spec.requires)
    if spec.reassess_only_if_assessed and not assessed:
        # seed 002 s3.9: the reassessment repeats a needs assessment; a case that had none
        # (initial contact only) has nothing to repeat
        requires = [key for key in requires if key != "needs_reassessment"]
    if spec.reassess_only_if_assessed and not risk_assessed:
        # the same for the risk checklist before closure (issue 12, seed 002 s3.9)
        requires = [key for key in requires if key != "exit_risk_assessment"]
    return requires


def _name(user: User | None) -> str:
    return user.get_full_name() if user is not None else ""


def _done_by_event(case: Case) -> tuple[datetime, str, str] | None:
    kind, wanted = EXIT_RISK_EVENT
    events = case.events.filter(kind=kind).select_related("actor")
    event = next(
        (
            e
            for e in events.order_by("-occurred_at", "-created_at")
            if all((e.data or {}).get(k) == v for k, v in wanted.items())
        ),
        None,
    )
    return None if event is None else (event.occurred_at, _name(event.actor), event.summary)


def _evidence(
    case: Case, key: str, needs: list[NeedsAssessment]
) -> tuple[datetime, str, str] | None:
    """When, by whom and what: the latest record that shows the requirement done, or None."""
    if key == "exit_risk_assessment":
        return _done_by_event(case)
    if key == "exit_interview":
        interview = case.exit_interviews.select_related("recorded_by").first()
        if interview is None:
            return None
        summary = exit_interview_summary(interview.method)
        return interview.held_at, _name(interview.recorded_by), summary
    if key == "onward_referral":
        referral = case.onward_referrals.select_related("recorded_by").first()
        if referral is None:
            return None
        summary = onward_referral_summary(referral.agency, referral.need)
        return referral.made_at, _name(referral.recorded_by), summary
    exit_stage = next((n for n in needs if n.stage == NeedsStage.EXIT), None)
    if exit_stage is None:
        return None
    summary = NEEDS_SUMMARIES[NeedsStage.EXIT]
    return exit_stage.assessed_at, _name(exit_stage.recorded_by), summary


def exit_requirements(case: Case) -> list[ExitRequirement]:
    """The profile's exit requirements and whether the case's records show each done."""
    try:
        spec = profile_of(case.contract).exit
    except ValueError:
        spec = None
    if spec is None or not spec.requires:
        return []
    needs = list(
        case.needs_assessments.select_related("recorded_by").order_by("-assessed_at", "-created_at")
    )
    assessed = any(n.stage in {NeedsStage.INITIAL, NeedsStage.REVIEW} for n in needs)
    result = []
    risk_assessed = case.events.filter(kind=CaseEventKind.RISK_ASSESSMENT).exists()
    for key in applicable_requirements(spec, assessed=assessed, risk_assessed=risk_assessed):
        label, citation = REQUIREMENT_LABELS[key], spec.citation or ""
        evidence = _evidence(case, key, needs)
        if evidence is None:
            result.append(ExitRequirement(key, label, False, citation))
        else:
            result.append(ExitRequirement(key, label, True, citation, *evidence))
    return result


def exit_reason_problems(
    case: Case, *, exit_type: str, exit_reason: str, not_contactable_reason: str
) -> dict[str, str]:
    """The structured reason: one of the exit type's reasons; "excluded" only with an exclusion
    standing on the case (seed 003 s8); "not contactable" with why (seed 002 s7)."""
    if exit_type not in ExitType.values:
        return {}
    if exit_reason not in REASONS_BY_EXIT_TYPE[exit_type]:
        kind = ExitType(exit_type).label.lower()
        return {"exit_reason": f"Select the reason for this {kind}"}
    if exit_reason == ExitReason.EXCLUDED:
        exclusion = getattr(case, "exclusion", None)
        if exclusion is None:
            return {"exit_reason": "Record the exclusion decision before closing as excluded"}
        if exclusion.appeal_outcome == AppealOutcome.OVERTURNED:
            return {"exit_reason": "The exclusion was overturned on appeal"}
    if (
        exit_reason == ExitReason.NOT_CONTACTABLE
        and not_contactable_reason not in NotContactableReason.values
        and not case.not_contactable_reason
    ):
        return {"not_contactable_reason": "Select why the person could not be contacted"}
    return {}


def closure_problems(
    *, exit_type: str, reason: str, missing: list[ExitRequirement], overrides: dict[str, str]
) -> dict[str, str]:
    """What stops the case closing, by field: exit type, reason, each unmet requirement."""
    problems: dict[str, str] = {}
    if exit_type not in ExitType.values:
        problems["exit_type"] = "Select whether this is a planned or unplanned exit"
    if not reason.strip():
        problems["reason"] = "Enter the reason for closing the case"
    for key, text in {"reason": reason, **overrides}.items():
        too_long = text_problem(text, subject="The reason", limit=REASON_MAX_LENGTH)
        if too_long:
            problems[key] = too_long
    for requirement in missing:
        if requirement.key not in overrides:
            problems[requirement.key] = (
                f"{requirement.label} is not done: do it first or give a reason to close without it"
            )
    return problems


@transaction.atomic
def case_close(
    *,
    case: Case,
    closed_by: User,
    exit_type: str,
    exit_reason: str,
    reason: str,
    not_contactable_reason: str = "",
    overrides: dict[str, str] | None = None,
    at: datetime | None = None,
) -> Case:
    """Close the case with its exit type, structured reason and free-text reason; each exit
    requirement not done needs an override reason (ClosureRefusedError)."""
    transitions.check_transition(case.state, CaseState.CLOSED)
    overrides = {k: v.strip() for k, v in (overrides or {}).items() if v and v.strip()}
    missing = [r for r in exit_requirements(case) if not r.done]
    problems = closure_problems(
        exit_type=exit_type, reason=reason, missing=missing, overrides=overrides
    )
    problems.update(
        exit_reason_problems(
            case,
            exit_type=exit_type,
            exit_reason=exit_reason,
            not_contactable_reason=not_contactable_reason,
        )
    )
    if problems:
        raise ClosureRefusedError(problems)
    before = case.state
    case.state = CaseState.CLOSED
    case.closed_at = at or timezone.now()
    if before == CaseState.WAITING_LIST:  # the wait ends with the closure's reason
        waiting_list_leave(
            case=case,
            left_by=closed_by,
            to_state=CaseState.CLOSED,
            reason=f"{ExitReason(exit_reason).label}: {reason.strip()}",
            at=case.closed_at,
        )
    case.exit_type = exit_type
    case.exit_reason = exit_reason
    if exit_reason == ExitReason.NOT_CONTACTABLE and not_contactable_reason:
        case.not_contactable_reason = not_contactable_reason
    case.closure_reason = reason.strip()
    case.closure_overrides = {r.key: overrides[r.key] for r in missing}
    fields = ["state", "closed_at", "exit_type", "exit_reason", "not_contactable_reason"]
    fields += ["closure_reason", "closure_overrides"]
    case.save(update_fields=[*fields, "updated_at"])
    audit_event(
        actor=closed_by,
        action=AuditAction.UPDATE,
        target=case,
        changes={
            "state": [before, CaseState.CLOSED],
            "exit_type": ["", exit_type],
            "exit_reason": ["", exit_reason],
        },
        reason="; ".join(
            [reason.strip(), *(f"{k} overridden: {v}" for k, v in case.closure_overrides.items())]
        ),
    )
    tasks_cancel_outstanding(case=case, actor=closed_by, reason="Case closed")
    case_event_record(
        case=case,
        kind=CaseEventKind.CASE_CLOSED,
        actor=closed_by,
        target=case,
        occurred_at=case.closed_at,
        summary=(
            f"Case closed ({ExitType(exit_type).label.lower()}, "
            f"{ExitReason(exit_reason).label.lower()}): {case.closure_reason}"
        ),
        data={
            "exit_type": exit_type,
            "exit_reason": exit_reason,
            "overrides": case.closure_overrides,
        },
    )
    case_tasks_sync(case=case, actor=closed_by)  # follow-ups that start at closure
    return case
