"""When each contract's return is due (seed 003 s14, seed 002 s16, seed 004 s10)."""

from __future__ import annotations

import datetime as dt

import pytest

from haven.contracts.profiles.stored import profile_of
from haven.deadlines.rules import Duration
from haven.reporting.due import OVERDUE, SIGNED_OFF, SUBMITTED, return_due_on, return_status
from haven.reporting.periods import parse_period
from haven.reporting.services import return_due_date_set
from haven.reporting.snapshots import due_on_for, return_due_override
from haven.testing.fixtures import profile_contract


@pytest.mark.django_db
def test_wokingham_is_due_21_days_after_the_quarter(personas):
    # seed 003 s14: "within 21 days after the last date of each quarter period"
    contract = profile_contract("wokingham-da-2017", personas.organisation)
    period = parse_period("2026-Q1", profile_of(contract).contract_year_start)
    assert period.last == dt.date(2026, 9, 30)  # Wokingham's year starts on 1 July
    assert due_on_for(contract, period, None) == dt.date(2026, 10, 21)


@pytest.mark.django_db
def test_victim_first_is_due_within_one_month_of_the_quarter(personas):
    # seed 002 s16: "no more than one month after the conclusion of the monitoring period"
    contract = profile_contract("victim-first-2018", personas.organisation)
    period = parse_period("2026-Q1", profile_of(contract).contract_year_start)
    assert period.last == dt.date(2026, 6, 30)
    assert due_on_for(contract, period, None) == dt.date(2026, 7, 30)


@pytest.mark.django_db
def test_a_date_the_manager_sets_replaces_the_profile(personas):
    # seed 004 s10: Cornwall's KPIs are due "1 week prior to the contract review meetings"
    contract = profile_contract("cornwall-mens-refuge-2021", personas.organisation)
    period = parse_period("2026-Q2", profile_of(contract).contract_year_start)
    return_due_date_set(
        contract=contract,
        period=period,
        due_on=dt.date(2026, 10, 8),
        set_by=personas.service_manager,
        reason="Review meeting on 15 October",
    )
    override = return_due_override(contract, period)
    assert due_on_for(contract, period, override) == dt.date(2026, 10, 8)


def test_months_clamp_to_the_end_of_a_shorter_month():
    assert return_due_on(dt.date(2026, 12, 31), Duration.months(2)) == dt.date(2027, 2, 28)


def test_working_days_skip_weekends_and_bank_holidays():
    # Friday 1 May 2026 + 2 working days: Monday 4 May is the Early May bank holiday
    assert return_due_on(dt.date(2026, 5, 1), Duration.working_days(2)) == dt.date(2026, 5, 6)


def test_status_follows_the_current_version_then_the_date():
    due = dt.date(2026, 10, 21)
    assert return_status(due, dt.date(2026, 10, 21), None) == "due"
    assert return_status(due, dt.date(2026, 10, 22), None) == OVERDUE
    assert return_status(due, dt.date(2026, 10, 22), "signed_off") == SIGNED_OFF
    assert return_status(due, dt.date(2026, 10, 22), "submitted") == SUBMITTED
