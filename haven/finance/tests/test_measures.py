"""The finance measures of the returns (reporting/measures/finance.py), over plain facts, and
loaded from the records for a contract (reporting/loaders.py)."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from haven.reporting.facts import CaseFact, Facts, FinanceIncomeFact, FinanceProfileFact
from haven.reporting.facts import FinanceSpendFact as Spend
from haven.reporting.measures import COMPUTATIONS, MeasureContext
from haven.reporting.periods import parse_period

Q1 = parse_period("2026-Q1", "04-01")  # April to June 2026
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def _ctx(facts, period=Q1):
    return MeasureContext(facts=facts, period=period, now=NOW)


def _spend():
    return [
        Spend(1, date(2026, 3, 31), 100.0, "staff", "imported"),  # the year before
        Spend(2, date(2026, 4, 1), 250.0, "staff", "imported"),
        Spend(3, date(2026, 6, 30), 20.5, "hardship_fund", "hardship"),
        Spend(4, date(2026, 7, 1), 9.0, "other", "recorded"),  # the next quarter
    ]


def test_seed_001_s14_actual_spend_in_the_quarter():
    figure = COMPUTATIONS["finance_spend"](_ctx(Facts(finance_spend=_spend())))
    assert figure.value == 270.5
    assert set(figure.numerator) == {2, 3}


def test_seed_000_s6_spend_to_date_runs_from_the_contract_years_start():
    q2 = parse_period("2026-Q2", "04-01")
    figure = COMPUTATIONS["finance_spend"](
        _ctx(Facts(finance_spend=_spend()), q2), window="year_to_date", year_start="04-01"
    )
    assert figure.value == 279.5


def test_seed_004_s10_income_received_in_the_quarter():
    income = [
        FinanceIncomeFact(1, date(2026, 4, 1), 30000.0, "contract_payment"),
        FinanceIncomeFact(2, date(2026, 7, 1), 30000.0, "contract_payment"),
    ]
    assert COMPUTATIONS["finance_income"](_ctx(Facts(finance_income=income))).value == 30000.0


def test_seed_001_s14_projection_this_quarter_and_the_next():
    profile = [
        FinanceProfileFact(n, date(2026, month, 1), 1000.0, "staff")
        for n, month in enumerate(range(4, 13))
    ]
    facts = Facts(finance_profile=profile)
    assert COMPUTATIONS["finance_projection"](_ctx(facts)).value == 3000.0
    next_quarter = COMPUTATIONS["finance_projection"](_ctx(facts), offset=1)
    assert next_quarter.value == 3000.0
    assert len(next_quarter.numerator) == 3  # July, August, September


def test_seed_003_s14_cost_per_case_supported_shares_the_spend_over_the_cases_open():
    def case(n, opened, closed=None):
        return CaseFact(n, n, None, "open", "", opened, None, closed, "", None, None)

    cases = [
        case("a", datetime(2026, 1, 1, tzinfo=UTC)),
        case("b", datetime(2026, 5, 1, tzinfo=UTC), datetime(2026, 5, 20, tzinfo=UTC)),
        case("c", datetime(2026, 7, 5, tzinfo=UTC)),  # opened after the quarter
        case("d", datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC)),
    ]
    figure = COMPUTATIONS["finance_cost_per_case"](_ctx(Facts(cases=cases, finance_spend=_spend())))
    assert set(figure.numerator) == {"a", "b"}
    assert figure.value == 135.25


def test_no_case_supported_gives_no_figure():
    figure = COMPUTATIONS["finance_cost_per_case"](_ctx(Facts(cases=[], finance_spend=_spend())))
    assert figure.value is None


@pytest.mark.django_db
def test_the_return_counts_recorded_spend_and_hardship_grants_paid(vf_contract, year, personas):
    """seed 002 s16: the quarterly financial return, from the records."""
    from haven.finance.services import spend_record
    from haven.reporting.loaders import load_facts

    today = timezone.localdate()
    spend_record(
        contract=vf_contract,
        spent_on=today,
        category="staff",
        description="Salaries",
        amount=Decimal("1000.10"),
        recorded_by=personas.service_manager,
    )
    period = parse_period(f"{today.year}-{today.month:02d}", "04-01")
    facts = load_facts(vf_contract, period.start, period.end, needs=frozenset({"finance"}))
    figure = COMPUTATIONS["finance_spend"](_ctx(facts, period))
    assert figure.value == 1000.1


@pytest.mark.django_db
def test_the_finance_facts_load_in_a_fixed_number_of_queries(vf_contract, staff_line, personas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from haven.finance.services import income_record, spend_record
    from haven.reporting.loaders import load_facts

    today = timezone.localdate()
    period = parse_period(f"{today.year}-{today.month:02d}", "04-01")

    def count():
        with CaptureQueriesContext(connection) as captured:
            load_facts(vf_contract, period.start, period.end, needs=frozenset({"finance"}))
        return len(captured)

    few = count()
    for n in range(5):
        spend_record(
            contract=vf_contract,
            spent_on=today,
            category="other",
            description=f"Item {n}",
            amount=Decimal("1"),
            recorded_by=personas.service_manager,
        )
        income_record(
            contract=vf_contract,
            received_on=today,
            kind="other",
            source="Synthetic grant",
            amount=Decimal("2"),
            recorded_by=personas.service_manager,
        )
    assert count() == few
