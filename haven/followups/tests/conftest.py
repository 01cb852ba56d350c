"""Follow-up tests: closed cases with follow-up duties (shared fixtures: haven/testing/fixtures.py)."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.testing.fixtures import contract_for, open_case, team_case
from haven.testing.followups import closed_after_contact

__all__ = ["contract_for", "open_case", "team_case"]


def _ten_days_ago():
    return timezone.now() - dt.timedelta(days=10)


@pytest.fixture
def dv360_closed(open_case, contract_for, personas):
    """An OPCC DV 360 case closed after contact: 1- and 12-month follow-ups (seed 000 s5, s8)."""
    case = open_case(contract_for("opcc-dv360"), received_at=_ten_days_ago())
    return closed_after_contact(case, personas.caseworker)


@pytest.fixture
def wokingham_closed(open_case, contract_for, personas):
    """A Wokingham case closed after contact: 6- and 12-month follow-ups (seed 003 s6.9)."""
    case = open_case(
        contract_for("wokingham-da-2017"), route="professional", received_at=_ten_days_ago()
    )
    return closed_after_contact(case, personas.caseworker)
