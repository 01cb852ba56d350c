"""Every write for risk: completing a checklist on a case, and loading a licensed wording."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case
from haven.casework.services import case_event_record
from haven.casework.services.closed import refuse_if_closed
from haven.casework.services.tasks import case_tasks_sync, task_complete
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.risk import hooks
from haven.risk.engine import (
    AssessmentInvalid,
    ChecklistError,
    ChecklistInvalid,
    ChecklistNotFoundError,
    ReasonCode,
    RecordedAnswer,
    RiskLevel,
    RiskResult,
    assess,
    checked_answers,
    read_checklist,
    same_questions,
    shipped_checklist,
)
from haven.risk.models import RiskAssessment, RiskChecklist, RiskStage
from haven.risk.reassessments import reassessment_task_for, risk_register_sync
from haven.risk.selectors import RiskSettings, checklist_for, latest_assessment, risk_settings_for
from haven.validators import date_problem, text_problem

RISK_REASON_MAX_LENGTH = 5000  # as the checklist form

MARAC_CITATION = "seed 004 s4.2"


def _check_plausible(completed_at: datetime, *reasons: str) -> None:
    """Not before 1900; reasons of a sensible length without NUL (issue 9 s4)."""
    too_early = date_problem(completed_at.date(), subject="Date completed")
    if too_early:
        raise AssessmentInvalid("completed_at", too_early)
    fields = ("professional_judgement_reason", "level_override_reason")
    for field, text in zip(fields, reasons, strict=True):
        problem = text_problem(text, subject="The reason", limit=RISK_REASON_MAX_LENGTH)
        if problem:
            raise AssessmentInvalid(field, problem)


@transaction.atomic
def risk_assessment_complete(
    *,
    case: Case,
    completed_by: User,
    answers: Mapping[str, RecordedAnswer],
    professional_judgement: bool,
    professional_judgement_reason: str,
    incidents_last_12_months: int | None,
    stage: str,
    completed_at: datetime,
    level_override: RiskLevel | None = None,
    level_override_reason: str = "",
) -> RiskAssessment:
    """Score and record a completed checklist, update the case's level, timeline and audit.

    Raises AssessmentInvalid (with the field) before anything is saved; PermissionDenied when
    the member of staff may not change this case (risk.complete_assessment, which honours the
    restriction and its named staff), or may not override the level; CaseClosedError on a
    closed case.
    """
    refuse_if_closed(case)
    if getattr(completed_by, "is_authenticated", False):
        if not completed_by.has_perm("risk.complete_assessment", case):
            raise PermissionDenied("You may not complete the risk checklist on this case")
        if level_override is not None and not completed_by.has_perm("risk.override_level", case):
            raise PermissionDenied("You may not change the risk level on this case")
    if stage not in RiskStage.values:
        raise AssessmentInvalid("stage", "Select when the checklist was completed")
    if completed_at > timezone.now():
        raise AssessmentInvalid("completed_at", "Date completed must be today or in the past")
    _check_plausible(completed_at, professional_judgement_reason, level_override_reason)
    settings = risk_settings_for(case.contract)
    definition = checklist_for(case.contract)
    ordered = checked_answers(definition, answers)
    result = assess(
        answers={key: answer.answer for key, answer in ordered.items()},
        thresholds=settings.thresholds,
        professional_judgement=professional_judgement,
        professional_judgement_reason=professional_judgement_reason,
        incidents_last_12_months=incidents_last_12_months,
        override=level_override,
        override_reason=level_override_reason,
    )
    previous = latest_assessment(case)
    assessment = RiskAssessment.objects.create(
        case=case,
        stage=stage,
        checklist_key=definition.key,
        checklist_version=definition.version,
        answers={key: answer.as_dict() for key, answer in ordered.items()},
        professional_judgement=professional_judgement,
        incidents_last_12_months=incidents_last_12_months,
        completed_at=completed_at,
        completed_by=completed_by,
        **risk_result_fields(
            result, settings, professional_judgement_reason, level_override_reason
        ),
    )
    _audit_assessment(assessment, result, completed_by)
    _record_on_case(
        case, assessment, result, completed_by, is_latest=_is_latest(previous, assessment)
    )
    hooks.assessment_completed(assessment, completed_by)  # e.g. marac's referral criteria
    return assessment


def risk_result_fields(
    result: RiskResult, settings: RiskSettings, judgement_reason: str, override_reason: str
) -> dict[str, Any]:
    """The score, levels and reasons as separate fields (reference.md s1.4 note a)."""
    return {
        "score": result.score,
        "score_level": result.score_level,
        "computed_level": result.computed_level,
        "level": result.level,
        "professional_judgement_reason": judgement_reason.strip()
        if any(r.code is ReasonCode.PROFESSIONAL_JUDGEMENT for r in result.reasons)
        else "",
        "override_reason": override_reason.strip() if result.is_overridden else "",
        "reasons": [reason.as_dict() for reason in result.reasons],
        "thresholds": _thresholds_record(settings),
        # seed 004 s4.2: all high-risk referrals into the refuge must trigger a MARAC referral
        "marac_referral_required": settings.marac_on_high_risk and result.is_high,
    }


def _is_latest(previous: RiskAssessment | None, assessment: RiskAssessment) -> bool:
    return previous is None or assessment.completed_at >= previous.completed_at


def _thresholds_record(settings: RiskSettings) -> dict[str, Any]:
    limits = settings.thresholds
    return {
        "high_threshold": limits.high,
        "medium_threshold": limits.medium,
        "escalation_incidents_12m": limits.escalation_incidents_12m,
        "marac_on_high_risk": settings.marac_on_high_risk,
        "citation": settings.citation,
    }


def _audit_assessment(assessment: RiskAssessment, result: RiskResult, actor: User) -> None:
    changes = {
        "stage": [None, assessment.stage],
        "score": [None, result.score],
        "computed_level": [None, result.computed_level.value],
        "level": [None, result.level.value],
        "reasons": [None, [reason.code.value for reason in result.reasons]],
        "marac_referral_required": [None, assessment.marac_referral_required],
    }
    reason = assessment.override_reason
    if reason:  # reference.md s1.4 (b): a downgrade is an explicit, audited override
        reason = f"Level overridden from {result.computed_level} to {result.level}: {reason}"
    audit_event(
        actor=actor, action=AuditAction.CREATE, target=assessment, changes=changes, reason=reason
    )


def _record_on_case(
    case: Case, assessment: RiskAssessment, result: RiskResult, actor: User, *, is_latest: bool
) -> None:
    stage = RiskStage(assessment.stage).label.lower()
    summary = (
        f"Risk assessment ({stage}): {result.level.value} risk, {result.score} yes answers"
        + (" (level overridden)" if result.is_overridden else "")
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.RISK_ASSESSMENT,
        actor=actor,
        summary=summary,
        target=assessment,
        occurred_at=assessment.completed_at,
        data={"stage": assessment.stage, "level": assessment.level, "score": assessment.score},
    )
    if assessment.marac_referral_required:
        case_event_record(
            case=case,
            kind=CaseEventKind.MARAC_REFERRAL_REQUIRED,
            actor=actor,
            summary=f"MARAC referral required: high risk in this contract ({MARAC_CITATION})",
            target=assessment,
            occurred_at=assessment.completed_at,
            data={"citation": MARAC_CITATION},
        )
    if is_latest and case.risk_level != assessment.level:
        before = case.risk_level
        case.risk_level = assessment.level
        case.save(update_fields=["risk_level", "updated_at"])
        audit_event(
            actor=actor,
            action=AuditAction.UPDATE,
            target=case,
            changes={"risk_level": [before, assessment.level]},
        )
        case_tasks_sync(case=case, actor=actor)  # rules that apply at the new risk level
    _complete_risk_assessment_tasks(case, assessment, actor)
    if is_latest:
        risk_register_sync(case=case, assessment=assessment, actor=actor)  # seed 001 s5


def _complete_risk_assessment_tasks(case: Case, assessment: RiskAssessment, actor: User) -> None:
    """An outstanding risk-assessment deadline on the case is done by this assessment; one the
    overnight job already marked breached is completed too (done late, the breach kept)."""
    task = reassessment_task_for(case, assessment)  # a window not yet open is left (s4.2)
    if task is not None:
        how = f"risk assessment {RiskStage(assessment.stage).label.lower()}"
        task_complete(task=task, done_at=assessment.completed_at, actor=actor, how=how)


def risk_assessment_view_record(*, assessment: RiskAssessment, viewed_by: User) -> None:
    """Audit that someone read an assessment's answers (a sensitive read)."""
    audit_event(actor=viewed_by, action=AuditAction.VIEW, target=assessment)


