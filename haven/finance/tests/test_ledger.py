"""The finance report's arithmetic (finance/ledger.py) over plain values."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from haven.finance.ledger import (
    IncomeRow,
    LinePlan,
    SpendRow,
    even_profile,
    finance_report,
    per_unit,
    year_months,
)

APRIL = date(2026, 4, 1)
MONTHS = year_months(APRIL)


def _staff(budget=120_000_00):
    return LinePlan("staff", budget, even_profile(budget, MONTHS))


@given(st.integers(min_value=0, max_value=10**11))
def test_an_even_profile_adds_up_to_the_budget_and_differs_by_a_penny_at_most(pence):
    """seed 004 s10: the profile of spend, spread evenly by default."""
    months = even_profile(pence, MONTHS)
    assert sum(months.values()) == pence
    assert max(months.values()) - min(months.values()) <= 1


def test_the_year_has_twelve_months_from_its_start_wokingham_in_july():
    assert year_months(date(2026, 7, 1))[0] == date(2026, 7, 1)
    assert year_months(date(2026, 7, 1))[-1] == date(2027, 6, 1)


def test_seed_001_s14_actual_against_projection_and_forecast_outturn():
    """Three months gone: profile £30,000; actual £32,000; the rest of the year's profile added
    to the actual gives the forecast outturn £122,000, £2,000 over the budget."""
    spend = [SpendRow(1, "staff", date(2026, 5, 10), 32_000_00)]
    report = finance_report(
        first=APRIL, as_at=date(2026, 6, 30), lines=[_staff()], spend=spend, income=[]
    )
    (line,) = report.lines
    assert line.profile_to_date_pence == 30_000_00
    assert line.actual_to_date_pence == 32_000_00
    assert line.variance_pence == 2_000_00
    assert line.forecast_outturn_pence == 122_000_00
    assert line.outturn_variance_pence == 2_000_00
    q1 = report.quarters[0]
    assert (q1.profile_pence, q1.actual_pence, q1.variance_pence) == (
        30_000_00,
        32_000_00,
        2_000_00,
    )
    assert report.quarters[1].actual_pence == 0


def test_a_month_not_yet_ended_is_still_to_come_in_the_profile():
    report = finance_report(
        first=APRIL, as_at=date(2026, 5, 15), lines=[_staff()], spend=[], income=[]
    )
    assert report.total.profile_to_date_pence == 10_000_00
    assert report.total.remaining_profile_pence == 110_000_00


def test_seed_004_s10_income_and_expenditure_to_date():
    report = finance_report(
        first=APRIL,
        as_at=date(2026, 9, 30),
        lines=[_staff()],
        spend=[
            SpendRow(1, "staff", date(2026, 4, 30), 9_000_00),
            SpendRow(2, "hardship_fund", date(2026, 8, 1), 120_50, "hardship"),
            SpendRow(3, "staff", date(2026, 10, 1), 5_00),  # after the day: not yet
        ],
        income=[
            IncomeRow(1, "contract_payment", date(2026, 4, 1), 30_000_00),
            IncomeRow(2, "other", date(2026, 7, 1), 500_00),
        ],
    )
    assert report.income_by_kind == {"contract_payment": 30_000_00, "other": 500_00}
    assert report.expenditure_pence == 9_120_50
    assert report.surplus_pence == 30_500_00 - 9_120_50
    # spend on a line with no budget still shows, against a budget of £0
    assert [line.category for line in report.lines] == ["staff", "hardship_fund"]


def test_spend_outside_the_year_is_not_counted():
    report = finance_report(
        first=APRIL,
        as_at=date(2027, 6, 1),  # after the year: clamped to its last day
        lines=[],
        spend=[SpendRow(1, "other", date(2026, 3, 31), 100), SpendRow(2, "other", APRIL, 7)],
        income=[],
    )
    assert report.as_at == date(2027, 3, 31)
    assert report.total.actual_to_date_pence == 7


def test_cost_per_unit_rounds_to_the_penny_and_has_no_figure_without_units():
    assert per_unit(100_00, 3) == 33_33
    assert per_unit(200, 3) == 67
    assert per_unit(100, 0) is None


def test_refunds_and_credit_notes_net_off_their_line_quarter_and_the_year():
    """Staff: £1,000.00 spent, £250.50 refunded: actual £749.50. Other (no budget): £100.00
    spent, a £150.25 credit note: actual -£50.25, not a crash. Total £699.25."""
    spend = [
        SpendRow(1, "staff", date(2026, 4, 20), 1_000_00, "imported"),
        SpendRow(2, "staff", date(2026, 5, 3), -250_50, "imported"),
        SpendRow(3, "other", date(2026, 4, 2), 100_00, "recorded"),
        SpendRow(4, "other", date(2026, 6, 30), -150_25, "recorded"),
        SpendRow(5, "staff", date(2026, 7, 1), -9_99, "imported"),  # after the day: not counted
    ]
    report = finance_report(
        first=APRIL,
        as_at=date(2026, 6, 30),
        lines=[_staff()],
        spend=spend,
        income=[IncomeRow(1, "contract_payment", date(2026, 4, 1), 500_00)],
    )
    staff, other = report.lines
    assert staff.actual_to_date_pence == 749_50
    assert staff.variance_pence == 749_50 - 30_000_00
    assert staff.forecast_outturn_pence == 90_749_50
    assert (other.category, other.budget_pence) == ("other", 0)
    assert other.actual_to_date_pence == -50_25
    assert other.variance_pence == -50_25
    assert other.forecast_outturn_pence == -50_25
    assert other.outturn_variance_pence == -50_25
    assert report.total.actual_to_date_pence == 699_25
    assert report.total.forecast_outturn_pence == 90_699_25
    assert report.quarters[0].actual_pence == 699_25
    assert report.expenditure_pence == 699_25
    assert report.surplus_pence == 500_00 - 699_25
    assert per_unit(report.expenditure_pence, 3) == 233_08  # £699.25 / 3 = £233.0833


def test_a_year_refunded_beyond_its_spend_has_a_negative_cost_per_case_rounded_symmetrically():
    assert per_unit(-5, 2) == -3  # -2.5p: half away from zero, as 2.5p rounds to 3p
    assert per_unit(5, 2) == 3
    assert per_unit(-50_25, 3) == -16_75
    assert per_unit(-1, 0) is None


@given(st.lists(st.integers(min_value=-(10**9), max_value=10**9).filter(bool), max_size=30))
def test_the_actual_is_the_plain_sum_of_spend_and_refunds(amounts):
    spend = [SpendRow(n, "staff", date(2026, 4, 1 + n % 28), p) for n, p in enumerate(amounts)]
    report = finance_report(first=APRIL, as_at=date(2027, 3, 31), lines=[], spend=spend, income=[])
    assert report.total.actual_to_date_pence == sum(amounts)
    assert sum(q.actual_pence for q in report.quarters) == sum(amounts)
