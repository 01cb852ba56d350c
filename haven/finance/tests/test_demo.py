"""The demo's finance (issue 16 item 7): budgets with profiles, spend and income over the demo's
two years for every contract, the same for the same seed."""

from datetime import UTC, datetime

import pytest

from haven.demodata.finance import build_demo_finance, demo_finance_reset
from haven.finance.models import BudgetLine, Income, ProfileMonth, Spend
from haven.testing.fixtures import profile_contract

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 7, 12, tzinfo=UTC)


def _build(personas):
    return build_demo_finance(organisation=personas.organisation, seed=7, now=NOW)


def test_every_contract_has_two_years_of_budget_spend_and_income(personas):
    contracts = [
        profile_contract(slug, personas.organisation)
        for slug in ("victim-first-2018", "wokingham-da-2017", "target-hardening-2018")
    ]
    assert _build(personas) > 0
    for contract in contracts:
        years = set(BudgetLine.objects.filter(contract=contract).values_list("year", flat=True))
        assert len(years) == 2, contract.slug
        assert Spend.objects.filter(contract=contract).exists()
        assert Income.objects.filter(contract=contract).exists()
    vf_lines = dict(
        BudgetLine.objects.filter(contract=contracts[0], year=2026).values_list(
            "category", "amount_pence"
        )
    )
    assert vf_lines["hardship_fund"] == 500_000  # seed 002 s3.8: £5k a year
    assert sum(vf_lines.values()) == 560_000_00  # seed 002 table 3
    assert ProfileMonth.objects.filter(line__contract=contracts[0]).count() == 2 * 12 * len(
        vf_lines
    )


def test_the_same_seed_builds_the_same_spend(personas):
    profile_contract("victim-first-2018", personas.organisation)
    _build(personas)
    first = sorted(Spend.objects.values_list("transaction_ref", "amount_pence"))
    demo_finance_reset(personas.organisation)
    assert not Spend.objects.exists()
    _build(personas)
    assert sorted(Spend.objects.values_list("transaction_ref", "amount_pence")) == first
