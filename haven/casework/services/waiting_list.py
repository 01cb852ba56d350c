"""The waiting list (issue 13; seed 003 s5, s7, s13): joining with a reason, leaving with how,
and the periodic contact while the person waits.

Every move into the waiting-list state (the state-change form, a successful contact attempt
when the profile asks what happens next) calls `waiting_list_join` in the same transaction,
and every move out (another state, closure) calls `waiting_list_leave`.

Allocation alone does not end a wait: a worker may be named while the person still waits (e.g.
for a specialist slot). The wait ends, as "support started", when the case moves to engaged.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from haven.accounts.models import User
from haven.casework import first_contact
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import (
    Case,
    CaseState,
    Task,
    TaskStatus,
    WaitingLeftHow,
    WaitingListEntry,
    WaitingReason,
)
from haven.casework.services.events import case_event_record
from haven.casework.waiting_priority import PriorityInputs
from haven.contracts.profiles.sections import WaitingListSpec
from haven.contracts.profiles.stored import profile_of
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.deadlines import due_time
from haven.people.models import EqualityData, HouseholdLink, PersonFlag
from haven.validators import REASON_MAX_LENGTH, refuse, text_problem

CONTACT_ACTION = "waiting_list_contact"
CONTACT_RULE_KEY = "waiting_list_contact"
# any recorded contact with the person meets the periodic contact: a conversation or visit, or
# a letter, email or text sent to them (a note of contact with the person too, notes.py)
CONTACT_OUTCOMES = first_contact.SUCCESS | first_contact.SENT
# the state the case moves to -> how the wait ended
LEFT_BY_STATE: dict[str, WaitingLeftHow] = {
    CaseState.ENGAGED: WaitingLeftHow.SUPPORT_STARTED,
    CaseState.CONTACTING: WaitingLeftHow.MOVED_BACK,
    CaseState.DECLINED: WaitingLeftHow.DECLINED,
    CaseState.CLOSED: WaitingLeftHow.CLOSED,
}
NEED_FLAGS = {"mental_health": "mental health support", "substance_use": "substance use support"}
PREGNANCY_WORDS = {"pregnant": "pregnant", "recent_birth": "given birth in the last 26 weeks"}
VULNERABILITY_FLAGS = {
    "disability": "disability",
    "nrpf": "no recourse to public funds",
    "aces": "adverse childhood experiences",
}


def waiting_spec_of(contract: Any) -> WaitingListSpec | None:
    """The contract's `waiting_list` profile block (None without one or without a profile)."""
    try:
        return profile_of(contract).waiting_list
    except ValueError:
        return None


def waiting_spec(case: Case) -> WaitingListSpec | None:
    return waiting_spec_of(case.contract)


def waiting_reason_problems(reason: str, detail: str) -> dict[str, str | None]:
    """Why the reason given for waiting will not do, per field (empty when it will)."""
    problems: dict[str, str | None] = {}
    if reason not in WaitingReason.values:
        problems["waiting_reason"] = "Select why the person is waiting"
    elif reason == WaitingReason.OTHER and not detail.strip():
        problems["waiting_detail"] = "Enter why the person is waiting"
    problems["waiting_detail"] = problems.get("waiting_detail") or text_problem(
        detail, subject="The detail", limit=REASON_MAX_LENGTH
    )
    return problems


def _age_words(case: Case, today: date) -> str | None:
    age = case.person.age(today)
    if age is None:
        return None
    if 16 <= age <= 25 or age > 60:  # Haven's reading of vulnerability by age (module docstring)
        return f"aged {age}"
    return None


def priority_inputs(case: Case, *, today: date | None = None) -> PriorityInputs:
    """What a waiting person's place is decided on, from what Haven records now (seed 003 s7:
    "prioritises each individual on risk levels, need and vulnerability"; Haven's reading in
    `casework.waiting_priority`)."""
    return priority_inputs_for([case], today=today)[case.pk]