@dataclass(frozen=True)
class ChecklistLoadResult:
    key: str
    outcome: str  # "created" | "updated" | "unchanged"


@transaction.atomic
def risk_checklist_load(*, path: Path, loaded_by: User | None) -> ChecklistLoadResult:
    """Validate a definition file and store it (a service's licensed wording); idempotent.

    Raises ChecklistInvalid (file:line, field, reason) before anything is saved.
    """
    definition, errors = read_checklist(Path(path))
    if definition is None:
        raise ChecklistInvalid(errors)
    try:
        shipped = shipped_checklist(definition.key)
    except ChecklistNotFoundError:
        shipped = None
    if shipped is not None:
        problems = same_questions(definition, shipped)
        if problems:
            raise ChecklistInvalid([ChecklistError(Path(path), None, f, r) for f, r in problems])
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    record = RiskChecklist.objects.filter(key=definition.key).first()
    if record is not None and record.sha256 == digest:
        return ChecklistLoadResult(definition.key, "unchanged")
    fields = {
        "name": definition.name,
        "version": definition.version,
        "wording": definition.wording,
        "definition": definition.model_dump(mode="json"),
        "sha256": digest,
        "loaded_by": loaded_by if getattr(loaded_by, "is_authenticated", False) else None,
    }
    before = {"version": record.version, "sha256": record.sha256} if record else {}
    record, created = RiskChecklist.objects.update_or_create(key=definition.key, defaults=fields)
    audit_event(
        actor=loaded_by,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        target=record,
        changes={
            "version": [before.get("version"), record.version],
            "sha256": [before.get("sha256"), digest],
        },
    )
    return ChecklistLoadResult(definition.key, "created" if created else "updated")
