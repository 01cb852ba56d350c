"""MARAC in the demo, as the services write it: the MARAC referral task risk's hook adds after a
checklist meeting the criteria (reference.md s1.4; seed 004 s4.2), the referral that meets it
(`marac_referral_record`), and, once every case is played, the area's fortnightly meetings that
heard the referrals with their actions (`marac.meetings`). Its own random streams: the other
parts' draws are unchanged."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID

from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, CaseEvent, Task, TaskStatus
from haven.core.table_writer import unsaved
from haven.marac.models import (
    REPEAT_WINDOW_DAYS,
    ActionStatus,
    MaracAction,
    MaracAgency,
    MaracArea,
    MaracCriterion,
    MaracHearing,
    MaracMeeting,
    MaracReferral,
)
from haven.marac.services import (
    MARAC_ACTION,
    assessment_criteria,
    assessment_why,
    marac_task_fields,
    marac_task_rule_key,
    task_created_summary,
)
from haven.risk.models import RiskAssessment

AREA_NAME = "Synthetic City"
REFERRED_CHANCE = 0.9  # most criteria met are referred by the next working day
ACTIONS = [
    (MaracAgency.POLICE, "Flag the address for an urgent response"),
    (MaracAgency.HOUSING, "Offer a sanctuary scheme assessment"),
    (MaracAgency.CHILDRENS_SOCIAL_CARE, "Check the children's plan and share it with the IDVA"),
    (MaracAgency.HEALTH, "Tell the GP practice of the risk, for routine enquiry"),
    (MaracAgency.PROBATION, "Share the perpetrator's licence conditions with the police"),
    (MaracAgency.IDVA, "Agree a safety plan with the victim"),
]


@dataclass(frozen=True)
class MaracDemo:
    """What the builder lends each recorder: the area referred to and the demo's now."""

    area: MaracArea
    now: datetime


class MaracRecorder:
    case: Case
    tasks: list[Task]
    new_id: Callable[[], UUID]
    event: Callable[..., None]
    complete: Callable[..., None]
    marac_demo: MaracDemo | None = None

    def marac_task_after(self, assessment: RiskAssessment, *, actor: User, at: datetime) -> None:
        """risk's hook: the MARAC referral task, unless one is outstanding; in the demo, the
        referral that meets it, mostly a few hours later."""
        criteria, citation = assessment_criteria(assessment)
        outstanding = any(
            t.action == MARAC_ACTION and t.completed_at is None and t.status != TaskStatus.CANCELLED
            for t in self.tasks
        )
        if outstanding and self.marac_demo is not None:
            # a task already waits (Cornwall's rule: every high-risk referral, seed 004 s4.2):
            # the worker refers, on the checklist's criteria or on professional judgement
            self._marac_refer(
                assessment, criteria or [MaracCriterion.PROFESSIONAL_JUDGEMENT], actor=actor, at=at
            )
            return
        if not criteria or outstanding:
            return
        fields: dict[str, Any] = marac_task_fields(
            self.case,
            criteria=criteria,
            why=assessment_why(assessment),
            moment=assessment.completed_at,
            citation=citation,
            rule_key=marac_task_rule_key([t.rule_key for t in self.tasks]),
        )
        task = unsaved(Task, id=self.new_id(), case_id=self.case.id, **fields)
        self.tasks.append(task)
        self.event(
            kind=CaseEventKind.TASK_CREATED,
            actor=actor,
            target=task,
            summary=task_created_summary(task),
            data={"rule_key": task.rule_key, "citation": citation},
            at=at,
        )
        if self.marac_demo is not None:
            self._marac_refer(assessment, criteria, actor=actor, at=at)

    @property
    def marac_referrals(self) -> list[MaracReferral]:
        if not hasattr(self, "_marac_referrals"):
            self._marac_referrals: list[MaracReferral] = []
        return self._marac_referrals

    def _marac_refer(
        self, assessment: RiskAssessment, criteria: list[str], *, actor: User, at: datetime
    ) -> None:
        """`marac_referral_record` as the worker would, between 2 and 20 hours later."""
        demo = self.marac_demo
        assert demo is not None
        rng = random.Random(self.case.id.int + 12 + len(self.marac_referrals))
        referred_at = at + timedelta(hours=rng.uniform(2, 20))
        if rng.random() > REFERRED_CHANCE or referred_at > demo.now:
            return
        referred_on = timezone.localdate(referred_at)
        previous = self.marac_referrals[-1] if self.marac_referrals else None
        repeat = previous is not None and (referred_on - previous.referred_on).days <= (
            REPEAT_WINDOW_DAYS
        )
        consent = rng.random() < 0.8
        referral = unsaved(
            MaracReferral,
            id=uuid.UUID(int=rng.getrandbits(128), version=4),
            case_id=self.case.id,
            area_id=demo.area.id,
            referred_on=referred_on,
            referring_agency=rng.choices(
                [MaracAgency.IDVA, MaracAgency.SPECIALIST_DA], weights=[4, 1]
            )[0],
            criteria=[*criteria, *(["repeat"] if repeat else [])],
            ric_score=assessment.score,
            judgement_reasons="",
            research_summary="Synthetic summary: the risks, the children, what she wants.",
            consent=consent,
            victim_aware=consent or rng.random() < 0.5,
            without_consent_reason=""
            if consent
            else "Risk of serious harm to the victim and the children (synthetic).",
            is_repeat=repeat,
            previous_referral_id=previous.id if repeat and previous else None,
            assessment_id=assessment.id,
            referred_by_id=actor.pk,
            recorded_at=referred_at,
        )
        self.marac_referrals.append(referral)
        self.event(
            kind=CaseEventKind.MARAC_REFERRAL,
            actor=actor,
            target=referral,
            summary=f"Referred to {demo.area.name} MARAC" + (" (repeat)" if repeat else ""),
            at=referred_at,
            event_id=uuid.UUID(int=rng.getrandbits(128), version=4),
        )
        for task in [t for t in self.tasks if t.action == MARAC_ACTION and t.completed_at is None]:
            if task.status != TaskStatus.CANCELLED:
                self.complete(task, done_at=referred_at, actor=actor, how="MARAC referral recorded")


