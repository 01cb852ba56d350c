"""Plans tests: a Cornwall refuge case (seed 004 s4.2 support plan and week-10 review rules) with a
child in the survivor's household, and a Victim First case (its profile names need areas)."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.casework.tests.exit_fixtures import opened_days_ago, refuge_case, victim_first_case
from haven.plans.services import GoalInput
from haven.testing.fixtures import contract_for, open_case, team_case
from haven.testing.people import HouseholdLinkFactory

__all__ = ["contract_for", "open_case", "refuge_case", "team_case", "victim_first_case"]


def a_moment_ago(minutes=5):
    return timezone.now() - dt.timedelta(minutes=minutes)


def goal(area="accommodation", text="A safe place to live", **extra):
    return GoalInput(area=area, description=text, **extra)


@pytest.fixture
def child(refuge_case):
    """A child living with the refuge case's survivor."""
    return HouseholdLinkFactory(person=refuge_case.person).member


@pytest.fixture
def planning_case(team_case):
    """The caseworker's case on the personas' contract (no profile areas), opened ten days ago."""
    return opened_days_ago(team_case)
