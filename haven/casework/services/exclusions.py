"""Re-engagement attempts, exclusions and their appeals (seed 003 s8; seed 004 s6.10).

Who does what (seed 003 s8 "at the discretion of the service but within a structure of users'
rights and responsibilities"; seed 004 s6.10 "a clear decision-making process"):
- staff who may change the case record each attempt to re-engage (the auditable record);
- a team leader or service manager decides the exclusion, only with at least one attempt
  recorded, at least one of the contract's published criteria, the reason, and when and how the
  person was told of their right of appeal; the case is then closed as "excluded";
- staff who may change the case record that an appeal was lodged;
- a team leader or service manager who did not decide the exclusion decides the appeal.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from haven.access.scope import can_manage_case, may_change_case
from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import (
    AppealNoticeMethod,
    AppealOutcome,
    Case,
    CaseState,
    Exclusion,
    ReengagementAttempt,
    ReengagementMethod,
)
from haven.casework.services.events import case_event_record
from haven.casework.services.tasks import opened_minute
from haven.contracts.models import Contract
from haven.contracts.profiles.sections import ExclusionCriterionSpec
from haven.contracts.profiles.stored import profile_of
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.validators import (
    REASON_MAX_LENGTH,
    moment_problem,
    refuse,
    text_problem,
    to_the_minute,
)

MANAGERS_ONLY = "Only a team leader or service manager may decide this"
NO_CRITERIA = "This contract publishes no exclusion criteria, so no one can be excluded"


def exclusion_criteria(case: Case) -> list[ExclusionCriterionSpec]:
    """The published exclusion criteria of the case's contract (seed 003 s8), or none."""
    return contract_exclusion_criteria(case.contract)


def contract_exclusion_criteria(contract: Contract) -> list[ExclusionCriterionSpec]:
    try:
        spec = profile_of(contract).exit
    except ValueError:
        return []
    return list(spec.exclusion_criteria) if spec is not None else []


def _when(case: Case, value: datetime, subject: str) -> str | None:
    return moment_problem(
        value,
        subject=subject,
        now=timezone.now(),
        not_before=opened_minute(case.opened_at),
        not_before_what="when the case opened",
    )


def _refuse_unless_changer(actor: User, case: Case) -> None:
    if not may_change_case(actor, case):
        raise ValidationError("You may not change this case")


@transaction.atomic
def reengagement_attempt_record(
    *, case: Case, recorded_by: User, attempted_at: datetime, method: str, what: str
) -> ReengagementAttempt:
    """One attempt to re-engage the person on an open case: how, when and what was tried."""
    _refuse_unless_changer(recorded_by, case)
    if case.state == CaseState.CLOSED:
        raise ValidationError("The case is closed: nothing more is recorded on it")
    what = what.strip()
    refuse(
        {
            "attempted_at": _when(case, attempted_at, "Date of the attempt"),
            "method": None if method in ReengagementMethod.values else "Select how you tried",
            "what": text_problem(what, subject="What was tried", limit=REASON_MAX_LENGTH)
            or (None if what else "Enter what was tried"),
        }
    )
    attempt = ReengagementAttempt.objects.create(
        case=case, attempted_at=attempted_at, method=method, what=what, recorded_by=recorded_by
    )
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=attempt,
        changes={"method": [None, method], "attempted_at": [None, attempted_at.isoformat()]},
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.REENGAGEMENT_ATTEMPT,
        actor=recorded_by,
        target=attempt,
        occurred_at=attempted_at,
        summary=f"Attempt to re-engage: {ReengagementMethod(method).label.lower()}",
    )
    return attempt


def exclusion_problems(
    case: Case,
    *,
    criteria: list[str],
    reason: str,
    appeal_notice_at: datetime | None,
    appeal_notice_method: str,
) -> dict[str, str | None]:
    """What stops an exclusion, by field (seed 003 s8: re-engagement exhausted, published
    criteria, right of appeal)."""
    published = {c.key for c in exclusion_criteria(case)}
    if not published:
        return {"criteria": NO_CRITERIA}
    unknown = set(criteria) - published
    return {
        # seed 003 s8: "an auditable record ... that re-engagement activity has been fully
        # exhausted before exclusion"
        "reengagement": None
        if case.reengagement_attempts.exists()
        else "Record each attempt to re-engage the person before excluding them",
        "criteria": "Select the published criteria the exclusion meets"
        if not criteria or unknown
        else None,
        "reason": text_problem(reason, subject="The reason", limit=REASON_MAX_LENGTH)
        or (None if reason else "Enter the reason for the exclusion"),
        # seed 003 s8 "right of appeal"; seed 004 s6.10 "communicated to ... the service user"
        "appeal_notice_at": "Enter when the person was told of their right of appeal"
        if appeal_notice_at is None
        else _when(case, appeal_notice_at, "Date told of the right of appeal"),
        "appeal_notice_method": None
        if appeal_notice_method in AppealNoticeMethod.values
        else "Select how the person was told of their right of appeal",
    }


