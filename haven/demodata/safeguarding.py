"""Safeguarding in the demo (issue 12): the rows `child_record_save`, `safeguarding_event_record`,
`alert_raise` and `think_family_record` write, unsaved for `bulk_create`, and one case's story
of them. Its own random stream ("SAFE"), so the rest of the demo is unchanged.

Realistic shapes, synthetic content: children's plans and referrals on the services that work
with families (seed 004 s6.5, s10; seed 001 Lot 1 s8; seed 003 s13), safeguarding adults alerts
now and then on any service (seed 004 s10 SA1-SA5), and the Think Family questions at contacts
on the contracts whose profile asks them (seed 004 s6.5).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from uuid import UUID

from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case
from haven.demodata.plans import ChildLink
from haven.safeguarding.adults import alert_summary
from haven.safeguarding.models import (
    CarerReferral,
    ChildRecord,
    EventKind,
    SafeguardingAlert,
    SafeguardingEvent,
    ThinkFamilyCheck,
)
from haven.safeguarding.services import event_summary, timeline_moment

SAFE_STREAM = 0x53414645  # "SAFE"
# the services whose seeds count children's safeguarding (004 s10 SC, 001 Lot 1 s8, 003 s13)
FAMILY_WORK = {
    "cornwall-mens-refuge-2021",
    "leicester-family-2012",
    "leicester-victim-survivor-2012",
    "wokingham-da-2017",
    "victim-first-2018",
}
REFERRAL_ROUTE = {"cornwall-mens-refuge-2021": EventKind.REFERRAL_MARU}
SCHOOLS = (
    "Oakfield Primary School",
    "Riverside Nursery",
    "St Anne's CE Primary",
    "Hillview Academy",
    "Meadowbank Community College",
    "Little Acorns Pre-school",
)
VOICES = (
    "I don't like it when they shout. I go to my room and put my headphones on.",
    "I feel safe at school. My teacher lets me sit near her.",
    "I want Mum to be happy again.",
    "I miss my dog but I like the new house.",
    "I worry about my little brother at night.",
)
CONCERNS = (
    "Adult at risk disclosed financial abuse by a family member.",
    "Signs of neglect of an older adult in the household.",
    "Adult with care and support needs reported threats from their partner.",
    "Self-neglect and missed medication after the move.",
)
HARM = ("current_partner", "ex_partner", "other_family", "child", "parent", "other", "")


class SafeguardingRecorder:
    """Mixed into `CaseRecorder`, which gives the case and the timeline (`event`)."""

    case: Case
    event: Callable[..., None]

    def __init__(self) -> None:
        self.child_records: list[ChildRecord] = []
        self.safeguarding_events: list[SafeguardingEvent] = []
        self.safeguarding_alerts: list[SafeguardingAlert] = []
        self.think_family_checks: list[ThinkFamilyCheck] = []

    def safeguarding_rows(self) -> list[object]:
        return [
            *self.child_records,
            *self.safeguarding_events,
            *self.safeguarding_alerts,
            *self.think_family_checks,
        ]

    def child_record(
        self,
        *,
        actor: User,
        at: datetime,
        child_id: UUID,
        new_id: Callable[[], UUID],
        **fields: object,
    ) -> None:
        """`child_record_save`, the first time."""
        row = ChildRecord(
            id=new_id(),
            case=self.case,
            child_id=child_id,
            recorded_by=actor,
            recorded_at=at,
            **fields,
        )
        self.child_records.append(row)
        self.event(
            kind=CaseEventKind.CHILD_RECORD,
            actor=actor,
            target=row,
            summary="Child's safeguarding record added",
            data={},
            at=at,
            event_id=new_id(),
        )

    def safeguarding_event(
        self,
        *,
        actor: User,
        at: datetime,
        kind: str,
        occurred_on: date,
        new_id: Callable[[], UUID],
        child_id: UUID | None = None,
        attended: bool | None = None,
    ) -> None:
        """`safeguarding_event_record`."""
        row = SafeguardingEvent(
            id=new_id(),
            case=self.case,
            child_id=child_id,
            kind=kind,
            occurred_on=occurred_on,
            attended=attended,
            recorded_by=actor,
            recorded_at=at,
        )
        self.safeguarding_events.append(row)
        self.event(
            kind=CaseEventKind.SAFEGUARDING_EVENT,
            actor=actor,
            target=row,
            summary=event_summary(kind, attended),
            data={},
            at=timeline_moment(occurred_on, at),
            event_id=new_id(),
        )

    def safeguarding_alert(
        self, *, actor: User, at: datetime, new_id: Callable[[], UUID], **fields: object
    ) -> None:
        """`alert_raise` with what is known by `at`."""
        row = SafeguardingAlert(
            id=new_id(), case=self.case, recorded_by=actor, recorded_at=at, **fields
        )
        self.safeguarding_alerts.append(row)
        self.event(
            kind=CaseEventKind.SAFEGUARDING_ALERT,
            actor=actor,
            target=row,
            summary=alert_summary(row),
            data={},
            at=timeline_moment(row.raised_on, at),
            event_id=new_id(),
        )

    def think_family(
        self, *, actor: User, at: datetime, new_id: Callable[[], UUID], **answers: object
    ) -> None:
        """`think_family_record` (an accepted carers' referral is recorded by the caller)."""
        row = ThinkFamilyCheck(
            id=new_id(),
            case=self.case,
            asked_on=timezone.localdate(at),
            recorded_by=actor,
            recorded_at=at,
            **answers,
        )
        self.think_family_checks.append(row)
        self.event(
            kind=CaseEventKind.THINK_FAMILY,
            actor=actor,
            target=row,
            summary="Think Family questions asked",
            data={},
            at=timeline_moment(row.asked_on, at),
            event_id=new_id(),
        )


class SafeguardingJourney:
    """One case's safeguarding between its first contact and its end (or now)."""

    def __init__(self, recorder: SafeguardingRecorder, *, worker: User, now: datetime) -> None:
        self.r, self.worker, self.now = recorder, worker, now
        self.rng = random.Random(recorder.case.id.int ^ SAFE_STREAM)

    def new_id(self) -> UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def _day(self, start: datetime, stop: datetime) -> datetime:
        return start + (stop - start) * self.rng.random()

    def play(self, began: datetime, end: datetime, children: list[ChildLink]) -> None:
        stop = min(end, self.now)
        if stop <= began:
            return
        slug = self.r.case.contract.slug
        if slug in FAMILY_WORK:
            for child in children:
                if self.rng.random() < 0.75:
                    self._child(child, began, stop, slug)
            if slug == "cornwall-mens-refuge-2021" and children and self.rng.random() < 0.08:
                # seed 004 s10 SC8: a family identified for Together for Families
                at = self._day(began, stop)
                self.r.safeguarding_event(
                    actor=self.worker,
                    at=at,
                    kind=EventKind.TFF_IDENTIFIED,
                    occurred_on=timezone.localdate(at),
                    new_id=self.new_id,
                )
        if self.rng.random() < 0.05:
            self._alert(began, stop)
        if self.r.case.contract.profile.get("think_family"):
            self._think_family(began, stop, bool(children))

    def _child(self, child: ChildLink, began: datetime, stop: datetime, slug: str) -> None:
        rng = self.rng
        at = began + timedelta(days=rng.uniform(0, 10))
        if at >= stop:
            return
        today = timezone.localdate(at)
        fields: dict[str, object] = {"school": rng.choice(SCHOOLS) if rng.random() < 0.8 else ""}
        plan = rng.random()
        if plan < 0.12:  # on a child protection plan, perhaps stepped down to child in need since
            started = today - timedelta(days=rng.randint(10, 200))
            fields["cp_plan_started_on"] = started
            if rng.random() < 0.4:
                ended = max(today - timedelta(days=rng.randint(1, 9)), started)
                fields["cp_plan_ended_on"] = ended
                fields["cin_started_on"] = min(ended + timedelta(days=1), today)
        elif plan < 0.35:  # a child in need
            fields["cin_started_on"] = today - timedelta(days=rng.randint(0, 150))
            if rng.random() < 0.3:
                fields["cin_ended_on"] = today
        elif plan < 0.37:
            fields["looked_after_started_on"] = today - timedelta(days=rng.randint(30, 400))
        if rng.random() < 0.4:
            fields["voice"] = rng.choice(VOICES)
            fields["voice_on"] = today
        self.r.child_record(
            actor=self.worker, at=at, child_id=child.person_id, new_id=self.new_id, **fields
        )
        route = REFERRAL_ROUTE.get(slug, EventKind.REFERRAL_CHILDRENS_SOCIAL_CARE)
        if rng.random() < 0.2:
            self._event(route, began, stop, child.person_id)
        if rng.random() < 0.15:
            self._event(EventKind.REFERRAL_EARLY_HELP, began, stop, child.person_id)
        if rng.random() < (0.35 if slug == "leicester-family-2012" else 0.15):
            self._event(EventKind.CAF_SUBMITTED, began, stop, child.person_id)
        for _ in range(rng.choices([0, 1, 2, 3], weights=[5, 3, 2, 1])[0]):
            self._event(
                EventKind.TAC_MEETING, began, stop, child.person_id, attended=rng.random() < 0.85
            )
        if "cp_plan_started_on" in fields:
            self._event(
                EventKind.CP_CONFERENCE, began, stop, child.person_id, attended=rng.random() < 0.8
            )
            if rng.random() < 0.7:
                self._event(EventKind.CORE_GROUP, began, stop, child.person_id, attended=True)
        if rng.random() < 0.2:
            self._event(
                EventKind.FAMILY_SUPPORT_MEETING, began, stop, child.person_id, attended=True
            )

    def _event(
        self,
        kind: str,
        began: datetime,
        stop: datetime,
        child_id: UUID | None,
        attended: bool | None = None,
    ) -> None:
        at = self._day(began, stop)
        self.r.safeguarding_event(
            actor=self.worker,
            at=at,
            kind=kind,
            occurred_on=timezone.localdate(at),
            new_id=self.new_id,
            child_id=child_id,
            attended=attended,
        )

    def _alert(self, began: datetime, stop: datetime) -> None:
        rng = self.rng
        at = self._day(began, stop)
        raised = timezone.localdate(at)
        known = rng.random() < 0.7
        self.r.safeguarding_alert(
            actor=self.worker,
            at=at,
            new_id=self.new_id,
            raised_on=raised,
            concern=rng.choice(CONCERNS),
            substantiation=rng.choices(
                ["fully", "partially", "not_substantiated"], weights=[3, 2, 2]
            )[0]
            if known
            else "pending",
            referred_on=raised if rng.random() < 0.6 else None,
            harm_relationship=rng.choice(HARM),
        )

    def _think_family(self, began: datetime, stop: datetime, has_children: bool) -> None:
        rng = self.rng
        for _ in range(rng.randint(1, 3)):
            at = self._day(began, stop)
            young_carer = has_children and rng.random() < 0.08
            adult_carer = rng.random() < 0.06
            young = (
                rng.choice([CarerReferral.ACCEPTED, CarerReferral.DECLINED])
                if young_carer
                else CarerReferral.NOT_NEEDED
            )
            adult = (
                rng.choice([CarerReferral.ACCEPTED, CarerReferral.DECLINED])
                if adult_carer
                else CarerReferral.NOT_NEEDED
            )
            self.r.think_family(
                actor=self.worker,
                at=at,
                new_id=self.new_id,
                children_in_family=has_children,
                parenting_support_needed=has_children and rng.random() < 0.3,
                young_carer=young_carer,
                vulnerable_adult=rng.random() < 0.1,
                adult_carer=adult_carer,
                family_offered_support=rng.random() < 0.7,
                young_carer_referral=young,
                adult_carer_referral=adult,
            )
            for accepted, kind in (
                (young, EventKind.REFERRAL_YOUNG_CARERS),
                (adult, EventKind.REFERRAL_ADULT_CARERS),
            ):
                if accepted == CarerReferral.ACCEPTED:
                    self.r.safeguarding_event(
                        actor=self.worker,
                        at=at,
                        kind=kind,
                        occurred_on=timezone.localdate(at),
                        new_id=self.new_id,
                    )