def demo_area(organisation: Any, seed: int) -> MaracArea:
    """The demo provider's MARAC area (added if it lacks it)."""
    rng = random.Random(seed ^ 0x3A2AC)
    area = MaracArea.objects.filter(organisation=organisation, name=AREA_NAME).first()
    if area is None:
        area = MaracArea.objects.create(
            id=uuid.UUID(int=rng.getrandbits(128), version=4),
            organisation=organisation,
            name=AREA_NAME,
        )
    return area


def _meeting_days(first: date, last: date) -> Iterator[date]:
    """Every other Tuesday from the first referral to the last day."""
    day = first + timedelta(days=(1 - first.weekday()) % 7)
    while day <= last:
        yield day
        day += timedelta(days=14)


def demo_meetings(
    *,
    area: MaracArea,
    referrals: list[tuple[MaracReferral, Any]],
    leader_of: dict[Any, User],
    now: datetime,
    seed: int,
) -> list[Any]:
    """The area's meetings, each hearing the referrals made since the last one (with their
    outcome, representation and actions), and each hearing's timeline entry."""
    rng = random.Random(seed ^ 0x3A2AC0)

    def new_id() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    if not referrals:
        return []
    today = timezone.localdate(now)
    ordered = sorted(referrals, key=lambda pair: (pair[0].referred_on, str(pair[0].id)))
    rows: list[Any] = []
    waiting = list(ordered)
    for held_on in _meeting_days(ordered[0][0].referred_on, today):
        heard = [pair for pair in waiting if pair[0].referred_on < held_on]
        waiting = waiting[len(heard) :]
        if not heard:
            continue
        keeper = leader_of[heard[0][1]]
        held_at = timezone.make_aware(datetime.combine(held_on, time(12)))
        meeting = unsaved(
            MaracMeeting,
            id=new_id(),
            area_id=area.id,
            held_on=held_on,
            agencies_present=[
                a.value
                for a in MaracAgency
                if a in (MaracAgency.POLICE, MaracAgency.IDVA) or rng.random() < 0.6
            ],
            idva_attended=rng.random() < 0.97,  # seed 004 s6.7: attend all local MARACs
            recorded_by_id=keeper.pk,
            recorded_at=min(held_at + timedelta(hours=4), now),
        )
        rows.append(meeting)
        for referral, team in heard:
            leader = leader_of[team]
            hearing = unsaved(
                MaracHearing,
                id=new_id(),
                meeting_id=meeting.id,
                referral_id=referral.id,
                outcome="Actions agreed; safety plan shared with the agencies.",
                idva_represented=meeting.idva_attended and rng.random() < 0.95,
                recorded_by_id=leader.pk,
                recorded_at=meeting.recorded_at,
            )
            rows.append(hearing)
            rows.append(
                unsaved(
                    CaseEvent,
                    id=new_id(),
                    case_id=referral.case_id,
                    kind=CaseEventKind.MARAC_HEARD,
                    occurred_at=min(held_at, now),
                    actor_id=leader.pk,
                    summary=f"Heard at {area.name} MARAC",
                    object_type="marac.marachearing",
                    object_id=str(hearing.id),
                    data={},
                )
            )
            for agency, description in rng.sample(ACTIONS, rng.randint(1, 3)):
                due_on = held_on + timedelta(days=rng.choice((7, 14, 28)))
                status = ActionStatus.OPEN
                if due_on < today:
                    status = rng.choices(
                        [
                            ActionStatus.DONE,
                            ActionStatus.AGENCY_DID_NOT_ACT,
                            ActionStatus.CIRCUMSTANCES_CHANGED,
                        ],
                        weights=[85, 8, 7],
                    )[0]
                rows.append(
                    unsaved(
                        MaracAction,
                        id=new_id(),
                        hearing_id=hearing.id,
                        owning_agency=agency.value,
                        description=description,
                        due_on=due_on,
                        status=status,
                        status_on=due_on if status != ActionStatus.OPEN else None,
                        recorded_by_id=leader.pk,
                        recorded_at=meeting.recorded_at,
                    )
                )
    return rows
