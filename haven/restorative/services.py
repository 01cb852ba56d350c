"""Restorative justice writes (seed 002 Lot 1 s3.10): a referral at the victim's own request
with the offender's admission, and each later step to its close. Atomic, audited and on the
case timeline; the rules are checked here, not only in the forms."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.accounts.roles import Role
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case
from haven.casework.services import case_event_record
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.restorative.models import (
    ContactType,
    Outcome,
    RestorativeProcess,
    SensitiveOffence,
    Stage,
    VictimView,
)
from haven.validators import date_problem, refuse, text_problem

TEXT_LIMIT = 4_000
FACILITATOR_ROLES = (Role.CASEWORKER, Role.TEAM_LEADER, Role.SERVICE_MANAGER)

# The steps a process may take from each stage (seed 002 s3.10; reference.md §6: a trained
# facilitator decides whether it is safe and suitable before anything is prepared).
NEXT: dict[str, tuple[str, ...]] = {
    Stage.REFERRED: (Stage.SUITABLE, Stage.UNSUITABLE, Stage.WITHDRAWN),
    Stage.SUITABLE: (Stage.PREPARATION, Stage.WITHDRAWN),
    Stage.PREPARATION: (Stage.HELD, Stage.WITHDRAWN),
    Stage.HELD: (Stage.FOLLOW_UP, Stage.CLOSED),
    Stage.FOLLOW_UP: (Stage.CLOSED,),
}
NOTE_NEEDED: dict[str, str] = {
    Stage.SUITABLE: "Enter the facilitator's risk assessment and why it is safe and suitable",
    Stage.UNSUITABLE: "Enter why it is not suitable",
    Stage.WITHDRAWN: "Enter why it was withdrawn",
}


def may_facilitate(user: User, case: Case) -> bool:
    """Staff of the case's provider (seed 002 s3.10: caseworkers trained as facilitators)."""
    provider = case.contract.provider_id
    return provider is not None and (
        user.memberships.filter(organisation_id=provider, role__in=FACILITATOR_ROLES).exists()
    )


def _check_may_record(user: User, case: Case) -> None:
    if not user.has_perm("casework.record_on_case", case):
        raise PermissionDenied


def referral_problems(
    *,
    victim_requested: bool,
    offender_admitted: bool,
    sensitive_offence: str,
    justification: str,
    facilitator_experienced: bool,
) -> dict[str, str | None]:
    """seed 002 s3.10's conditions for a referral, by field (empty problems: none)."""
    exceptional = sensitive_offence != SensitiveOffence.NONE
    return {
        # seed 002 s3.10: "Restorative contact must be victim-initiated"
        "victim_requested": None
        if victim_requested
        else "Restorative justice is only offered when the victim asks for it",
        # seed 002 s3.10: "provided the offender has admitted guilt and accepted responsibility"
        "offender_admitted": None
        if offender_admitted
        else "The offender must have admitted guilt and accepted responsibility for the harm",
        # seed 002 s3.10: sexual violence, domestic violence, ... "only in exceptional
        # circumstances ... carried out by an experienced and skilled facilitator"
        "exceptional_justification": "Enter the exceptional circumstances: the clear benefit "
        "to the victim and why it will not cause harm to anyone taking part"
        if exceptional and not justification
        else None,
        "facilitator_experienced": "For this offence the facilitator must be experienced and "
        "skilled in it: confirm it or name another facilitator"
        if exceptional and not facilitator_experienced
        else None,
    }


