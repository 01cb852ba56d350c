"""Outcome tests: a Wokingham case (the profile asks Haven's adult and children's questions)
opened a month ago in the caseworker's team."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.testing.casework import CaseFactory
from haven.testing.fixtures import open_case, profile_contract, team_case

__all__ = ["open_case", "team_case"]


@pytest.fixture
def outcome_case(personas):
    return CaseFactory(
        contract=profile_contract("wokingham-da-2017", personas.organisation),
        team=personas.team,
        allocated_to=personas.caseworker,
        opened_at=timezone.now() - dt.timedelta(days=30),
    )


@pytest.fixture
def lvs_case(personas):
    """A Leicester Victim and Survivor case: intake and exit monitoring, exit forms typed."""
    return CaseFactory(
        contract=profile_contract("leicester-victim-survivor-2012", personas.organisation),
        team=personas.team,
        allocated_to=personas.caseworker,
        opened_at=timezone.now() - dt.timedelta(days=30),
    )
