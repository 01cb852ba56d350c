"""Safeguarding tests use the shared fixtures (haven/testing/fixtures.py): a case opened a while
ago whose survivor has a child in the household."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.testing.fixtures import open_case, team_case
from haven.testing.people import HouseholdLinkFactory

__all__ = ["open_case", "team_case"]


@pytest.fixture
def supported_case(team_case):
    """The caseworker's case, opened ten days ago."""
    team_case.opened_at = timezone.now() - dt.timedelta(days=10)
    team_case.save()
    return team_case


@pytest.fixture
def child(supported_case):
    """A child in the household of the case's survivor."""
    return HouseholdLinkFactory(
        person=supported_case.person, member__organisation=supported_case.person.organisation
    ).member


@pytest.fixture
def alert(supported_case, personas):
    from haven.safeguarding.adults import alert_raise

    return alert_raise(
        case=supported_case,
        recorded_by=personas.caseworker,
        raised_on=timezone.localdate() - dt.timedelta(days=2),
        concern="Synthetic concern about an adult at risk",
    )


@pytest.fixture
def think_family_contract(personas):
    """The personas' contract asks the Think Family questions (seed 004 s6.5)."""
    personas.contract.profile = {**personas.contract.profile, "think_family": True}
    personas.contract.save()
    return personas.contract


@pytest.fixture
def conference(supported_case, child, personas):
    from haven.safeguarding.services import safeguarding_event_record

    return safeguarding_event_record(
        case=supported_case,
        recorded_by=personas.caseworker,
        kind="cp_conference",
        occurred_on=timezone.localdate() - dt.timedelta(days=1),
        child=child,
        attended=False,
    )
