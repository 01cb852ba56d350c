"""Hardship tests: a Victim First case (seed 002 s3.8: its hardship fund) and this financial
year's fund of £5,000 set by the service manager."""

from decimal import Decimal

import pytest
from django.utils import timezone

from haven.testing.casework import CaseFactory
from haven.testing.fixtures import open_case, profile_contract, team_case

__all__ = ["open_case", "team_case"]


@pytest.fixture
def vf_contract(personas):
    return profile_contract("victim-first-2018", personas.organisation)


@pytest.fixture
def vf_case(vf_contract, personas):
    return CaseFactory(contract=vf_contract, team=personas.team, allocated_to=personas.caseworker)


@pytest.fixture
def fund(vf_contract, personas):
    from haven.hardship.services import financial_year_of, hardship_fund_set

    return hardship_fund_set(
        contract=vf_contract,
        year=financial_year_of(vf_contract, timezone.localdate()),
        budget=Decimal("5000"),
        set_by=personas.service_manager,
    )


@pytest.fixture
def grant(fund, vf_case, personas):
    from haven.hardship.services import hardship_grant_request

    return hardship_grant_request(
        case=vf_case,
        requested_by=personas.caseworker,
        amount=Decimal("120.50"),
        purpose="utilities",
    )
