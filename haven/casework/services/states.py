"""Changing a case's state by the transition table (closing has its own service)."""

from __future__ import annotations

from django.db import transaction

from haven.accounts.models import User
from haven.casework import transitions
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, CaseState, NotContactableReason
from haven.casework.services.events import case_event_record
from haven.casework.services.waiting_list import (
    waiting_list_join,
    waiting_list_leave,
    waiting_reason_problems,
)
from haven.contracts.profiles.sections import WaitingListSpec
from haven.contracts.profiles.stored import profile_of
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.validators import REASON_MAX_LENGTH, refuse, text_problem


def _waiting_list_spec(case: Case) -> WaitingListSpec | None:
    try:
        return profile_of(case.contract).waiting_list
    except ValueError:
        return None


def waiting_list_block(case: Case) -> str | None:
    """Why this case may not go on the waiting list, or None."""
    spec = _waiting_list_spec(case)
    cohorts = list(case.referral.cohorts) if case.referral else []
    if spec is None:
        return transitions.waiting_list_refusal(
            allowed=False, exempt_cohorts=[], person_cohorts=cohorts
        )
    return transitions.waiting_list_refusal(
        allowed=spec.allowed, exempt_cohorts=list(spec.exempt_cohorts), person_cohorts=cohorts
    )


def case_next_states(case: Case) -> list[str]:
    """The states this case may move to now: the transition table, less the waiting list when
    the contract has none or the person must not wait (closing has its own page)."""
    allowed = transitions.allowed_next_states(case.state) - {CaseState.CLOSED}
    if CaseState.WAITING_LIST in allowed and waiting_list_block(case):
        allowed -= {CaseState.WAITING_LIST}
    return [state for state in transitions.STATES if state in allowed]


def waiting_list_exemption(case: Case) -> str | None:
    """Why this person may not wait on a contract that has a waiting list (seed 003 s7), or
    None (also None when the contract has no waiting list: there is nothing to explain)."""
    spec = _waiting_list_spec(case)
    if spec is None or not spec.allowed:
        return None
    if CaseState.WAITING_LIST not in transitions.allowed_next_states(case.state):
        return None
    return waiting_list_block(case)


@transaction.atomic
def case_state_change(
    *,
    case: Case,
    to_state: str,
    changed_by: User,
    reason: str = "",
    not_contactable_reason: str = "",
    waiting_reason: str = "",
    waiting_detail: str = "",
) -> Case:
    """Move the case to `to_state` if the table allows it; raises TransitionRefusedError otherwise.
    Marking it not contactable needs why (seed 002 s7 "reasons why not able to be contacted");
    putting it on the waiting list needs why it waits (seed 003 s13 "Reasons for waitlist")."""
    refuse({"reason": text_problem(reason, subject="The reason", limit=REASON_MAX_LENGTH)})
    if to_state == CaseState.CLOSED:
        raise transitions.TransitionRefusedError("Use ‘Close case’ to close a case")
    transitions.check_transition(case.state, to_state)
    if (
        to_state == CaseState.NOT_CONTACTABLE
        and not_contactable_reason not in NotContactableReason.values
    ):
        refuse({"not_contactable_reason": "Select why the person could not be contacted"})
    if to_state == CaseState.WAITING_LIST:
        refusal = waiting_list_block(case)
        if refusal:
            raise transitions.TransitionRefusedError(refusal)
        refuse(waiting_reason_problems(waiting_reason, waiting_detail))  # seed 003 s13
    before = case.state
    case.state = to_state
    fields = ["state", "updated_at"]
    if to_state == CaseState.NOT_CONTACTABLE:
        case.not_contactable_reason = not_contactable_reason
        fields.append("not_contactable_reason")
    case.save(update_fields=fields)
    audit_event(
        actor=changed_by,
        action=AuditAction.UPDATE,
        target=case,
        changes={"state": [before, to_state]},
        reason=reason,
    )
    summary = f"State changed from {CaseState(before).label} to {CaseState(to_state).label}"
    case_event_record(
        case=case,
        kind=CaseEventKind.STATE_CHANGED,
        actor=changed_by,
        target=case,
        summary=summary + (f": {reason}" if reason else ""),
        data={"from": before, "to": to_state},
    )
    if before == CaseState.WAITING_LIST:
        waiting_list_leave(case=case, left_by=changed_by, to_state=to_state, reason=reason)
    if to_state == CaseState.WAITING_LIST:
        waiting_list_join(
            case=case, joined_by=changed_by, reason=waiting_reason, detail=waiting_detail
        )
    return case
