"""The helpline's writes: a call logged (with its call-back), a call-back closed, a shift added or
removed. Each is atomic, checks who is acting, refuses with a problem per field and is audited.
A call linked to a case (only with the caller's consent) goes on the case's timeline.

Personal details (the number to call back, the safe-contact note) never go into the audit's
changes, URLs or logs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import Team, User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case
from haven.casework.services import case_event_record
from haven.contracts.models import Contract
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.helpline.hours import answer_due, is_out_of_hours
from haven.helpline.models import (
    OUTCOMES,
    CallBack,
    CallBackStatus,
    CallerType,
    CallKind,
    Direction,
    HelplineCall,
    LeaveMessage,
    Shift,
)
from haven.referrals.models import Referral
from haven.validators import refuse, text_problem

MAX_MINUTES = 12 * 60  # a call longer than 12 hours is a typing slip
NOTE_MAX_LENGTH = 2_000
PHONE_MAX_LENGTH = 40
LONGEST_SHIFT = timedelta(hours=24)
FUTURE_SLACK = timedelta(minutes=5)


@dataclass(frozen=True)
class CallBackRequest:
    """The call-back the caller asked for (reference.md s5: how we may contact them safely)."""

    due_at: datetime | None
    phone: str
    may_leave_message: str = LeaveMessage.NOT_ASKED
    safe_times: str = ""
    safe_contact_note: str = ""


def _team_of(user: User, contract: Contract) -> Team | None:
    membership = next(
        (
            m
            for m in user.memberships.all()
            if m.organisation_id == contract.provider_id and m.team_id is not None
        ),
        None,
    )
    return membership.team if membership else None


def _call_back_problems(
    request: CallBackRequest, started_at: datetime | None
) -> dict[str, str | None]:
    phone = request.phone.strip()
    due_problem = None
    if request.due_at is None:
        due_problem = "Enter when to call back"
    elif started_at is not None and request.due_at < started_at:
        due_problem = "The call-back must be due after the call"
    return {
        "call_back_due": due_problem,
        "call_back_phone": "Enter the number to call back"
        if not phone
        else text_problem(phone, subject="The number", limit=PHONE_MAX_LENGTH),
        "may_leave_message": None
        if request.may_leave_message in LeaveMessage.values
        else "Select whether we may leave a message",
        "safe_times": text_problem(request.safe_times, subject="Safe times", limit=NOTE_MAX_LENGTH),
        "safe_contact_note": text_problem(
            request.safe_contact_note, subject="The safe-contact note", limit=NOTE_MAX_LENGTH
        ),
    }


def call_timeline_summary(call: HelplineCall) -> str:
    """What the case timeline says of a call: its direction, who called and its outcomes. Never
    the call-back's number, safe times or note (those stay on the call-back)."""
    outcomes = ", ".join(call.outcome_labels).lower() or "no outcome recorded"
    return (
        f"{call.get_direction_display()} helpline call, "
        f"caller: {call.get_caller_type_display().lower()}; outcome: {outcomes}"
    )