@transaction.atomic
def rj_referral_create(
    *,
    case: Case,
    referred_by: User,
    victim_requested: bool,
    requested_on: date | None,
    offender_admitted: bool,
    contact_type: str,
    sensitive_offence: str,
    exceptional_justification: str,
    facilitator: User | None,
    facilitator_experienced: bool,
    at: datetime | None = None,
) -> RestorativeProcess:
    """Refer a victim for restorative justice: only at their own request, the offender having
    admitted guilt; offences of seed 002 s3.10's list only with the exceptional circumstances
    recorded and an experienced facilitator named."""
    _check_may_record(referred_by, case)
    at = at or timezone.now()
    justification = exceptional_justification.strip()
    problems = referral_problems(
        victim_requested=victim_requested,
        offender_admitted=offender_admitted,
        sensitive_offence=sensitive_offence,
        justification=justification,
        facilitator_experienced=facilitator_experienced,
    )
    if sensitive_offence not in SensitiveOffence.values:
        problems["sensitive_offence"] = "Select the offence, or none of these"
    if contact_type not in ContactType.values:
        problems["contact_type"] = "Select direct or indirect contact"
    if facilitator is None or not may_facilitate(facilitator, case):
        problems["facilitator"] = "Select the facilitator from the service's staff"
    if requested_on is None:
        problems["requested_on"] = "Enter the date the victim asked for restorative justice"
    else:
        problems["requested_on"] = (
            "The date the victim asked must be today or in the past"
            if requested_on > timezone.localdate(at)
            else date_problem(requested_on, subject="The date the victim asked")
        )
    problems["exceptional_justification"] = problems["exceptional_justification"] or text_problem(
        justification, subject="The justification", limit=TEXT_LIMIT
    )
    refuse(problems)
    assert facilitator is not None
    assert requested_on is not None
    process = RestorativeProcess(
        case=case,
        victim_requested_on=requested_on,
        offender_admitted=True,
        contact_type=contact_type,
        sensitive_offence=sensitive_offence,
        exceptional_justification=justification,
        facilitator=facilitator,
        facilitator_experienced=facilitator_experienced,
        referred_at=at,
        referred_by=referred_by,
    )
    process.save(force_insert=True)
    audit_event(
        actor=referred_by,
        action=AuditAction.CREATE,
        target=process,
        changes={
            "contact_type": [None, contact_type],
            "sensitive_offence": [None, sensitive_offence],
            "stage": [None, Stage.REFERRED.value],
        },
    )
    summary = f"Restorative justice referral at the victim's request: {process.get_contact_type_display()}"
    if process.is_exceptional:
        summary += " (exceptional circumstances recorded)"
    case_event_record(
        case=case,
        kind=CaseEventKind.RESTORATIVE_REFERRAL,
        actor=referred_by,
        target=process,
        summary=summary,
        occurred_at=at,
    )
    return process


@transaction.atomic
def rj_step_record(
    *,
    process: RestorativeProcess,
    recorded_by: User,
    to: str,
    note: str = "",
    held_on: date | None = None,
    outcome: str = "",
    victim_view: str = "",
    at: datetime | None = None,
) -> RestorativeProcess:
    """Move a process on one step (`NEXT`): the suitability decision (with the facilitator's
    risk assessment), preparation, the conference or indirect process held (its date),
    follow-up, and the close with its outcome and the victim's view; or withdrawn / unsuitable
    with the reason."""
    process = (
        RestorativeProcess.objects.select_for_update().select_related("case").get(pk=process.pk)
    )
    _check_may_record(recorded_by, process.case)
    at = at or timezone.now()
    before = process.stage
    if to not in NEXT.get(before, ()):
        refuse({"to": "Select one of the next steps shown"})
    note = note.strip()
    problems: dict[str, str | None] = {
        "note": NOTE_NEEDED.get(to) if not note else None,
    }
    problems["note"] = problems["note"] or text_problem(note, subject="The note", limit=TEXT_LIMIT)
    if to == Stage.HELD:
        problems["held_on"] = (
            "Enter the date it was held"
            if held_on is None
            else "The date it was held must be today or in the past"
            if held_on > timezone.localdate(at)
            else date_problem(
                held_on,
                subject="The date it was held",
                earliest=timezone.localdate(process.referred_at),
            )
        )
    if to == Stage.CLOSED:
        problems["outcome"] = None if outcome in Outcome.values else "Select the outcome"
        problems["victim_view"] = (
            None if victim_view in VictimView.values else "Select what the victim thought of it"
        )
    refuse(problems)
    process.stage = to
    if to in (Stage.SUITABLE, Stage.UNSUITABLE):
        process.assessed_at = at
        process.suitability_note = note
    if to == Stage.PREPARATION:
        process.preparation_at = at
    if to == Stage.HELD:
        process.held_on = held_on
    if to == Stage.FOLLOW_UP:
        process.follow_up_at = at
    if to in (Stage.WITHDRAWN, Stage.UNSUITABLE):
        process.ended_at = at
        process.end_reason = note
    if to == Stage.CLOSED:
        process.ended_at = at
        process.outcome = outcome
        process.victim_view = victim_view
        process.outcome_note = note
    process.save()
    audit_event(
        actor=recorded_by,
        action=AuditAction.UPDATE,
        target=process,
        changes={"stage": [before, to]},
    )
    summary = f"Restorative justice: {Stage(to).label.lower()}"
    if to == Stage.CLOSED:
        summary += (
            f" ({Outcome(outcome).label.lower()}; victim: {VictimView(victim_view).label.lower()})"
        )
    case_event_record(
        case=process.case,
        kind=CaseEventKind.RESTORATIVE_STEP,
        actor=recorded_by,
        target=process,
        summary=summary,
        occurred_at=at,
    )
    return process
