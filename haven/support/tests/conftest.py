"""Support tests use the shared fixtures (haven/testing/fixtures.py) and a case opened a while ago."""

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