def priority_inputs_for(
    cases: list[Case], *, today: date | None = None
) -> dict[Any, PriorityInputs]:
    """`priority_inputs` of many cases (their persons loaded) in four queries: the list page."""
    today = today or timezone.localdate()
    people = [case.person_id for case in cases]
    scores: dict[Any, tuple[datetime, int]] = {}
    checklists = Case.objects.filter(
        pk__in=[case.pk for case in cases], risk_assessments__isnull=False
    ).values_list("pk", "risk_assessments__completed_at", "risk_assessments__score")
    for case_id, completed_at, score in checklists:
        if case_id not in scores or completed_at > scores[case_id][0]:
            scores[case_id] = (completed_at, score)
    flags: dict[Any, set[str]] = defaultdict(set)
    current = PersonFlag.objects.filter(person_id__in=people, ended_on__isnull=True)
    for person_id, kind in current.values_list("person_id", "kind"):
        flags[person_id].add(kind)
    children = dict(
        HouseholdLink.objects.filter(person_id__in=people, lives_with_person=True)
        .values("person_id")
        .annotate(n=Count("id"))
        .values_list("person_id", "n")
    )
    equality = {
        row[0]: row[1:]
        for row in EqualityData.objects.filter(person_id__in=people).values_list(
            "person_id", "disability", "pregnancy_maternity"
        )
    }
    return {
        case.pk: _inputs(
            case,
            today,
            score=scores[case.pk][1] if case.pk in scores else None,
            flags=flags[case.person_id],
            children=children.get(case.person_id, 0),
            equality=equality.get(case.person_id, ("", "")),
        )
        for case in cases
    }


def _inputs(
    case: Case,
    today: date,
    *,
    score: int | None,
    flags: set[str],
    children: int,
    equality: tuple[str, str],
) -> PriorityInputs:
    disability, pregnancy = equality
    vulnerabilities = [words for kind, words in VULNERABILITY_FLAGS.items() if kind in flags]
    if disability == "yes" and "disability" not in vulnerabilities:
        vulnerabilities.append("disability")
    if pregnancy in PREGNANCY_WORDS:
        vulnerabilities.append(PREGNANCY_WORDS[pregnancy])
    age = _age_words(case, today)
    if age:
        vulnerabilities.append(age)
    return PriorityInputs(
        risk_level=case.risk_level or "",
        dash_score=score,
        children=children,
        needs=tuple(words for kind, words in NEED_FLAGS.items() if kind in flags),
        vulnerabilities=tuple(vulnerabilities),
    )


def open_entry(case: Case) -> WaitingListEntry | None:
    return case.waiting_entries.filter(left_at__isnull=True).first()


@transaction.atomic
def waiting_list_join(
    *, case: Case, joined_by: User | None, reason: str, detail: str = "", at: datetime | None = None
) -> WaitingListEntry:
    """Put the case on its contract's waiting list (the caller moved its state, in the same
    transaction): the entry with its reason and priority inputs, and the first contact task."""
    refuse(waiting_reason_problems(reason, detail))
    at = at or timezone.now()
    inputs = priority_inputs(case, today=timezone.localdate(at))
    entry = WaitingListEntry.objects.create(
        case=case,
        contract_id=case.contract_id,
        joined_at=at,
        joined_by=joined_by,
        reason=reason,
        reason_detail=detail.strip(),
        risk_level=inputs.risk_level,
        dash_score=inputs.dash_score,
        children=inputs.children,
        needs=list(inputs.needs),
        vulnerabilities=list(inputs.vulnerabilities),
    )
    audit_event(
        actor=joined_by,
        action=AuditAction.CREATE,
        target=entry,
        changes={"reason": [None, reason]},
        reason=detail.strip(),
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.WAITING_LIST_JOINED,
        actor=joined_by,
        target=entry,
        occurred_at=at,
        summary=f"Put on the waiting list: {entry.reason_text}"[:500],
        data={"reason": reason},
    )
    _contact_task_create(case, joined_by, start=at)
    return entry


@transaction.atomic
def waiting_list_leave(
    *, case: Case, left_by: User | None, to_state: str, reason: str = "", at: datetime | None = None
) -> WaitingListEntry | None:
    """End the case's open wait as the move to `to_state` says (None when it has none), and
    cancel its contact task."""
    entry = open_entry(case)
    if entry is None:
        return None
    entry.left_at = at or timezone.now()
    entry.left_how = LEFT_BY_STATE.get(to_state, WaitingLeftHow.MOVED_BACK)
    entry.left_reason = reason.strip()
    entry.left_by = left_by
    entry.save(update_fields=["left_at", "left_how", "left_reason", "left_by", "updated_at"])
    audit_event(
        actor=left_by,
        action=AuditAction.UPDATE,
        target=entry,
        changes={"left_how": ["", entry.left_how]},
        reason=entry.left_reason,
    )
    how = WaitingLeftHow(entry.left_how).label
    case_event_record(
        case=case,
        kind=CaseEventKind.WAITING_LIST_LEFT,
        actor=left_by,
        target=entry,
        occurred_at=entry.left_at,
        summary=f"Left the waiting list: {how}" + (f": {entry.left_reason}" if reason else ""),
        data={"left_how": entry.left_how},
    )
    for task in _outstanding_contact_tasks(case):
        _cancel(task, left_by, "The wait ended")
    return entry


