"""Finance tests: Victim First (seed 002 s16: open book; its hardship fund, s3.8) delivered by
the personas' organisation, and this financial year."""

from decimal import Decimal

import pytest
from django.utils import timezone

from haven.hardship.services import financial_year_of
from haven.testing.fixtures import profile_contract


@pytest.fixture
def vf_contract(personas):
    return profile_contract("victim-first-2018", personas.organisation)


@pytest.fixture
def year(vf_contract):
    return financial_year_of(vf_contract, timezone.localdate())


@pytest.fixture
def staff_line(vf_contract, year, personas):
    from haven.finance.services import budget_line_set

    return budget_line_set(
        contract=vf_contract,
        year=year,
        category="staff",
        amount=Decimal("120000"),
        set_by=personas.service_manager,
    )