@transaction.atomic
def exclusion_decide(
    *,
    case: Case,
    decided_by: User,
    criteria: list[str],
    reason: str,
    appeal_notice_at: datetime | None,
    appeal_notice_method: str,
    at: datetime | None = None,
) -> Exclusion:
    """A manager excludes the person from this case's service; the case is then closed with
    the exit reason "excluded" (`case_close`)."""
    if not can_manage_case(decided_by, case):
        raise ValidationError(MANAGERS_ONLY)
    if case.state == CaseState.CLOSED:
        raise ValidationError("The case is closed: nothing more is recorded on it")
    if Exclusion.objects.filter(case=case).exists():
        raise ValidationError("An exclusion is already recorded on this case")
    reason = reason.strip()
    refuse(
        exclusion_problems(
            case,
            criteria=criteria,
            reason=reason,
            appeal_notice_at=appeal_notice_at,
            appeal_notice_method=appeal_notice_method,
        )
    )
    assert appeal_notice_at is not None  # refused above
    exclusion = Exclusion.objects.create(
        case=case,
        decided_at=at or timezone.now(),
        decided_by=decided_by,
        criteria=sorted(criteria),
        reason=reason,
        appeal_notice_at=appeal_notice_at,
        appeal_notice_method=appeal_notice_method,
    )
    audit_event(
        actor=decided_by,
        action=AuditAction.CREATE,
        target=exclusion,
        changes={"criteria": [None, exclusion.criteria]},
        reason=reason,
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.EXCLUSION,
        actor=decided_by,
        target=exclusion,
        occurred_at=exclusion.decided_at,
        summary="Exclusion decided; the person was told of their right of appeal",
    )
    return exclusion


@transaction.atomic
def exclusion_appeal_lodge(
    *, exclusion: Exclusion, recorded_by: User, lodged_at: datetime
) -> Exclusion:
    """The person appealed against their exclusion (any member of staff on the case records it)."""
    case = exclusion.case
    _refuse_unless_changer(recorded_by, case)
    if exclusion.appeal_lodged_at is not None:
        raise ValidationError("An appeal is already recorded")
    refuse(
        {
            "lodged_at": moment_problem(
                lodged_at,
                subject="Date the appeal was made",
                now=timezone.now(),
                not_before=to_the_minute(exclusion.appeal_notice_at),
                not_before_what="the day the person was told of their right of appeal",
            )
        }
    )
    exclusion.appeal_lodged_at = lodged_at
    exclusion.appeal_lodged_recorded_by = recorded_by
    exclusion.save(update_fields=["appeal_lodged_at", "appeal_lodged_recorded_by", "updated_at"])
    audit_event(
        actor=recorded_by,
        action=AuditAction.UPDATE,
        target=exclusion,
        changes={"appeal_lodged_at": [None, lodged_at.isoformat()]},
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.EXCLUSION_APPEAL,
        actor=recorded_by,
        target=exclusion,
        occurred_at=lodged_at,
        summary="Appeal against the exclusion made",
    )
    return exclusion


@transaction.atomic
def exclusion_appeal_decide(
    *, exclusion: Exclusion, decided_by: User, heard_at: datetime, outcome: str, reason: str
) -> Exclusion:
    """A manager other than the one who excluded decides the appeal: upheld or overturned.
    An overturned exclusion no longer stands (a new referral is accepted as any other)."""
    case = exclusion.case
    if not can_manage_case(decided_by, case):
        raise ValidationError(MANAGERS_ONLY)
    if exclusion.appeal_lodged_at is None:
        raise ValidationError("Record that the appeal was made first")
    if exclusion.appeal_outcome:
        raise ValidationError("The appeal is already decided")
    if decided_by.pk == exclusion.decided_by_id:
        # a fair hearing: the manager who excluded does not decide the appeal against it
        raise ValidationError("The appeal must be decided by someone other than who excluded")
    reason = reason.strip()
    refuse(
        {
            "heard_at": moment_problem(
                heard_at,
                subject="Date the appeal was heard",
                now=timezone.now(),
                not_before=to_the_minute(exclusion.appeal_lodged_at),
                not_before_what="the day the appeal was made",
            ),
            "outcome": None if outcome in AppealOutcome.values else "Select the outcome",
            "reason": text_problem(reason, subject="The reason", limit=REASON_MAX_LENGTH)
            or (None if reason else "Enter the reason for the decision"),
        }
    )
    exclusion.appeal_heard_at = heard_at
    exclusion.appeal_outcome = outcome
    exclusion.appeal_decided_by = decided_by
    exclusion.appeal_reason = reason
    fields = ["appeal_heard_at", "appeal_outcome", "appeal_decided_by", "appeal_reason"]
    exclusion.save(update_fields=[*fields, "updated_at"])
    audit_event(
        actor=decided_by,
        action=AuditAction.UPDATE,
        target=exclusion,
        changes={"appeal_outcome": ["", outcome]},
        reason=reason,
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.EXCLUSION_APPEAL,
        actor=decided_by,
        target=exclusion,
        occurred_at=heard_at,
        summary=f"Appeal decided: {AppealOutcome(outcome).label.lower()}",
    )
    return exclusion
