"""Recording a contact attempt: safe-contact check, deadline tasks, final letter (seed 002 s3.7)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework import first_contact, transitions
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import (
    Case,
    CaseState,
    Channel,
    ContactAttempt,
    Direction,
    Outcome,
    Task,
)
from haven.casework.safety import unsafe_reasons
from haven.casework.services.closed import refuse_attempt_if_closed
from haven.casework.services.events import case_event_record
from haven.casework.services.states import waiting_list_block
from haven.casework.services.tasks import case_tasks_sync, task_complete
from haven.casework.services.waiting_list import (
    CONTACT_OUTCOMES,
    waiting_contact_record,
    waiting_list_join,
    waiting_reason_problems,
)
from haven.contracts.profiles.stored import profile_of
from haven.core.auditor import audit_event
from haven.core.formatting import datetime_format
from haven.core.models import AuditAction
from haven.validators import (
    NOTE_MAX_LENGTH,
    REASON_MAX_LENGTH,
    moment_problem,
    refuse,
    text_problem,
    to_the_minute,
)


class SafeContactBlockedError(Exception):
    """The channel is unsafe for this person now; recording needs an override and a reason."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


class AttemptRefusedError(Exception):
    """The attempt cannot be recorded as given; `field` names the form field it is about."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field


# A successful contact moves a case in these states on (profile `first_contact.on_success`).
MOVES_ON = frozenset({CaseState.NEW, CaseState.CONTACTING})
ASKED_STATES = (CaseState.ENGAGED, CaseState.WAITING_LIST, CaseState.DECLINED)


def on_success_rule(case: Case) -> tuple[str, str]:
    """The profile's `first_contact.on_success` and its citation."""
    try:
        spec = profile_of(case.contract).first_contact
    except ValueError:
        spec = None
    if spec is None:
        return "engaged", ""
    return spec.on_success, spec.citation or ""


def success_state_choices(case: Case) -> list[str]:
    """When the profile asks (`on_success: ask`): the states a successful contact may move this
    case to now; [] when it does not ask or the case is not new or contacting."""
    if case.state not in MOVES_ON or on_success_rule(case)[0] != "ask":
        return []
    allowed = transitions.allowed_next_states(case.state)
    return [
        state
        for state in ASKED_STATES
        if state in allowed and not (state == CaseState.WAITING_LIST and waiting_list_block(case))
    ]


def state_after_success(case: Case, outcome: str, next_state: str) -> str | None:
    """The state a successful contact moves the case to (None: it stays as it is)."""
    if not first_contact.is_successful_contact(outcome) or case.state not in MOVES_ON:
        return None
    if on_success_rule(case)[0] != "ask":
        return CaseState.ENGAGED
    choices = success_state_choices(case)
    if next_state not in choices:
        labels = ", ".join(CaseState(state).label.lower() for state in choices)
        raise AttemptRefusedError("next_state", f"Select what happens next: {labels}")
    return next_state


def moved_on_summary(case: Case, before: str, after: str, outcome: str, first: bool) -> str:
    """The timeline's words for the move, citing the profile's rule."""
    on_success, citation = on_success_rule(case)
    rule = f"the contract's first-contact rule ({citation or 'Haven default'})"
    contact = f"{Outcome(outcome).label.lower()}, {'first ' if first else ''}successful contact"
    how = "asks the worker what happens next" if on_success == "ask" else "moves it on to engaged"
    return (
        f"State changed from {CaseState(before).label} to {CaseState(after).label}: "
        f"{contact}; {rule} {how}"
    )


def _attempt_limit(case: Case) -> int | None:
    try:
        spec = profile_of(case.contract).first_contact
    except ValueError:
        return None
    return spec.attempt_limit if spec is not None and spec.final_letter else None


def attempt_summary(attempt: ContactAttempt) -> str:
    """The timeline's words for an attempt, e.g. "No answer (phone call; we contacted them)"."""
    label = "Final letter sent" if attempt.is_final_letter else Outcome(attempt.outcome).label
    channel, direction = Channel(attempt.channel).label, Direction(attempt.direction).label
    summary = f"{label} ({channel[0].lower()}{channel[1:]}; {direction[0].lower()}{direction[1:]})"
    if attempt.safe_contact_reasons:
        summary += " – safe-contact warning overridden"
    return summary


