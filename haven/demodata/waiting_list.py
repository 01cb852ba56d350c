"""Demo waiting-list entries (issue 13): every stay on a contract's waiting list that the demo's
journeys played (a state change into the waiting list, and out of it to engaged, contacting,
declined or closed) becomes a `WaitingListEntry` with a reason, the inputs of the person's
place (as `casework.services.waiting_list` records them) and how it ended; a person still
waiting has the periodic contact task the profile asks for.

The journeys decide who waits, as the profile's rules say (only contracts that run a waiting
list, never the exempt cohorts: `Journey._may_wait`); this module only adds the entries, from
its own random stream, so the casework build and its same-seed snapshot stay as they were.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import (
    Case,
    CaseEvent,
    CaseState,
    Task,
    TaskStatus,
    WaitingLeftHow,
    WaitingListEntry,
    WaitingReason,
)
from haven.casework.services.waiting_list import (
    LEFT_BY_STATE,
    contact_task_fields,
    priority_inputs,
    waiting_spec_of,
)
from haven.contracts.models import Contract

STREAM = 17  # this part's own random stream: seed + STREAM
TOP_UP = 3  # at least this many people waiting on each contract with a waiting list
REASONS = (
    (WaitingReason.NO_CAPACITY, 50),
    (WaitingReason.SPECIALIST_LANGUAGE, 8),
    (WaitingReason.SPECIALIST_GENDER, 8),
    (WaitingReason.SPECIALIST_OTHER, 6),
    (WaitingReason.PERSON_ASKED, 12),
    (WaitingReason.GROUP_START, 12),
    (WaitingReason.OTHER, 4),
)
DETAILS = {
    WaitingReason.SPECIALIST_LANGUAGE: ("Polish", "Urdu", "Farsi", "Romanian"),
    WaitingReason.SPECIALIST_GENDER: ("Asked for a female worker", "Asked for a male worker"),
    WaitingReason.SPECIALIST_OTHER: ("Older people's specialist", "LGBT+ specialist worker"),
    WaitingReason.GROUP_START: ("Freedom Programme, next cohort", "Recovery toolkit group"),
    WaitingReason.OTHER: ("Waiting until after the court hearing", "Moving house first"),
}


def demo_waiting_list_reset(organisation: Any) -> None:
    """Delete the provider's waiting-list entries (before its cases are deleted)."""
    WaitingListEntry.objects.filter(contract__provider=organisation).delete()


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _reason(rng: random.Random) -> tuple[str, str]:
    reason = rng.choices([r for r, _ in REASONS], weights=[w for _, w in REASONS])[0]
    details = DETAILS.get(reason, ())
    return reason, (rng.choice(details) if details else "")


def build_demo_waiting_list(*, organisation: Any, seed: int, now: datetime) -> int:
    """The entries of every stay the journeys played; returns how many."""
    rng = random.Random(seed + STREAM)
    made = 0
    for contract in Contract.objects.filter(provider=organisation).order_by("slug"):
        spec = waiting_spec_of(contract)
        if spec is None or not spec.allowed:
            continue
        _top_up(contract, spec.exempt_cohorts, rng, now)
        made += _contract_entries(contract, rng, now)
    return made


def _top_up(contract: Contract, exempt: list[str], rng: random.Random, now: datetime) -> None:
    """A small build's journeys may put no one on the list: then a few open cases (being
    contacted, else engaged: e.g. now waiting for a specialist worker) go on it, those the
    profile lets wait, so every demo shows a waiting list."""
    waiting = Case.objects.filter(contract=contract, state=CaseState.WAITING_LIST).count()
    if waiting >= TOP_UP:
        return
    candidates = [
        case
        for case in Case.objects.filter(
            contract=contract, state__in=[CaseState.CONTACTING, CaseState.ENGAGED]
        )
        .select_related("referral")
        .order_by("-state", "opened_at", "id")  # contacting first
        if not set(case.referral.cohorts if case.referral else []) & set(exempt)
    ]
    for case in candidates[: TOP_UP - waiting]:
        last = case.attempts.order_by("-attempted_at").values_list("attempted_at", flat=True)
        at = min((last.first() or case.opened_at) + timedelta(hours=rng.uniform(1, 48)), now)
        Case.objects.filter(pk=case.pk).update(state=CaseState.WAITING_LIST)
        CaseEvent.objects.create(
            id=_uuid(rng),
            case_id=case.pk,
            kind=CaseEventKind.STATE_CHANGED,
            occurred_at=at,
            actor_id=case.allocated_to_id,
            summary=f"State changed from {CaseState(case.state).label} to Waiting list",
            object_type="casework.case",
            object_id=str(case.pk),
            data={"from": case.state, "to": CaseState.WAITING_LIST},
        )


