"""Demo housing on the Safe Home cases (seed 001 Lot 2, issue 13): the tenure at entry, Safe Home
outcomes and, on closed cases, the tenure and destination at exit, written as the housing
services write them (the rows and the timeline entries pointing at them), from their own random
stream and with ids drawn from it, so the same seed builds the same data."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from haven.accounts.models import Membership, User
from haven.accounts.roles import Role
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, CaseEvent, CaseState
from haven.housing.models import INDEPENDENT_TENURES, HousingSituation, SafeHomeOutcome
from haven.housing.services import entry_summary, exit_summary, outcome_summary

STREAM = 15  # this part's own random stream: seed + STREAM
SAFEHOME = "leicester-safehome-2012"
ENTRY_TENURES = (
    ("refuge", 3),
    ("temporary", 3),
    ("family_or_friends", 3),
    ("homeless", 2),
    ("social_rented_council", 3),
    ("social_rented_ha", 2),
    ("private_rented", 2),
    ("owner_occupier", 1),
    ("other", 1),
)
SETTLED_TENURES = ("social_rented_council", "social_rented_ha", "private_rented")
NOT_SETTLED = (("temporary", "temporary"), ("refuge", "refuge"), ("family_or_friends",) * 2)
OUTCOMES = (
    ("sanctuary", 4),
    ("own_home_secured", 3),
    ("homelessness_application", 3),
    ("housing_transfer", 3),
    ("temporary_supported", 3),
    ("private_rental", 2),
    ("perpetrator_alternative", 1),
    ("other", 1),
)
OTHER_DETAIL = (
    "Synthetic: lodging arranged with a housing charity",
    "Synthetic: moved to a relative's home in another city with the council's agreement",
)


def demo_housing_reset(organisation: Any) -> None:
    """Delete the provider's housing rows (their timeline entries go with the cases)."""
    cases = Case.objects.filter(contract__provider=organisation).values("id")
    SafeHomeOutcome.objects.filter(case_id__in=cases).delete()
    HousingSituation.objects.filter(case_id__in=cases).delete()


def _weighted(rng: random.Random, options: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def _noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=12))


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.situations: list[HousingSituation] = []
        self.outcomes: list[SafeHomeOutcome] = []
        self.events: list[CaseEvent] = []

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def event(
        self, case: Case, kind: str, actor: User, at: datetime, target: Any, summary: str
    ) -> None:
        self.events.append(
            CaseEvent(
                id=self.new_id(),
                case_id=case.id,
                kind=kind,
                occurred_at=at,
                actor_id=actor.pk,
                summary=summary,
                object_type=target._meta.label_lower,
                object_id=str(target.pk),
                data={},
            )
        )


def _fallback_worker(organisation: Any) -> User | None:
    membership = (
        Membership.objects.filter(organisation=organisation, role=Role.SERVICE_MANAGER)
        .select_related("user")
        .order_by("user__email")
        .first()
    )
    return membership.user if membership else None


def build_demo_housing(*, organisation: Any, seed: int, now: datetime) -> int:
    """Housing on every engaged Safe Home case; returns how many rows were made."""
    fallback = _fallback_worker(organisation)
    rng = random.Random(seed + STREAM)
    writer = _Writer(rng)
    cases = (
        Case.objects.filter(
            contract__provider=organisation,
            contract__slug=SAFEHOME,
            first_contact_at__isnull=False,
        )
        .select_related("allocated_to")
        .order_by("opened_at", "id")
    )
    for case in cases:
        worker = case.allocated_to or fallback
        if worker is not None:
            _case_housing(writer, case, worker, now)
    HousingSituation.objects.bulk_create(writer.situations)
    SafeHomeOutcome.objects.bulk_create(writer.outcomes)
    CaseEvent.objects.bulk_create(writer.events)
    return len(writer.situations) + len(writer.outcomes)


def _case_housing(writer: _Writer, case: Case, worker: User, now: datetime) -> None:
    rng = writer.rng
    closed = case.state == CaseState.CLOSED and case.closed_at is not None
    end = case.closed_at if closed and case.closed_at is not None else now
    opened_day = timezone.localdate(case.opened_at)
    last_day = timezone.localdate(end)
    entry_at = min(case.opened_at + timedelta(days=rng.randint(0, 3)), end)
    tenure = _weighted(rng, ENTRY_TENURES)
    independent = tenure in INDEPENDENT_TENURES
    # seed 001 Lot 2 s8 "disruption to own home": those not in a home of their own left it
    left = opened_day - timedelta(days=rng.randint(0, 45)) if not independent else None
    situation = HousingSituation(
        id=writer.new_id(),
        case=case,
        entry_tenure=tenure,
        left_home_on=left,
        entry_recorded_by=worker,
        entry_recorded_at=entry_at,
    )
    writer.event(
        case, CaseEventKind.HOUSING_ENTRY, worker, entry_at, situation, entry_summary(tenure)
    )
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        kind = _weighted(rng, OUTCOMES)
        achieved = opened_day + timedelta(days=rng.randint(0, max((last_day - opened_day).days, 0)))
        outcome = SafeHomeOutcome(
            id=writer.new_id(),
            case=case,
            kind=kind,
            achieved_on=achieved,
            detail=rng.choice(OTHER_DETAIL) if kind == "other" else "",
            recorded_by=worker,
            recorded_at=min(_noon(achieved), end),
        )
        writer.outcomes.append(outcome)
        writer.event(
            case,
            CaseEventKind.SAFE_HOME_OUTCOME,
            worker,
            min(_noon(achieved), end),
            outcome,
            outcome_summary(kind),
        )
    if closed:
        _exit(writer, situation, worker, end, last_day)
    writer.situations.append(situation)


def _exit(
    writer: _Writer, situation: HousingSituation, worker: User, end: datetime, last_day: date
) -> None:
    rng = writer.rng
    if situation.left_home_on is None:  # a home of their own at entry: mostly kept it
        if rng.random() < 0.8:
            tenure, destination, settled = situation.entry_tenure, "stayed_in_own_home", None
        else:
            tenure, destination = rng.choice(SETTLED_TENURES), "new_settled_home"
            settled = last_day - timedelta(days=rng.randint(0, 20))
    elif rng.random() < 0.6:  # moved on to a settled home, sooner or later
        tenure, destination = rng.choice(SETTLED_TENURES), "new_settled_home"
        settled = min(situation.left_home_on + timedelta(days=rng.randint(30, 260)), last_day)
    else:
        tenure, destination = rng.choice(NOT_SETTLED)
        settled = None
    at = end - timedelta(hours=1)
    situation.exit_tenure = tenure
    situation.exit_destination = destination
    situation.settled_on = settled
    situation.exit_recorded_by = worker
    situation.exit_recorded_at = at
    writer.event(
        situation.case,
        CaseEventKind.HOUSING_EXIT,
        worker,
        at,
        situation,
        exit_summary(tenure, destination),
    )
