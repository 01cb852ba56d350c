"""Reporting periods follow each contract's own year, in UK local time (issue 10 s1)."""

from datetime import UTC, date, datetime

import pytest

from haven.reporting.periods import PeriodError, date_range, parse_period, period_containing

FINANCIAL = "04-01"  # seed 002 s17: financial years April-March
WOKINGHAM = "07-01"  # seed 003 s14: contract year from 1 July


def test_victim_first_q1_is_april_to_june():
    period = parse_period("2026-Q1", FINANCIAL)
    assert (period.first, period.last) == (date(2026, 4, 1), date(2026, 6, 30))


def test_wokingham_q1_is_july_to_september():
    # seed 003 s14: quarterly returns, contract year from 1 July
    period = parse_period("2026-Q1", WOKINGHAM)
    assert (period.first, period.last) == (date(2026, 7, 1), date(2026, 9, 30))


def test_q4_of_a_financial_year_is_in_the_next_calendar_year():
    period = parse_period("2026-Q4", FINANCIAL)
    assert (period.first, period.last) == (date(2027, 1, 1), date(2027, 3, 31))


def test_a_referral_at_235959_bst_on_30_june_belongs_to_the_quarter_ending_30_june():
    q1, q2 = parse_period("2026-Q1", FINANCIAL), parse_period("2026-Q2", FINANCIAL)
    last_second = datetime(2026, 6, 30, 22, 59, 59, tzinfo=UTC)  # 23:59:59 BST
    assert q1.contains(last_second)
    assert not q2.contains(last_second)
    assert q2.contains(datetime(2026, 6, 30, 23, 0, 0, tzinfo=UTC))  # 00:00 BST 1 July


def test_a_quarter_across_the_october_clock_change_ends_at_gmt_midnight():
    q3 = parse_period("2026-Q3", FINANCIAL)  # October-December 2026: ends in GMT
    assert q3.start == datetime(2026, 9, 30, 23, 0, tzinfo=UTC)  # midnight BST
    assert q3.end == datetime(2027, 1, 1, 0, 0, tzinfo=UTC)  # midnight GMT


def test_month_and_half_year():
    assert parse_period("2026-03", FINANCIAL).last == date(2026, 3, 31)
    h2 = parse_period("2026-H2", WOKINGHAM)
    assert (h2.first, h2.last) == (date(2027, 1, 1), date(2027, 6, 30))


def test_period_containing_and_previous_walk_back_across_the_year_start():
    q1 = period_containing(date(2026, 5, 17), "quarter", FINANCIAL)
    assert q1.code == "2026-Q1"
    assert q1.previous(FINANCIAL).code == "2025-Q4"
    assert [p.code for p in q1.trend(3, FINANCIAL)] == ["2025-Q3", "2025-Q4", "2026-Q1"]


def test_wokingham_june_is_q4_of_the_year_that_started_the_july_before():
    assert period_containing(date(2027, 6, 30), "quarter", WOKINGHAM).code == "2026-Q4"


@pytest.mark.parametrize("text", ["2026-Q5", "2026Q1", "26-Q1", "Q1", ""])
def test_unreadable_periods_say_what_to_write(text):
    with pytest.raises(PeriodError, match="2026-Q1"):
        parse_period(text, FINANCIAL)


def test_date_range_refuses_an_end_before_its_start():
    with pytest.raises(PeriodError, match="before the start"):
        date_range(date(2026, 5, 2), date(2026, 5, 1))


def test_month_13_is_refused_with_the_reason():
    with pytest.raises(PeriodError, match="01 to 12"):
        parse_period("2026-13", FINANCIAL)
