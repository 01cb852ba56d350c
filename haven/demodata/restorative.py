"""Demo restorative justice processes on Victim First cases (seed 002 Lot 1 s3.10), issue 16:
a handful a year on cases receiving further support, each at the victim's request with the
offender's admission; most run to a close with an outcome and the victim's view, some are
found unsuitable or withdrawn, one domestic violence case goes ahead in exceptional
circumstances with an experienced facilitator. Ids from their own random stream."""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from haven.accounts.models import Membership
from haven.accounts.roles import Role
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, CaseEvent
from haven.restorative.models import (
    ContactType,
    Outcome,
    RestorativeProcess,
    SensitiveOffence,
    Stage,
    VictimView,
)

STREAM = 32  # this part's own random stream: seed + STREAM
PROCESSES = 12
SERVICE_TYPE = "restorative_justice"
SUITABLE_NOTE = "Synthetic: risk assessed by the facilitator; safe and suitable"
EXCEPTIONAL = (
    "Synthetic: the victim has asked repeatedly; the offender is in custody and has engaged "
    "with a perpetrator programme; full risk assessment shows clear benefit and no harm expected"
)
PATHS = (  # the stages each demo process reaches
    (Stage.SUITABLE, Stage.PREPARATION, Stage.HELD, Stage.FOLLOW_UP, Stage.CLOSED),
    (Stage.SUITABLE, Stage.PREPARATION, Stage.HELD, Stage.CLOSED),
    (Stage.SUITABLE, Stage.PREPARATION),
    (Stage.UNSUITABLE,),
    (Stage.SUITABLE, Stage.WITHDRAWN),
    (),
)


def demo_restorative_reset(organisation: Any) -> None:
    RestorativeProcess.objects.filter(case__contract__provider=organisation).delete()


def build_demo_restorative(*, organisation: Any, seed: int, now: datetime) -> int:
    """RJ processes on the demo's Victim First cases; returns how many were made."""
    rng = random.Random(seed + STREAM)
    facilitators = list(
        Membership.objects.filter(
            organisation=organisation, role__in=(Role.CASEWORKER, Role.TEAM_LEADER)
        )
        .order_by("user__email")
        .values_list("user_id", flat=True)
        .distinct()
    )
    cases = [
        case
        for case in Case.objects.filter(
            contract__provider=organisation,
            needs_assessments__isnull=False,
            allocated_to__isnull=False,
        )
        .select_related("contract")
        .distinct()
        .order_by("opened_at", "id")
        if SERVICE_TYPE in (case.contract.profile.get("service_types") or [])
    ]
    if not cases or not facilitators:
        return 0
    processes: list[RestorativeProcess] = []
    events: list[CaseEvent] = []

    def new_id() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    for case in rng.sample(cases, len(cases)):
        if len(processes) == PROCESSES:
            break
        end = min(case.closed_at or now, now)
        first = case.opened_at + timedelta(days=7)
        if end - first < timedelta(days=30):
            continue
        referred = first + (end - first) * rng.random() * 0.4
        actor = case.allocated_to_id
        assert actor is not None
        exceptional = not processes  # the first: domestic violence, exceptional circumstances
        process = RestorativeProcess(
            id=new_id(),
            case=case,
            victim_requested_on=timezone.localdate(referred) - timedelta(days=rng.randint(0, 5)),
            offender_admitted=True,
            contact_type=rng.choice(ContactType.values),
            sensitive_offence=SensitiveOffence.DOMESTIC_VIOLENCE
            if exceptional
            else SensitiveOffence.NONE,
            exceptional_justification=EXCEPTIONAL if exceptional else "",
            facilitator_id=rng.choice(facilitators),
            facilitator_experienced=exceptional or rng.random() < 0.5,
            referred_at=referred,
            referred_by_id=actor,
        )
        events.append(
            _event(
                new_id(),
                process,
                CaseEventKind.RESTORATIVE_REFERRAL,
                actor,
                referred,
                "Restorative justice referral at the victim's request",
            )
        )
        at = referred
        for stage in PATHS[0] if exceptional else rng.choice(PATHS):
            at = at + timedelta(days=rng.randint(5, 20))
            if at >= end:
                break
            _apply(process, stage, at, rng)
            events.append(
                _event(
                    new_id(),
                    process,
                    CaseEventKind.RESTORATIVE_STEP,
                    actor,
                    at,
                    f"Restorative justice: {Stage(stage).label.lower()}",
                )
            )
        processes.append(process)
    RestorativeProcess.objects.bulk_create(processes)
    CaseEvent.objects.bulk_create(events)
    return len(processes)


def _apply(process: RestorativeProcess, stage: str, at: datetime, rng: random.Random) -> None:
    process.stage = stage
    if stage in (Stage.SUITABLE, Stage.UNSUITABLE):
        process.assessed_at = at
        process.suitability_note = (
            SUITABLE_NOTE if stage == Stage.SUITABLE else "Synthetic: risk of further harm"
        )
    if stage == Stage.PREPARATION:
        process.preparation_at = at
    if stage == Stage.HELD:
        process.held_on = timezone.localdate(at)
    if stage == Stage.FOLLOW_UP:
        process.follow_up_at = at
    if stage in (Stage.UNSUITABLE, Stage.WITHDRAWN, Stage.CLOSED):
        process.ended_at = at
    if stage == Stage.UNSUITABLE:
        process.end_reason = "Synthetic: risk of further harm"
    if stage == Stage.WITHDRAWN:
        process.end_reason = "Synthetic: the victim decided not to go ahead"
    if stage == Stage.CLOSED:
        process.outcome = rng.choice((Outcome.AGREEMENT, Outcome.EXCHANGE, Outcome.APOLOGY))
        process.victim_view = rng.choice(
            (
                VictimView.VERY_SATISFIED,
                VictimView.SATISFIED,
                VictimView.SATISFIED,
                VictimView.NEITHER,
            )
        )


def _event(
    pk: uuid.UUID, process: RestorativeProcess, kind: str, actor: Any, at: datetime, summary: str
) -> CaseEvent:
    return CaseEvent(
        id=pk,
        case_id=process.case_id,
        kind=kind,
        occurred_at=at,
        actor_id=actor,
        summary=summary,
        object_type=RestorativeProcess._meta.label_lower,
        object_id=str(process.pk),
        data={},
    )
