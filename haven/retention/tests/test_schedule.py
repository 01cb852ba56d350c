"""The retention schedule: a per-record-type policy table (reference.md s7: "Retention is a
per-record-type policy table (rule code, trigger event, period), not a constant"; no national
standard exists, so CASE+6, DOB+25 and 6+ are local-practice defaults)."""

from __future__ import annotations

import datetime as dt

import pytest

from haven.retention.schedule import (
    DEFAULT_SCHEDULE,
    ScheduleError,
    add_years,
    financial_year_end,
    parse_schedule,
)


def test_reference_s7_defaults_are_case6_dob25_and_6plus_labelled_local_practice():
    schedule = parse_schedule(DEFAULT_SCHEDULE.read_text())
    assert {(r.record_type, r.code, r.trigger, r.years) for r in schedule.rules} == {
        ("adult", "CASE+6", "case_closed", 6),
        ("child", "DOB+25", "date_of_birth", 25),
        ("no_case", "6+", "financial_year_end_of_last_change", 6),
    }
    assert "Local-practice defaults" in schedule.source
    assert "no national standard" in schedule.source


def test_an_unknown_key_is_an_error_naming_where():
    text = DEFAULT_SCHEDULE.read_text().replace("    years: 6\n", "    years: 6\n    yeers: 7\n", 1)
    with pytest.raises(ScheduleError, match=r"rules\.0\.yeers: Extra inputs are not permitted"):
        parse_schedule(text, name="local.yaml")


def test_every_record_type_needs_exactly_one_rule():
    text = DEFAULT_SCHEDULE.read_text().replace("record_type: child", "record_type: adult")
    with pytest.raises(ScheduleError, match="more than one rule for adult"):
        parse_schedule(text)


def test_a_period_must_be_a_whole_number_of_years_from_one():
    text = DEFAULT_SCHEDULE.read_text().replace("years: 25", "years: 0")
    with pytest.raises(ScheduleError, match="years"):
        parse_schedule(text)


def test_dates():
    assert add_years(dt.date(2000, 2, 29), 25) == dt.date(2025, 2, 28)
    assert financial_year_end(dt.date(2020, 3, 31)) == dt.date(2020, 3, 31)
    assert financial_year_end(dt.date(2020, 4, 1)) == dt.date(2021, 3, 31)


def test_a_service_sets_its_own_schedule_and_an_invalid_one_fails_the_start_up_check(settings):
    from haven.retention.checks import retention_schedule_is_valid
    from haven.retention.schedule import schedule_in_force

    settings.HAVEN_RETENTION_SCHEDULE = DEFAULT_SCHEDULE.read_text().replace(
        "years: 25", "years: 30"
    )
    assert schedule_in_force().rule_for("child").years == 30
    assert retention_schedule_is_valid() == []
    settings.HAVEN_RETENTION_SCHEDULE = "rules: []\nsurce: typo\n"
    (error,) = retention_schedule_is_valid()
    assert error.id == "retention.E001"
    assert "HAVEN_RETENTION_SCHEDULE" in error.msg
    assert "surce" in error.msg