@transaction.atomic
def helpline_call_log(
    *,
    contract: Contract,
    taken_by: User,
    started_at: datetime | None,
    direction: str,
    caller_type: str,
    kind: str = CallKind.SUPPORT,
    duration_minutes: int | None,
    outcomes: list[str],
    answered_live: bool = True,
    consent_to_record: bool = False,
    case: Case | None = None,
    call_back: CallBackRequest | None = None,
) -> HelplineCall:
    """Log one call. In or out of hours comes from the contract's hours; the enquiry's answer is
    due 2 working days later (seed 003 s6.1). A call not answered live needs a call-back, which
    answers it when done. A case is linked only with the caller's consent (reference.md s5)."""
    if not taken_by.has_perm("helpline.take_calls", contract):
        raise PermissionDenied
    now = timezone.now()
    unknown = sorted(set(outcomes) - set(OUTCOMES))
    books_call_back = "call_back_booked" in outcomes
    problems: dict[str, str | None] = {
        "started_at": "Enter when the call started"
        if started_at is None
        else ("The call cannot start in the future" if started_at > now + FUTURE_SLACK else None),
        "direction": None if direction in Direction.values else "Select incoming or outgoing",
        "caller_type": None if caller_type in CallerType.values else "Select who called",
        "kind": None if kind in CallKind.values else "Select the kind of call",
        "duration_minutes": "Enter how long the call lasted, in minutes"
        if duration_minutes is None
        else (
            None
            if 0 <= duration_minutes <= MAX_MINUTES
            else f"The call must last from 0 to {MAX_MINUTES} minutes"
        ),
        "outcomes": f"Unknown outcome: {', '.join(unknown)}" if unknown else None,
        "answered_live": None
        if answered_live or (direction == Direction.IN and books_call_back)
        else "A call not answered live needs a call-back booked",
        "case": None
        if case is None or consent_to_record
        else "Link a case only when the caller agrees to a record being kept",
    }
    if case is not None and case.contract_id != contract.pk:
        problems["case"] = "That case is not of this service"
    if books_call_back:
        if call_back is None:
            problems["call_back_due"] = "Enter when to call back"
        else:
            problems.update(_call_back_problems(call_back, started_at))
    elif call_back is not None and call_back.phone.strip():
        problems["outcomes"] = "Tick call-back booked to book the call-back"
    refuse(problems)
    assert started_at is not None
    assert duration_minutes is not None
    call = HelplineCall.objects.create(
        contract=contract,
        started_at=started_at,
        direction=direction,
        out_of_hours=is_out_of_hours(contract, started_at),
        caller_type=caller_type,
        kind=kind,
        duration_minutes=duration_minutes,
        answered_live=answered_live,
        answer_due_at=answer_due(contract, started_at),
        answered_at=started_at if answered_live else None,
        consent_to_record=consent_to_record,
        case=case,
        taken_by=taken_by,
        **{name: name in outcomes for name in OUTCOMES},
    )
    audit_event(
        actor=taken_by,
        action=AuditAction.CREATE,
        target=call,
        changes={
            "direction": [None, direction],
            "caller_type": [None, caller_type],
            "kind": [None, kind],
            "outcomes": [None, sorted(outcomes)],
            "consent_to_record": [None, consent_to_record],
        },
    )
    if books_call_back:
        assert call_back is not None
        assert call_back.due_at is not None
        booked = CallBack.objects.create(
            call=call,
            due_at=call_back.due_at,
            assigned_to=taken_by,
            team=_team_of(taken_by, contract),
            phone=call_back.phone.strip(),
            may_leave_message=call_back.may_leave_message,
            safe_times=call_back.safe_times.strip(),
            safe_contact_note=call_back.safe_contact_note.strip(),
            created_by=taken_by,
        )
        audit_event(
            actor=taken_by,
            action=AuditAction.CREATE,
            target=booked,
            changes={"due_at": [None, booked.due_at.isoformat()]},
        )
    if case is not None:
        case_event_record(
            case=case,
            kind=CaseEventKind.HELPLINE_CALL,
            summary=call_timeline_summary(call),
            actor=taken_by,
            target=call,
            occurred_at=started_at,
        )
    return call


def referral_link_problem(call: HelplineCall) -> str | None:
    """Why no referral can be made from this call (None: it can)."""
    if call.referral_id is not None:
        return "The referral from this call has been made already"
    if not (call.referral_made and call.consent_to_record):
        return "Only a call with the caller's agreement and a referral made leads to a referral"
    return None


