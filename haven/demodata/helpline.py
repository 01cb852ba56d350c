"""Demo helpline (issue 16 item 4): two years of calls to the helplines of Wokingham (seed 003
s6.1: 857 calls in 2015/16, a few a day), Leicester's victim-survivor service (seed 001 Lot 3:
freephone helpline, call backs, telephone counselling) and Victim First (seed 002 s3.11: call
takers in opening hours), with call-backs and a rota of the last four weeks and the next two.

Nobody is recorded with a call (the callers gave no consent in the demo); numbers are Ofcom's
drama range (07700 900xxx). In or out of hours and the answer-by time are worked out as the
helpline service does (haven.helpline.hours). Its own random stream; bulk_create."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from haven.accounts.models import Membership, User
from haven.accounts.roles import Role
from haven.contracts.models import Contract
from haven.deadlines import OpeningHours, ServiceClock
from haven.deadlines.local_time import local_datetime
from haven.helpline.hours import answer_due, helpline_hours, service_clock
from haven.helpline.models import (
    OUTCOMES,
    CallBack,
    CallBackStatus,
    CallerType,
    CallKind,
    HelplineCall,
    LeaveMessage,
    Shift,
)

STREAM = 31  # this part's own random stream: seed + STREAM
DAYS = 730
# calls a day at scale 1 (seed 003 s4: 857 calls in 2015/16 is about 2.3 a day)
DAILY = {"wokingham-da-2017": 2.5, "leicester-victim-survivor-2012": 3.0, "victim-first-2018": 2.0}
COUNSELLING = {"leicester-victim-survivor-2012"}  # seed 001 Lot 3 s8
CALLERS = (
    (CallerType.VICTIM, 60),
    (CallerType.THIRD_PARTY, 15),
    (CallerType.PROFESSIONAL, 17),
    (CallerType.PERPETRATOR, 3),
    (CallerType.OTHER, 5),
)
SAFE_NOTES = (
    "Synthetic: partner may answer; say it is the surgery",
    "Synthetic: use the mobile only",
    "Synthetic: do not call at weekends",
    "",
    "",
)
SAFE_TIMES = ("Weekday mornings", "After 6pm", "Lunchtimes", "")


def demo_helpline_reset(organisation: Any) -> None:
    contracts = Contract.objects.filter(provider=organisation)
    CallBack.objects.filter(call__contract__in=contracts).delete()
    HelplineCall.objects.filter(contract__in=contracts).delete()
    Shift.objects.filter(contract__in=contracts).delete()


def _call_takers(organisation: Any) -> list[tuple[User, Any]]:
    memberships = (
        Membership.objects.filter(
            organisation=organisation, role__in=(Role.CASEWORKER, Role.TEAM_LEADER)
        )
        .select_related("user")
        .order_by("user__email")
    )
    seen: dict[Any, tuple[User, Any]] = {}
    for m in memberships:
        if m.user.is_active:
            seen.setdefault(m.user_id, (m.user, m.team_id))
    return list(seen.values())


def _manager(organisation: Any) -> User | None:
    membership = (
        Membership.objects.filter(organisation=organisation, role=Role.SERVICE_MANAGER)
        .select_related("user")
        .order_by("user__email")
        .first()
    )
    return membership.user if membership else None


class _Builder:
    def __init__(self, rng: random.Random, now: datetime, takers: list[tuple[User, Any]]) -> None:
        self.rng = rng
        self.now = now
        self.takers = takers
        self.calls: list[HelplineCall] = []
        self.call_backs: list[CallBack] = []
        self.shifts: list[Shift] = []

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def phone(self) -> str:
        return f"07700 900{self.rng.randint(0, 999):03d}"

    def moment(self, day: date, hours: OpeningHours) -> datetime:
        rng = self.rng
        if rng.random() < 0.2:  # evenings and early mornings: out of hours (not 9am-5pm)
            clock = time(rng.choice((7, 8, 17, 18, 19, 20, 21)), rng.randint(0, 59))
        else:
            clock = time(rng.randint(9, 16), rng.randint(0, 59))
        return local_datetime(day, clock, hours.timezone)

    def contract_calls(self, contract: Contract, daily: float) -> None:
        rng = self.rng
        today = timezone.localdate(self.now)
        hours, clock = helpline_hours(contract), service_clock(contract)
        for offset in range(DAYS, -1, -1):
            day = today - timedelta(days=offset)
            for _ in range(_poisson(rng, daily)):
                started = self.moment(day, hours)
                if started >= self.now:
                    continue
                self.call(contract, started, not hours.is_open(started), clock)

    def call(
        self, contract: Contract, started: datetime, out_of_hours: bool, clock: ServiceClock
    ) -> None:
        rng = self.rng
        taker, team_id = rng.choice(self.takers)
        incoming = rng.random() < 0.8
        caller = rng.choices([c for c, _ in CALLERS], [w for _, w in CALLERS])[0]
        counselling = (
            contract.slug in COUNSELLING and caller == CallerType.VICTIM and rng.random() < 0.2
        )
        voicemail = incoming and rng.random() < 0.08
        outcomes = set()
        if not voicemail:
            outcomes.add(rng.choice(("information", "safety_advice", "signposted")))
            if rng.random() < 0.3:
                outcomes.add("safety_advice")
            if rng.random() < 0.1:
                outcomes.add("referral_made")
        call_back = voicemail or rng.random() < 0.12
        if call_back:
            outcomes.add("call_back_booked")
        minutes = (
            0
            if voicemail
            else rng.randint(40, 60)
            if counselling
            else max(2, int(rng.expovariate(1 / 14)))
        )
        call = HelplineCall(
            id=self.new_id(),
            contract=contract,
            started_at=started,
            direction="in" if incoming else "out",
            out_of_hours=out_of_hours,
            caller_type=caller,
            kind=CallKind.COUNSELLING if counselling else CallKind.SUPPORT,
            duration_minutes=min(minutes, 180),
            answered_live=not voicemail,
            answer_due_at=answer_due(contract, started, clock),
            answered_at=None if voicemail else started,
            consent_to_record=False,
            taken_by=taker,
            **{name: name in outcomes for name in OUTCOMES},
        )
        self.calls.append(call)
        if call_back:
            self.book(call, taker, team_id)

    def book(self, call: HelplineCall, taker: User, team_id: Any) -> None:
        rng = self.rng
        due = call.started_at + timedelta(hours=rng.choice((2, 4, 20, 24, 44)))
        item = CallBack(
            id=self.new_id(),
            call=call,
            due_at=due,
            assigned_to=taker,
            team_id=team_id,
            phone=self.phone(),
            may_leave_message=rng.choice(LeaveMessage.values),
            safe_times=rng.choice(SAFE_TIMES),
            safe_contact_note=rng.choice(SAFE_NOTES),
            created_by=taker,
        )
        if due < self.now:
            draw = rng.random()
            item.status = (
                CallBackStatus.DONE
                if draw < 0.82
                else CallBackStatus.MISSED
                if draw < 0.94
                else CallBackStatus.CANCELLED
            )
            item.closed_at = min(due + timedelta(minutes=rng.randint(-90, 180)), self.now)
            item.closed_at = max(item.closed_at, call.started_at + timedelta(minutes=5))
            item.closed_by = taker
            if item.status == CallBackStatus.DONE and call.answered_at is None:
                call.answered_at = item.closed_at
        self.call_backs.append(item)

    def rota(self, contract: Contract, manager: User) -> None:
        """Two shifts a day (the opening hours split at 13:00) for the last four weeks and the
        next two; about one in twelve left empty, a gap the rota page shows."""
        rng = self.rng
        hours = helpline_hours(contract)
        today = timezone.localdate(self.now)
        for offset in range(-28, 15):
            day = today + timedelta(days=offset)
            for window in hours.windows_on(day):
                opens = local_datetime(day, window.opening_time, hours.timezone)
                closes = opens + timedelta(minutes=window.closes - window.opens)
                middle = local_datetime(day, time(13), hours.timezone)
                parts = [(opens, middle), (middle, closes)] if opens < middle < closes else []
                for start, end in parts or [(opens, closes)]:
                    if rng.random() < 1 / 12:
                        continue
                    staff, _ = rng.choice(self.takers)
                    self.shifts.append(
                        Shift(
                            id=self.new_id(),
                            contract=contract,
                            staff=staff,
                            starts_at=start,
                            ends_at=end,
                            created_by=manager,
                        )
                    )


def _poisson(rng: random.Random, mean: float) -> int:
    """A Poisson draw (Knuth), for a day's calls."""
    limit, count, product = pow(2.718281828459045, -mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def build_demo_helpline(*, organisation: Any, seed: int, now: datetime, scale: float = 1.0) -> int:
    """The helplines' calls, call-backs and rota; returns the calls made."""
    takers = _call_takers(organisation)
    manager = _manager(organisation)
    if not takers or manager is None:
        return 0
    builder = _Builder(random.Random(seed + STREAM), now, takers)
    for contract in Contract.objects.filter(provider=organisation, slug__in=DAILY).order_by("slug"):
        builder.contract_calls(contract, DAILY[contract.slug] * scale)
        builder.rota(contract, manager)
    HelplineCall.objects.bulk_create(builder.calls, batch_size=1000)
    CallBack.objects.bulk_create(builder.call_backs, batch_size=1000)
    Shift.objects.bulk_create(builder.shifts, batch_size=1000)
    return len(builder.calls)