def _contract_entries(contract: Contract, rng: random.Random, now: datetime) -> int:
    events = (
        CaseEvent.objects.filter(
            case__contract=contract,
            kind__in=[CaseEventKind.STATE_CHANGED, CaseEventKind.CASE_CLOSED],
        )
        .order_by("case_id", "occurred_at", "id")
        .values_list("case_id", "kind", "occurred_at", "data", "actor_id", "summary")
    )
    entries: list[WaitingListEntry] = []
    open_by_case: dict[Any, WaitingListEntry] = {}
    for case_id, kind, at, data, actor_id, summary in events:
        to_state = CaseState.CLOSED if kind == CaseEventKind.CASE_CLOSED else data.get("to")
        stay = open_by_case.get(case_id)
        if stay is not None and to_state != CaseState.WAITING_LIST:
            stay.left_at, stay.left_by_id = at, actor_id
            stay.left_how = LEFT_BY_STATE.get(to_state, WaitingLeftHow.MOVED_BACK)
            stay.left_reason = summary.split(": ", 1)[1][:500] if ": " in summary else ""
            del open_by_case[case_id]
        if to_state == CaseState.WAITING_LIST and case_id not in open_by_case:
            reason, detail = _reason(rng)
            stay = WaitingListEntry(
                id=_uuid(rng),
                case_id=case_id,
                contract_id=contract.pk,
                joined_at=at,
                joined_by_id=actor_id,
                reason=reason,
                reason_detail=detail,
            )
            open_by_case[case_id] = stay
            entries.append(stay)
    cases = Case.objects.select_related("person", "contract").in_bulk([e.case_id for e in entries])
    events_out: list[CaseEvent] = []
    tasks: list[Task] = []
    for entry in entries:
        case = cases[entry.case_id]
        inputs = priority_inputs(case, today=timezone.localdate(entry.joined_at))
        entry.risk_level, entry.dash_score = inputs.risk_level, inputs.dash_score
        entry.children, entry.needs = inputs.children, list(inputs.needs)
        entry.vulnerabilities = list(inputs.vulnerabilities)
        events_out.append(_event(rng, entry, CaseEventKind.WAITING_LIST_JOINED, entry.joined_at))
        if entry.left_at is not None:
            events_out.append(_event(rng, entry, CaseEventKind.WAITING_LIST_LEFT, entry.left_at))
        elif case.state == CaseState.WAITING_LIST:
            task = _contact_task(rng, case, entry.joined_at, now)
            if task is not None:
                tasks.append(task)
    WaitingListEntry.objects.bulk_create(entries)
    Task.objects.bulk_create(tasks)
    CaseEvent.objects.bulk_create(events_out)
    return len(entries)


def _event(rng: random.Random, entry: WaitingListEntry, kind: str, at: datetime) -> CaseEvent:
    if kind == CaseEventKind.WAITING_LIST_JOINED:
        summary = f"Put on the waiting list: {entry.reason_text}"
        actor_id, data = entry.joined_by_id, {"reason": entry.reason}
    else:
        how = WaitingLeftHow(entry.left_how).label
        summary = f"Left the waiting list: {how}" + (
            f": {entry.left_reason}" if entry.left_reason else ""
        )
        actor_id, data = entry.left_by_id, {"left_how": entry.left_how}
    return CaseEvent(
        id=_uuid(rng),
        case_id=entry.case_id,
        kind=kind,
        occurred_at=at,
        actor_id=actor_id,
        summary=summary[:500],
        object_type="casework.waitinglistentry",
        object_id=str(entry.id),
        data=data,
    )


def _contact_task(rng: random.Random, case: Case, joined: datetime, now: datetime) -> Task | None:
    """The one contact task of a person still waiting: due `contact_every` after they joined,
    breached when that has passed (the demo records no contact while they wait)."""
    fields = contact_task_fields(case, joined)
    if fields is None:
        return None
    status = TaskStatus.BREACHED if fields["due_at"] < now else TaskStatus.OPEN
    return Task(id=_uuid(rng), case=case, rule_key="waiting_list_contact", status=status, **fields)