@transaction.atomic
def waiting_contact_record(*, case: Case, at: datetime, actor: User) -> Task | None:
    """A contact with a waiting person: it meets the outstanding contact task (done late after
    its due time) and sets the next, due `contact_every` after this contact. Returns the next."""
    if case.state != CaseState.WAITING_LIST:
        return None
    entry = open_entry(case)
    if entry is None or at < entry.joined_at:
        return None  # a contact from before the wait began (recorded late) does not meet it
    outstanding = _outstanding_contact_tasks(case)
    for task in outstanding:
        status = TaskStatus.MET if at <= task.due_at else TaskStatus.BREACHED
        before = task.status
        task.status, task.completed_at, task.is_outstanding = status, at, False
        task.met_at = at if status == TaskStatus.MET else None
        task.save(
            update_fields=["status", "completed_at", "met_at", "is_outstanding", "updated_at"]
        )
        audit_event(
            actor=actor,
            action=AuditAction.UPDATE,
            target=task,
            changes={"status": [before, status], "completed_at": [None, at]},
        )
        verb = "met" if status == TaskStatus.MET else "done late"
        case_event_record(
            case=case,
            kind=CaseEventKind.TASK_COMPLETED,
            actor=actor,
            target=task,
            summary=f"{task.label}: {verb} (contact recorded)",
            data={"rule_key": task.rule_key, "status": status},
            occurred_at=at,
        )
    return _contact_task_create(case, actor, start=at)


def _outstanding_contact_tasks(case: Case) -> list[Task]:
    return list(case.tasks.filter(action=CONTACT_ACTION, is_outstanding=True))


def contact_task_fields(case: Case, start: datetime) -> dict[str, Any] | None:
    """The periodic contact task's fields from the profile's `waiting_list.contact_every`
    (None without it); the demo builds its tasks from this too."""
    spec = waiting_spec(case)
    if spec is None or spec.contact_every is None:
        return None
    clock = profile_of(case.contract).service_clock()
    duration = spec.contact_every.to_duration()
    return {
        "label": "Contact the person while they wait",
        "action": CONTACT_ACTION,
        "due_at": due_time(duration, start, clock.calendar, clock.timezone),
        "explanation": (
            f"On the waiting list: the contract asks for a contact every {duration.describe()} "
            f"while the person waits ({spec.citation}; the seed sets no frequency, so this is "
            "Haven's default). Any recorded contact with the person meets it and sets the next."
        ),
        "citation": spec.citation[:100],
        "allocated_to_id": case.allocated_to_id,
        "team_id": case.team_id,
    }


def _contact_task_create(case: Case, actor: User | None, *, start: datetime) -> Task | None:
    fields = contact_task_fields(case, start)
    if fields is None:
        return None
    taken = case.tasks.filter(rule_key__startswith=CONTACT_RULE_KEY).count()
    rule_key = CONTACT_RULE_KEY if not taken else f"{CONTACT_RULE_KEY}#{taken + 1}"
    task = Task.objects.create(case=case, rule_key=rule_key, **fields)
    audit_event(
        actor=actor,
        action=AuditAction.CREATE,
        target=task,
        changes={"due_at": [None, task.due_at], "rule_key": [None, rule_key]},
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.TASK_CREATED,
        actor=actor,
        target=task,
        summary=f"Deadline set: {task.label} (due {timezone.localtime(task.due_at):%d %b %Y})",
        data={"rule_key": rule_key, "citation": task.citation},
    )
    return task


def _cancel(task: Task, actor: User | None, reason: str) -> None:
    if task.status == TaskStatus.BREACHED:  # a missed contact stays missed, no longer outstanding
        task.is_outstanding = False
        task.save(update_fields=["is_outstanding", "updated_at"])
        changes: dict[str, Any] = {"is_outstanding": [True, False]}
    else:
        before = task.status
        task.status, task.is_outstanding = TaskStatus.CANCELLED, False
        task.save(update_fields=["status", "is_outstanding", "updated_at"])
        changes = {"status": [before, TaskStatus.CANCELLED]}
    audit_event(actor=actor, action=AuditAction.UPDATE, target=task, changes=changes, reason=reason)


__all__ = [
    "CONTACT_ACTION",
    "CONTACT_OUTCOMES",
    "open_entry",
    "priority_inputs",
    "waiting_contact_record",
    "waiting_list_join",
    "waiting_list_leave",
    "waiting_reason_problems",
]