@transaction.atomic
def contact_attempt_record(
    *,
    case: Case,
    channel: str,
    outcome: str,
    attempted_at: datetime,
    recorded_by: User,
    direction: str = Direction.OUTBOUND,
    notes: str = "",
    override_reason: str = "",
    next_state: str = "",
    for_task: Task | None = None,
    waiting_reason: str = "",
    waiting_detail: str = "",
) -> ContactAttempt:
    """Record an attempt; an unsafe outbound channel raises SafeContactBlockedError unless overridden.

    A successful contact on a new or contacting case moves it on as the profile says
    (`first_contact.on_success`): to engaged, or to `next_state` when the profile asks.

    An implausible time (before the referral arrived, in the future) or over-long text raises
    ValidationError naming the field (issue 9 s4), before anything is saved.

    `for_task`: the outstanding task (a follow-up) the attempt is made for; it touches that task
    only (haven.followups records a follow-up this way).
    """
    refuse_attempt_if_closed(case)  # on a closed case, only towards an open follow-up
    if for_task is not None and (
        for_task.case_id != case.pk
        or not for_task.is_outstanding
        or for_task.action not in first_contact.FIRST_CONTACT_ACTIONS
    ):
        raise AttemptRefusedError(None, "This follow-up is no longer open")
    move_to = state_after_success(case, outcome, next_state)
    if move_to == CaseState.WAITING_LIST:  # seed 003 s13: why the person waits
        refuse(waiting_reason_problems(waiting_reason, waiting_detail))
    was_waiting = case.state == CaseState.WAITING_LIST
    received = case.referral.received_at if case.referral is not None else case.opened_at
    refuse(
        {
            "attempted_at": moment_problem(
                attempted_at,
                subject="Date and time of the attempt",
                now=timezone.now(),
                not_before=to_the_minute(received),
                not_before_what=f"the time the referral was received, {datetime_format(received)}",
            ),
            "notes": text_problem(notes, subject="Notes", limit=NOTE_MAX_LENGTH),
            "override_reason": text_problem(
                override_reason, subject="The reason", limit=REASON_MAX_LENGTH
            ),
        }
    )
    reasons: list[str] = []
    if direction == Direction.OUTBOUND:
        reasons = unsafe_reasons(case.person, channel=channel, outcome=outcome, at=attempted_at)
        if reasons and not override_reason.strip():
            raise SafeContactBlockedError(reasons)
    is_final_letter = bool(
        case.final_letter_requested_at and channel == "letter" and outcome == Outcome.LETTER_SENT
    )
    attempt = ContactAttempt.objects.create(
        case=case,
        channel=channel,
        direction=direction,
        outcome=outcome,
        notes=notes.strip(),
        attempted_at=attempted_at,
        recorded_by=recorded_by,
        is_final_letter=is_final_letter,
        safe_contact_reasons=reasons,
        override_reason=override_reason.strip() if reasons else "",
    )
    _record_attempt_history(attempt, recorded_by)
    _update_tasks(case, attempt, recorded_by, for_task)
    _after_attempt(case, attempt, recorded_by, move_to)
    if move_to == CaseState.WAITING_LIST:
        waiting_list_join(
            case=case,
            joined_by=recorded_by,
            reason=waiting_reason,
            detail=waiting_detail,
            at=attempted_at,
        )
    elif was_waiting and outcome in CONTACT_OUTCOMES:  # the periodic contact while waiting
        waiting_contact_record(case=case, at=attempted_at, actor=recorded_by)
    return attempt


def _record_attempt_history(attempt: ContactAttempt, actor: User) -> None:
    """The audit event (with any override reason) and the timeline entry for an attempt."""
    overridden = bool(attempt.safe_contact_reasons)
    audit_event(
        actor=actor,
        action=AuditAction.CREATE,
        target=attempt,
        changes={
            "channel": [None, attempt.channel],
            "outcome": [None, attempt.outcome],
            **({"notes": [None, attempt.notes]} if attempt.notes else {}),
        },
        reason=f"Safe-contact override: {attempt.override_reason}" if overridden else "",
    )
    summary = attempt_summary(attempt)
    case_event_record(
        case=attempt.case,
        kind=CaseEventKind.ATTEMPT,
        actor=actor,
        target=attempt,
        occurred_at=attempt.attempted_at,
        summary=summary,
        data={
            "channel": attempt.channel,
            "outcome": attempt.outcome,
            "override": overridden,
            # the notes typed with the attempt, shown under it on the timeline
            **({"notes": attempt.notes} if attempt.notes else {}),
        },
    )


