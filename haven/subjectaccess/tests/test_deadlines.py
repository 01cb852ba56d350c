"""Due dates of subject access requests (reference.md s7): one calendar month from receipt, the
month's last day when there is no corresponding date, the next working day, stopped-clock days
added (DUAA 2025 Art. 12A), three months from the original start when extended."""

from __future__ import annotations

import datetime as dt

import pytest

from haven.subjectaccess.deadlines import due_date, due_of, first_month_due
from haven.subjectaccess.models import ClockStop, StopReason
from haven.subjectaccess.tests.conftest import new_sar

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 7)


def test_reference_md_s7_due_one_calendar_month_from_the_day_of_receipt(world):
    # received Wednesday 4 November 2026: due Friday 4 December 2026
    sar = new_sar(world, received_on=dt.date(2026, 11, 4))
    assert due_date(sar, TODAY) == dt.date(2026, 12, 4)


def test_reference_md_s7_no_corresponding_date_uses_the_last_day_of_next_month(world):
    # 31 January 2026 -> 28 February 2026 is a Saturday -> Monday 2 March
    sar = new_sar(world, received_on=dt.date(2025, 12, 31))
    assert due_date(sar, TODAY) == dt.date(2026, 1, 31) + dt.timedelta(days=2)  # Sat -> Mon 2 Feb
    sar2 = new_sar(world, received_on=dt.date(2026, 1, 31))
    assert due_date(sar2, TODAY) == dt.date(2026, 3, 2)


def test_reference_md_s7_a_weekend_or_bank_holiday_moves_to_the_next_working_day(world):
    # received 25 November 2026: 25 December is Christmas Day (Friday), 28 December the
    # substitute Boxing Day holiday (Monday): due Tuesday 29 December
    sar = new_sar(world, received_on=dt.date(2026, 11, 25))
    assert due_date(sar, TODAY) == dt.date(2026, 12, 29)


def test_reference_md_s7_received_on_a_weekend_still_counts_from_that_day(world):
    sar = new_sar(world, received_on=dt.date(2026, 11, 7))  # a Saturday
    assert due_date(sar, TODAY) == dt.date(2026, 12, 7)  # Monday 7 December


def test_reference_md_s7_stopped_clock_days_push_the_deadline_back(world):
    """DUAA 2025 Art. 12A: the days between asking for ID and receiving it do not count."""
    sar = new_sar(world, received_on=dt.date(2026, 11, 4))
    ClockStop.objects.create(
        sar=sar,
        reason=StopReason.AWAITING_ID,
        started_on=dt.date(2026, 11, 5),
        ended_on=dt.date(2026, 11, 15),
    )
    assert due_date(sar, TODAY) == dt.date(2026, 12, 14)  # 4 Dec + 10 days, a Monday


def test_reference_md_s7_an_open_stop_keeps_moving_the_deadline(world):
    sar = new_sar(world, received_on=dt.date(2026, 11, 4))
    ClockStop.objects.create(
        sar=sar, reason=StopReason.AWAITING_CLARIFICATION, started_on=dt.date(2026, 12, 1)
    )
    assert due_date(sar, dt.date(2026, 12, 3)) == dt.date(2026, 12, 7)  # 4 Dec + 2, Sun -> Mon
    assert due_of(sar, dt.date(2026, 12, 3)).clock_stopped


def test_reference_md_s7_extension_is_three_months_from_the_original_start(world):
    sar = new_sar(world, received_on=dt.date(2026, 9, 30))
    sar.extended = True
    assert due_date(sar, TODAY) == dt.date(2026, 12, 30)
    assert first_month_due(sar, TODAY) == dt.date(2026, 10, 30)


def test_overdue_and_due_soon(world):
    sar = new_sar(world, received_on=dt.date(2026, 11, 4))
    overdue = due_of(sar, dt.date(2026, 12, 7))
    assert overdue.overdue
    assert overdue.days_left == -3
    soon = due_of(sar, dt.date(2026, 11, 30))
    assert soon.due_soon
    assert not soon.overdue
    assert not due_of(sar, dt.date(2026, 11, 10)).due_soon
