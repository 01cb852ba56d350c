"""Demo hardship grants of Victim First (seed 002 s3.8: "a small hardship fund (currently £5k
pa)"), issue 13: last year's and this year's funds at the profile's amount, and grants on cases
within them (requested by the case's worker, decided by the service manager, most paid), written
as the hardship services write them, with ids from their own random stream so the same seed
builds the same data."""

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
from haven.contracts.models import Contract
from haven.hardship.models import GrantPurpose, GrantStatus, HardshipFund, HardshipGrant
from haven.hardship.services import (
    decided_summary,
    default_budget_pence,
    financial_year_first_day,
    financial_year_of,
    paid_summary,
    requested_summary,
)

STREAM = 14  # this part's own random stream: seed + STREAM
GRANTS_A_YEAR = 24
AMOUNTS = (2000, 2500, 3000, 4000, 5000, 6000, 7500, 10000, 12000, 15000)  # pence
OTHER_DETAIL = "Synthetic: school uniform after the move"


def demo_hardship_reset(organisation: Any) -> None:
    contracts = Contract.objects.filter(provider=organisation)
    HardshipGrant.objects.filter(fund__contract__in=contracts).delete()
    HardshipFund.objects.filter(contract__in=contracts).delete()


def _manager(organisation: Any) -> User | None:
    membership = (
        Membership.objects.filter(organisation=organisation, role=Role.SERVICE_MANAGER)
        .select_related("user")
        .order_by("user__email")
        .first()
    )
    return membership.user if membership else None


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def _moment(day: date, rng: random.Random) -> datetime:
    clock = timedelta(hours=rng.randint(9, 16), minutes=rng.randint(0, 59))
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + clock)


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.grants: list[HardshipGrant] = []
        self.events: list[CaseEvent] = []

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def event(
        self, grant: HardshipGrant, kind: str, actor: User, at: datetime, summary: str
    ) -> None:
        self.events.append(
            CaseEvent(
                id=self.new_id(),
                case_id=grant.case_id,
                kind=kind,
                occurred_at=at,
                actor_id=actor.pk,
                summary=summary,
                object_type=HardshipGrant._meta.label_lower,
                object_id=str(grant.pk),
                data={},
            )
        )


def build_demo_hardship(*, organisation: Any, seed: int, now: datetime) -> int:
    """Funds and grants of every demo contract with a hardship fund; returns the grants made."""
    manager = _manager(organisation)
    if manager is None:
        return 0
    rng = random.Random(seed + STREAM)
    writer = _Writer(rng)
    today = timezone.localdate(now)
    for contract in Contract.objects.filter(provider=organisation).order_by("slug"):
        budget = default_budget_pence(contract)
        if budget is None:
            continue
        this_year = financial_year_of(contract, today)
        for year in (this_year - 1, this_year):
            fund = HardshipFund(
                id=writer.new_id(),
                contract=contract,
                year=year,
                budget_pence=budget,
                set_by=manager,
                set_at=_moment(date(year, 3, 20), rng),
            )
            fund.save(force_insert=True)
            _grants(writer, fund, manager, now)
    HardshipGrant.objects.bulk_create(writer.grants)
    CaseEvent.objects.bulk_create(writer.events)
    return len(writer.grants)


def _grants(writer: _Writer, fund: HardshipFund, manager: User, now: datetime) -> None:
    rng = writer.rng
    start = _midnight(financial_year_first_day(fund.contract, fund.year))
    end = min(_midnight(financial_year_first_day(fund.contract, fund.year + 1)), now)
    cases = list(
        Case.objects.filter(
            contract=fund.contract,
            opened_at__lt=end,
            first_contact_at__isnull=False,
            allocated_to__isnull=False,
        )
        .exclude(closed_at__lt=start)
        .exclude(allocated_to=manager)
        .order_by("opened_at", "id")
    )
    if not cases:
        return
    approved = 0
    for case in sorted(
        rng.sample(cases, min(GRANTS_A_YEAR, len(cases))), key=lambda c: c.opened_at
    ):
        first = max(case.opened_at, start)
        last = min(case.closed_at or end, end)
        if last <= first:
            continue
        requested = first + (last - first) * rng.random()
        amount = rng.choice(AMOUNTS)
        purpose = rng.choice(GrantPurpose.values)
        still_open = case.state != CaseState.CLOSED
        waiting = still_open and (now - requested) < timedelta(days=3)
        refuse = rng.random() < 0.1 or approved + amount > fund.budget_pence  # never overdrawn
        grant = HardshipGrant(
            id=writer.new_id(),
            fund=fund,
            case=case,
            amount_pence=amount,
            purpose=purpose,
            detail=OTHER_DETAIL if purpose == GrantPurpose.OTHER else "",
            requested_by=case.allocated_to,
            requested_at=requested,
        )
        writer.grants.append(grant)
        assert case.allocated_to is not None
        writer.event(
            grant,
            CaseEventKind.HARDSHIP_GRANT_REQUESTED,
            case.allocated_to,
            requested,
            requested_summary(amount, purpose),
        )
        if waiting:
            continue
        decided = min(requested + timedelta(hours=rng.randint(2, 48)), now)
        grant.status = GrantStatus.REFUSED if refuse else GrantStatus.APPROVED
        grant.decided_by = manager
        grant.decided_at = decided
        writer.event(
            grant,
            CaseEventKind.HARDSHIP_GRANT_DECIDED,
            manager,
            decided,
            decided_summary(amount, grant.status),
        )
        if refuse:
            continue
        approved += amount
        paid = decided + timedelta(days=rng.randint(0, 3))
        if paid < now:
            grant.paid_on = timezone.localdate(paid)
            grant.paid_recorded_by = manager
            writer.event(
                grant, CaseEventKind.HARDSHIP_GRANT_PAID, manager, paid, paid_summary(amount)
            )
