"""Demo groups and programmes (issue 16 item 1) over the demo's two years: Leicester's perpetrator
programme (seed 001 Lot 4 s5, at least 26 weeks) with pre-group contacts and assessments,
one-to-one sessions and partner liaison with Leicester victim-survivor cases; Leicester family
service's children's, recovery and Respect toolkit groups with a crèche beside them (seed 001
Lot 1 s5, s8); Victim First's young people's group (seed 002 s7); Wokingham's perpetrator
programme (seed 003 s13). Cohorts of the contract's own cases, weekly sessions with a register,
completions and drop-outs with reasons; ids from this part's own random stream, bulk-written."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from haven.accounts.models import Membership, User
from haven.accounts.roles import Role
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, CaseEvent
from haven.contracts.models import Contract
from haven.programmes import timeline
from haven.programmes.models import (
    CrecheSession,
    DropOutReason,
    Enrolment,
    EnrolmentStatus,
    PartnerContact,
    PartnerLiaison,
    PreGroupContact,
    Programme,
    ProgrammeRun,
    ProgrammeSession,
    SessionAttendance,
)

STREAM = 30  # this part's own random stream: seed + STREAM
YEARS = 2
DROP_REASONS = [
    DropOutReason.NON_ATTENDANCE,
    DropOutReason.CHOSE_TO_LEAVE,
    DropOutReason.WORK_OR_CARING,
    DropOutReason.MOVED_AWAY,
    DropOutReason.EXCLUDED,
    DropOutReason.CUSTODY,
]


@dataclass(frozen=True)
class Spec:
    kind: str
    name: str
    weeks: int  # weekly sessions; the programme's minimum weeks
    min_sessions: int
    every_weeks: int  # a new group starts this often
    cohort: tuple[int, int]
    minutes: int
    creche: bool = False
    liaison_with: str = ""  # the victim service whose cases partner liaison links to


SPECS = {
    "leicester-perpetrator-2012": [
        Spec(
            "perpetrator",
            "Choices for change (Respect accredited)",
            26,
            20,
            13,
            (6, 10),
            150,
            liaison_with="leicester-victim-survivor-2012",
        ),
    ],
    "leicester-family-2012": [
        Spec("childrens_group", "Children's recovery group", 10, 7, 13, (5, 8), 90, creche=True),
        Spec("recovery", "Recovery Toolkit", 12, 8, 17, (5, 9), 120, creche=True),
        Spec("respect_toolkit", "Respect young people's toolkit group", 12, 8, 26, (4, 7), 90),
    ],
    "victim-first-2018": [
        Spec("young_people", "Young people's support group", 8, 5, 9, (5, 8), 90),
    ],
    "wokingham-da-2017": [
        Spec("perpetrator", "Wokingham perpetrator programme", 26, 20, 26, (5, 8), 120),
    ],
}


def demo_programmes_reset(organisation: Any) -> None:
    contracts = Contract.objects.filter(provider=organisation)
    runs = ProgrammeRun.objects.filter(programme__contract__in=contracts)
    places = Enrolment.objects.filter(run__in=runs).values("id")
    CaseEvent.objects.filter(
        case__contract__in=contracts,
        kind__in=[k for k in CaseEventKind if k.startswith("programme_")],
    ).delete()
    PartnerContact.objects.filter(liaison__enrolment_id__in=places).delete()
    PartnerLiaison.objects.filter(enrolment_id__in=places).delete()
    SessionAttendance.objects.filter(session__run__in=runs).delete()
    ProgrammeSession.objects.filter(run__in=runs).delete()
    PreGroupContact.objects.filter(enrolment__run__in=runs).delete()
    CrecheSession.objects.filter(contract__in=contracts).delete()
    Enrolment.objects.filter(run__in=runs).delete()
    ProgrammeRun.facilitators.through.objects.filter(programmerun__in=runs).delete()
    runs.delete()
    Programme.objects.filter(contract__in=contracts).delete()


class _Rows:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.enrolments: list[Enrolment] = []
        self.contacts: list[PreGroupContact] = []
        self.sessions: list[ProgrammeSession] = []
        self.marks: list[SessionAttendance] = []
        self.creches: list[CrecheSession] = []
        self.liaisons: list[PartnerLiaison] = []
        self.partner_contacts: list[PartnerContact] = []

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def save(self) -> int:
        Enrolment.objects.bulk_create(self.enrolments, batch_size=500)
        PreGroupContact.objects.bulk_create(self.contacts, batch_size=500)
        ProgrammeSession.objects.bulk_create(self.sessions, batch_size=500)
        SessionAttendance.objects.bulk_create(self.marks, batch_size=500)
        CrecheSession.objects.bulk_create(self.creches, batch_size=500)
        PartnerLiaison.objects.bulk_create(self.liaisons, batch_size=500)
        PartnerContact.objects.bulk_create(self.partner_contacts, batch_size=500)
        CaseEvent.objects.bulk_create(self._timeline(), batch_size=1000)
        return len(self.enrolments)

    def _timeline(self) -> list[CaseEvent]:
        """Each place's milestones and marks on its case timeline, as the live services write
        them (`haven.programmes.timeline`); partner liaison writes none."""
        contacts: dict[Any, list[PreGroupContact]] = {}
        for contact in self.contacts:
            contacts.setdefault(contact.enrolment.pk, []).append(contact)
        events = [
            timeline.unsaved_event(entry, pk=self.new_id(), actor_id=place.offered_by_id)
            for place in self.enrolments
            for entry in timeline.entries_of_place(place, contacts.get(place.pk, []))
        ]
        events += [
            timeline.unsaved_event(
                timeline.entry_of_mark(mark.session, mark),
                pk=self.new_id(),
                actor_id=mark.recorded_by_id,
            )
            for mark in self.marks
        ]
        return events


def _manager(organisation: Any) -> User | None:
    membership = (
        Membership.objects.filter(organisation=organisation, role=Role.SERVICE_MANAGER)
        .select_related("user")
        .order_by("user__email")
        .first()
    )
    return membership.user if membership else None


def build_demo_programmes(*, organisation: Any, seed: int, now: datetime) -> int:
    """Programmes, groups, places, sessions, crèches and partner liaison; returns the places."""
    manager = _manager(organisation)
    if manager is None:
        return 0
    rng = random.Random(seed + STREAM)
    rows = _Rows(rng)
    today = timezone.localdate(now)
    contracts = {c.slug: c for c in Contract.objects.filter(provider=organisation)}
    for slug, specs in SPECS.items():
        contract = contracts.get(slug)
        if contract is None:
            continue
        cases = list(
            Case.objects.filter(contract=contract, allocated_to__isnull=False)
            .exclude(opened_at__gt=now)
            .order_by("opened_at", "id")
        )
        if not cases:
            continue
        victims = _victim_cases(contracts, specs, now)
        for spec in specs:
            programme = Programme(
                id=rows.new_id(),
                contract=contract,
                kind=spec.kind,
                name=spec.name,
                min_weeks=spec.weeks,
                min_sessions=spec.min_sessions,
                created_by=manager,
            )
            programme.save(force_insert=True)
            start = today - timedelta(days=365 * YEARS) + timedelta(days=rng.randint(0, 20))
            while start <= today - timedelta(weeks=1):
                _run(rows, programme, spec, start, cases, victims, manager, today)
                start += timedelta(weeks=spec.every_weeks)
    return rows.save()


def _victim_cases(contracts: dict[str, Contract], specs: list[Spec], now: datetime) -> list[Case]:
    slugs = {s.liaison_with for s in specs if s.liaison_with}
    if not slugs:
        return []
    return list(
        Case.objects.filter(
            contract__in=[contracts[s] for s in slugs if s in contracts],
            allocated_to__isnull=False,
            opened_at__lte=now,
        ).order_by("opened_at", "id")
    )


def _run(
    rows: _Rows,
    programme: Programme,
    spec: Spec,
    start: date,
    cases: list[Case],
    victims: list[Case],
    manager: User,
    today: date,
) -> None:
    rng = rows.rng
    planned_end = start + timedelta(weeks=spec.weeks - 1)
    candidates = [
        c
        for c in cases
        if timezone.localdate(c.opened_at) <= start - timedelta(days=7)
        and (c.closed_at is None or timezone.localdate(c.closed_at) >= start)
        and timezone.localdate(c.opened_at) >= start - timedelta(weeks=16)
    ]
    if len(candidates) < 2:
        return
    cohort = rng.sample(candidates, min(len(candidates), rng.randint(*spec.cohort)))
    facilitators = sorted({c.allocated_to_id for c in cohort if c.allocated_to_id})[:2]
    run = ProgrammeRun(
        id=rows.new_id(),
        programme=programme,
        name=f"Group starting {start:%-d %B %Y}",
        starts_on=start,
        planned_end_on=planned_end,
        venue="Synthetic community centre",
        created_by=manager,
    )
    run.save(force_insert=True)
    run.facilitators.set(facilitators or [manager.pk])  # type: ignore[arg-type]  # pks
    days = [
        start + timedelta(weeks=w) for w in range(spec.weeks) if start + timedelta(weeks=w) <= today
    ]
    places = [_place(rows, run, spec, case, start) for case in cohort]
    sessions: list[ProgrammeSession] = []
    for day in days:
        session = ProgrammeSession(
            id=rows.new_id(),
            run=run,
            held_on=day,
            format="group",
            duration_minutes=spec.minutes,
            topic=f"Week {len(sessions) + 1}",
            recorded_by_id=facilitators[0] if facilitators else manager.pk,
        )
        sessions.append(session)
        rows.sessions.append(session)
        if spec.creche:
            rows.creches.append(
                CrecheSession(
                    id=rows.new_id(),
                    contract=programme.contract,
                    run=run,
                    held_on=day,
                    duration_minutes=spec.minutes,
                    children_count=rng.randint(3, 9),
                    venue="Synthetic community centre",
                    recorded_by=manager,
                )
            )
    attended: dict[Any, int] = {}
    for place, leaves_at in places:
        if place.status == EnrolmentStatus.NOT_STARTED:
            continue
        attended[place.pk] = _attend(rows, place, spec, sessions, leaves_at, today)
    finished = len(days) == spec.weeks
    if finished:
        run.completed_on = days[-1]
        run.save(update_fields=["completed_on"])
    for place, _ in places:
        if place.status == EnrolmentStatus.STARTED and finished:
            if attended.get(place.pk, 0) >= spec.min_sessions:
                place.status = EnrolmentStatus.COMPLETED
                place.completed_on = days[-1]
            else:
                place.status = EnrolmentStatus.DROPPED_OUT
                place.ended_on = days[-1]
                place.drop_out_reason = DropOutReason.NON_ATTENDANCE
    if spec.liaison_with and victims:
        _liaison(rows, [p for p, _ in places if p.started_on], victims, today)


def _place(
    rows: _Rows, run: ProgrammeRun, spec: Spec, case: Case, start: date
) -> tuple[Enrolment, int | None]:
    """A place offered 1-3 weeks before the start, with pre-group contacts and (perpetrator
    programmes) an assessment; about one in four leaves part way (the week they leave)."""
    rng = rows.rng
    offered = start - timedelta(days=rng.randint(7, 21))
    offered = max(offered, timezone.localdate(case.opened_at))
    place = Enrolment(
        id=rows.new_id(),
        run=run,
        case=case,
        offered_on=offered,
        offered_by_id=case.allocated_to_id,  # type: ignore[misc]  # demo cases are allocated
    )
    rows.enrolments.append(place)
    for n in range(rng.randint(1, 2)):
        rows.contacts.append(
            PreGroupContact(
                id=rows.new_id(),
                enrolment=place,
                contacted_on=min(offered + timedelta(days=1 + n * 2), start - timedelta(days=1)),
                method=rng.choice(["phone", "face_to_face"]),
                recorded_by_id=case.allocated_to_id,  # type: ignore[misc]  # demo cases are allocated
            )
        )
    if spec.kind == "perpetrator":
        place.assessed_on = min(offered + timedelta(days=5), start - timedelta(days=1))
        place.assessed_suitable = rng.random() > 0.08
        place.status = EnrolmentStatus.ASSESSED
        if not place.assessed_suitable:
            place.status = EnrolmentStatus.NOT_STARTED
            place.ended_on = place.assessed_on
            place.drop_out_reason = DropOutReason.NOT_SUITABLE
            return place, None
    if rng.random() < 0.08:
        place.status = EnrolmentStatus.NOT_STARTED
        place.ended_on = start
        place.drop_out_reason = DropOutReason.CHOSE_TO_LEAVE
        return place, None
    leaves_at = rng.randint(2, spec.weeks - 2) if rng.random() < 0.25 else None
    return place, leaves_at


def _attend(
    rows: _Rows,
    place: Enrolment,
    spec: Spec,
    sessions: list[ProgrammeSession],
    leaves_at: int | None,
    today: date,
) -> int:
    """The place's marks week by week (and a perpetrator's one-to-ones); the sessions attended."""
    rng = rows.rng
    attended = 0
    for week, session in enumerate(sessions):
        if leaves_at is not None and week >= leaves_at:
            place.status = EnrolmentStatus.DROPPED_OUT
            place.ended_on = session.held_on
            place.drop_out_reason = rng.choice(DROP_REASONS)
            return attended
        roll = rng.random()
        mark = (
            "attended"
            if roll < 0.85 or week == 0
            else ("apologies" if roll < 0.93 else "did_not_attend")
        )
        attended += mark == "attended"
        if week == 0:
            place.status = EnrolmentStatus.STARTED
            place.started_on = session.held_on
        rows.marks.append(
            SessionAttendance(
                id=rows.new_id(),
                session=session,
                enrolment=place,
                mark=mark,
                recorded_by_id=session.recorded_by_id,
            )
        )
        if spec.kind == "perpetrator" and week in (0, 12):  # one-to-one reviews (seed 001 Lot 4 s5)
            one = ProgrammeSession(
                id=rows.new_id(),
                run=place.run,
                held_on=min(session.held_on + timedelta(days=2), today),
                format="one_to_one",
                enrolment=place,
                duration_minutes=60,
                topic="One-to-one review",
                recorded_by_id=session.recorded_by_id,
            )
            rows.sessions.append(one)
            rows.marks.append(
                SessionAttendance(
                    id=rows.new_id(),
                    session=one,
                    enrolment=place,
                    mark="attended",
                    recorded_by_id=session.recorded_by_id,
                )
            )
    return attended


def _liaison(rows: _Rows, places: list[Enrolment], victims: list[Case], today: date) -> None:
    """Partner liaison for most perpetrators (seed 001 Lot 4 s1): with a victim case open when
    the perpetrator started, kept by its worker, a contact every few weeks."""
    rng = rows.rng
    for place in places:
        assert place.started_on is not None
        open_then = [
            v
            for v in victims
            if timezone.localdate(v.opened_at) <= place.started_on
            and (v.closed_at is None or timezone.localdate(v.closed_at) >= place.started_on)
        ]
        if not open_then or rng.random() < 0.2:
            continue
        victim = rng.choice(open_then)
        victims.remove(victim)  # one perpetrator each
        liaison = PartnerLiaison(
            id=rows.new_id(),
            enrolment_id=place.pk,
            victim_case=victim,
            liaison_worker_id=victim.allocated_to_id,  # type: ignore[misc]  # demo cases are allocated
            started_on=place.started_on,
        )
        rows.liaisons.append(liaison)
        end = min(place.completed_on or place.ended_on or today, today)
        day = place.started_on + timedelta(days=rng.randint(1, 10))
        while day <= end:
            concern = rng.random() < 0.1
            rows.partner_contacts.append(
                PartnerContact(
                    id=rows.new_id(),
                    liaison=liaison,
                    contacted_on=day,
                    method=rng.choice(["phone", "face_to_face"]),
                    risk_concern_raised=concern,
                    notes="Synthetic: raised a worry about contact at handovers"
                    if concern
                    else "Synthetic: checked in, no new concerns",
                    recorded_by_id=victim.allocated_to_id,  # type: ignore[misc]  # demo cases are allocated
                )
            )
            day += timedelta(weeks=rng.randint(3, 6))
