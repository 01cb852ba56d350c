"""Housing tests use the shared fixtures and a Safe Home case (seed 001 Lot 2) opened a while ago."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.testing.casework import CaseFactory
from haven.testing.fixtures import open_case, profile_contract, team_case

__all__ = ["open_case", "team_case"]


@pytest.fixture
def safehome_case(personas):
    """A case on a Safe Home contract (leicester-safehome-2012), in the caseworker's team,
    opened thirty days ago."""
    contract = profile_contract("leicester-safehome-2012", personas.organisation)
    case = CaseFactory(contract=contract, team=personas.team, allocated_to=personas.caseworker)
    case.opened_at = timezone.now() - dt.timedelta(days=30)
    case.save()
    return case


@pytest.fixture
def entry(safehome_case, personas):
    from haven.housing.services import housing_entry_record

    return housing_entry_record(
        case=safehome_case,
        recorded_by=personas.caseworker,
        entry_tenure="refuge",
        left_home_on=timezone.localdate() - dt.timedelta(days=40),
    )


@pytest.fixture
def outcome(safehome_case, personas):
    from haven.housing.services import safe_home_outcome_record

    return safe_home_outcome_record(
        case=safehome_case,
        recorded_by=personas.caseworker,
        kind="housing_transfer",
        achieved_on=timezone.localdate() - dt.timedelta(days=2),
    )
