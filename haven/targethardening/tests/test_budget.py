"""Spend, cost per property and time to fitting over plain values (seed 002 Lot 2 s4: "time
between referral and fitting", "cost per property", "spend to date")."""

from datetime import date
from decimal import Decimal

from haven.targethardening.budget import Fitting, JobCosts, figures, quarters, spend, year_start


def job(received, *fittings, level=3, id_=1):
    return JobCosts(
        id=id_,
        received_on=received,
        level=level,
        fittings=tuple(Fitting(on, Decimal(cost)) for on, cost in fittings),
    )


def test_spend_counts_items_fitted_in_the_period_only():
    jobs = [job(date(2026, 4, 1), (date(2026, 4, 3), "100"), (date(2026, 7, 2), "50"))]
    assert spend(jobs, date(2026, 4, 1), date(2026, 6, 30)) == Decimal("100.00")
    assert spend(jobs, date(2026, 4, 1), date(2027, 3, 31)) == Decimal("150.00")


def test_a_property_counts_in_the_quarter_of_its_first_fitting_with_the_days_from_referral():
    jobs = [
        job(date(2026, 4, 1), (date(2026, 4, 3), "100"), (date(2026, 4, 10), "20"), id_=1),
        job(date(2026, 4, 5), (date(2026, 4, 15), "300"), id_=2),
        job(date(2026, 4, 6), level=1, id_=3),  # advice only: no items, not a fitted property
    ]
    quarter = figures(jobs, date(2026, 4, 1), date(2026, 6, 30))
    assert quarter.properties == 2
    assert quarter.mean_cost == Decimal("210.00")
    assert quarter.max_cost == Decimal("300")
    assert quarter.median_days == 6.0  # 2 and 10 days
    assert quarter.spend == Decimal("420.00")


def test_an_empty_quarter_has_no_cost_or_time():
    quarter = figures([], date(2026, 4, 1), date(2026, 6, 30))
    assert (quarter.properties, quarter.mean_cost, quarter.median_days) == (0, None, None)


def test_the_contract_year_and_its_quarters():
    assert year_start(date(2026, 12, 7), "04-01") == date(2026, 4, 1)
    assert year_start(date(2027, 2, 1), "04-01") == date(2026, 4, 1)
    assert quarters(date(2026, 4, 1)) == [
        (date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 9, 30)),
        (date(2026, 10, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 3, 31)),
    ]
