"""Target hardening tests: the shipped target-hardening-2018 profile (seed 002 Lot 2) delivered
by the personas' organisation, an emergency referral's case, a small catalogue and a job."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from haven.targethardening.models import Fitting, SecurityItem
from haven.testing.fixtures import contract_for, open_case, team_case

__all__ = ["contract_for", "open_case", "team_case"]

SLUG = "target-hardening-2018"


@pytest.fixture
def th(contract_for):
    return contract_for(SLUG)


@pytest.fixture
def th_case(open_case, th):
    """An emergency referral by phone, received an hour ago (seed 002 Lot 2 s3.1: attend within
    4 hours)."""
    return open_case(
        contract=th,
        route="emergency_phone",
        priority="emergency",
        received_at=timezone.now() - dt.timedelta(hours=1),
    )


def make_item(provider, name, price, *, fitting=Fitting.SPECIALIST, most=2, approved=True):
    return SecurityItem.objects.create(
        provider=provider,
        name=name,
        police_approved=approved,
        unit_price=Decimal(price),
        max_per_property=most,
        fitting=fitting,
    )


@pytest.fixture
def items(personas):
    org = personas.organisation
    return {
        "chain": make_item(org, "Door chain", "25.00"),
        "lock": make_item(org, "British Standard mortice lock", "150.00", most=2),
        "alarm": make_item(org, "Door alarm", "12.50", fitting=Fitting.SELF_FIT, most=4),
        "cheap": make_item(org, "Unbranded padlock", "5.00", approved=False),
    }


# Concerns and factors of the shipped profile: 3+3+3+3 = 12 points, level 3
SAFE = "Synthetic: the person causing harm has left; the police confirmed it"
LEVEL_3 = {
    "concerns": ["no_door_chain", "door_lock_weak", "windows_unlocked"],
    "vulnerabilities": ["perpetrator_knows_address"],
    "override_reason": SAFE,
}
# 3 + 3 = 6 points, level 2
LEVEL_2 = {
    "concerns": ["no_door_chain"],
    "vulnerabilities": ["repeat_victim"],
    "override_reason": SAFE,
}


@pytest.fixture
def job(th_case, personas):
    from haven.targethardening.services import job_visit_record

    return job_visit_record(
        case=th_case,
        recorded_by=personas.caseworker,
        visited_at=timezone.now() - dt.timedelta(minutes=10),
        **LEVEL_3,
    )