@transaction.atomic
def helpline_call_referral_link(
    *, call: HelplineCall, referral: Referral, linked_by: User
) -> HelplineCall:
    """Record on the call the referral its "Referral made" outcome led to: once, a referral of
    the call's service made by the one linking it (the referrals app keeps no helpline field)."""
    locked = HelplineCall.objects.select_for_update().get(pk=call.pk)
    if not linked_by.has_perm("helpline.take_calls", locked.contract):
        raise PermissionDenied
    problem = referral_link_problem(locked)
    if problem is None and (
        referral.contract_id != locked.contract_id or referral.entered_by_id != linked_by.pk
    ):
        problem = "That referral was not made from this call"
    if problem:
        raise ValidationError(problem)
    locked.referral = referral
    locked.save(update_fields=["referral", "updated_at"])
    audit_event(
        actor=linked_by,
        action=AuditAction.UPDATE,
        target=locked,
        changes={"referral": [None, str(referral.pk)]},
    )
    return locked


@transaction.atomic
def call_back_close(
    *, call_back: CallBack, closed_by: User, status: str, at: datetime | None = None
) -> CallBack:
    """Mark a due call-back done, missed or cancelled. Done answers the call's enquiry (seed 003
    s6.1) when it was not answered live."""
    locked = CallBack.objects.select_for_update().select_related("call").get(pk=call_back.pk)
    if not closed_by.has_perm("helpline.take_calls", locked.call.contract):
        raise PermissionDenied
    if locked.status != CallBackStatus.DUE:
        raise ValidationError({"status": "This call-back is closed already"})
    closing = (CallBackStatus.DONE, CallBackStatus.MISSED, CallBackStatus.CANCELLED)
    refuse({"status": None if status in closing else "Select done, missed or cancelled"})
    when = at or timezone.now()
    locked.status = status
    locked.closed_at = when
    locked.closed_by = closed_by
    locked.save(update_fields=["status", "closed_at", "closed_by", "updated_at"])
    call = locked.call
    if status == CallBackStatus.DONE and call.answered_at is None:
        call.answered_at = when
        call.save(update_fields=["answered_at", "updated_at"])
    audit_event(
        actor=closed_by,
        action=AuditAction.UPDATE,
        target=locked,
        changes={"status": [CallBackStatus.DUE, status]},
    )
    return locked


@transaction.atomic
def shift_add(
    *,
    contract: Contract,
    staff: User | None,
    starts_at: datetime | None,
    ends_at: datetime | None,
    added_by: User,
) -> Shift:
    """A call-taker's shift on the rota (seed 002 s3.11); the staff member must take the
    contract's calls."""
    if not added_by.has_perm("helpline.manage_rota", contract):
        raise PermissionDenied
    problems: dict[str, str | None] = {
        "staff": "Select who is on shift"
        if staff is None
        else (
            None
            if staff.has_perm("helpline.take_calls", contract)
            else "This person does not take this service's calls"
        ),
        "starts_at": "Enter when the shift starts" if starts_at is None else None,
        "ends_at": "Enter when the shift ends" if ends_at is None else None,
    }
    if starts_at is not None and ends_at is not None:
        if ends_at <= starts_at:
            problems["ends_at"] = "The shift must end after it starts"
        elif ends_at - starts_at > LONGEST_SHIFT:
            problems["ends_at"] = "A shift must be 24 hours or less"
    refuse(problems)
    assert staff is not None
    assert starts_at is not None
    assert ends_at is not None
    shift = Shift.objects.create(
        contract=contract, staff=staff, starts_at=starts_at, ends_at=ends_at, created_by=added_by
    )
    audit_event(
        actor=added_by,
        action=AuditAction.CREATE,
        target=shift,
        changes={
            "starts_at": [None, starts_at.isoformat()],
            "ends_at": [None, ends_at.isoformat()],
        },
    )
    return shift


@transaction.atomic
def shift_remove(*, shift: Shift, removed_by: User) -> None:
    if not removed_by.has_perm("helpline.manage_rota", shift.contract):
        raise PermissionDenied
    audit_event(actor=removed_by, action=AuditAction.DELETE, target=shift)
    shift.delete()
