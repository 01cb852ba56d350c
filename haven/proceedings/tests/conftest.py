"""Proceedings tests use the shared fixtures (haven/testing/fixtures.py) and a case opened a while ago."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.testing.fixtures import open_case, team_case

__all__ = ["open_case", "team_case"]


@pytest.fixture
def supported_case(team_case):
    """The caseworker's case, opened ten days ago."""
    team_case.opened_at = timezone.now() - dt.timedelta(days=10)
    team_case.save()
    return team_case


@pytest.fixture
def prosecution(supported_case, personas):
    from haven.proceedings.services import proceeding_record

    return proceeding_record(
        case=supported_case,
        recorded_by=personas.caseworker,
        kind="criminal_prosecution",
        court_type="magistrates",
        court_name="Synthetic Magistrates' Court",
        specialist_dv_court=True,
        started_on=timezone.localdate() - dt.timedelta(days=30),
    )