def _update_tasks(
    case: Case, attempt: ContactAttempt, actor: User, for_task: Task | None = None
) -> None:
    outstanding = list(case.tasks.filter(is_outstanding=True).order_by("due_at", "id"))
    only = next((task for task in outstanding if for_task and task.pk == for_task.pk), None)
    for task, effect in first_contact.attempt_effects(
        outstanding,
        channel=attempt.channel,
        outcome=attempt.outcome,
        is_final_letter=attempt.is_final_letter,
        case_closed=case.state == CaseState.CLOSED,
        for_task=only,
    ):
        if effect.counts:
            task.attempts_made += 1
            task.save(update_fields=["attempts_made", "updated_at"])
        if effect.meets:
            how = (
                "final letter" if effect.by_final_letter else Outcome(attempt.outcome).label.lower()
            )
            task_complete(task=task, done_at=attempt.attempted_at, actor=actor, how=how)


def _after_attempt(case: Case, attempt: ContactAttempt, actor: User, move_to: str | None) -> None:
    fields: list[str] = []
    if move_to is not None:
        before, first = case.state, case.first_contact_at is None
        case.state = move_to
        fields.append("state")
        summary = moved_on_summary(case, before, move_to, attempt.outcome, first)
        audit_event(
            actor=actor,
            action=AuditAction.UPDATE,
            target=case,
            changes={"state": [before, move_to]},
            reason=summary,
        )
        case_event_record(
            case=case,
            kind=CaseEventKind.STATE_CHANGED,
            actor=actor,
            target=case,
            summary=summary,
            data={
                "from": before,
                "to": move_to,
                "rule": "first_contact.on_success",
                "citation": on_success_rule(case)[1],
            },
        )
    elif case.state == CaseState.NEW:
        case.state = CaseState.CONTACTING
        fields.append("state")
        case_event_record(
            case=case,
            kind=CaseEventKind.STATE_CHANGED,
            actor=actor,
            target=case,
            summary="State changed from New to Contacting (first attempt)",
            data={"from": CaseState.NEW, "to": CaseState.CONTACTING},
        )
    if case.state == CaseState.CLOSED:
        return  # a follow-up contact after closure starts no first-contact clocks or letters
    if first_contact.is_successful_contact(attempt.outcome) and case.first_contact_at is None:
        case.first_contact_at = attempt.attempted_at
        fields.append("first_contact_at")
    if fields:
        case.save(update_fields=[*fields, "updated_at"])
        if "first_contact_at" in fields:
            case_tasks_sync(case=case, actor=actor)  # rules that start at the first contact
    _maybe_request_final_letter(case, actor)


def final_letter_task_fields(case: Case, profile: Any, limit: int, at: datetime) -> dict[str, Any]:
    """The final-letter task's fields, the case aside (seed 002 s3.7: after `limit` attempts
    without contact, a letter due by the end of the day it is asked for). The service and the
    demo recorder both build it from this."""
    spec = profile.first_contact
    citation = (spec.citation if spec else "") or ""
    return {
        "rule_key": first_contact.FINAL_LETTER_KEY,
        "label": "Send the final letter",
        "action": "letter_sent",
        "due_at": timezone.localtime(at).replace(hour=23, minute=59, second=59, microsecond=0),
        "citation": citation,
        "explanation": (
            f"Final letter ({citation}): {limit} attempts without contact; send a letter "
            "explaining the attempts and how to get support, today (Haven's default)"
        ),
        "allocated_to_id": case.allocated_to_id,
        "team_id": case.team_id,
    }


def _maybe_request_final_letter(case: Case, actor: User) -> None:
    limit = _attempt_limit(case)
    if case.final_letter_requested_at is not None or not limit:
        return
    unsuccessful = case.attempts.filter(outcome__in=first_contact.UNSUCCESSFUL).count()
    if not first_contact.final_letter_needed(
        attempt_limit=limit,
        unsuccessful_attempts=unsuccessful,
        contacted=case.first_contact_at is not None,
    ):
        return
    now = timezone.now()
    case.final_letter_requested_at = now
    case.save(update_fields=["final_letter_requested_at", "updated_at"])
    task = Task.objects.create(
        case=case, **final_letter_task_fields(case, profile_of(case.contract), limit, now)
    )
    audit_event(
        actor=actor, action=AuditAction.CREATE, target=task, changes={"due_at": [None, task.due_at]}
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.FINAL_LETTER_REQUESTED,
        actor=actor,
        target=task,
        summary=f"{limit} attempts without contact: send the final letter ({task.citation})",
    )
