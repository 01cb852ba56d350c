"""Hostile and implausible date boxes get a GOV.UK error, never an exception (issue 9 s4)."""

import datetime as dt

import pytest
import time_machine

from haven.govuk.forms import GovukDateField, GovukDateTimeField, GovukForm

NOW = dt.datetime(2026, 7, 1, 12, 0, tzinfo=dt.UTC)


class EventForm(GovukForm):
    happened_on = GovukDateField(label="Date it happened", when="today_or_past")
    recorded_at = GovukDateTimeField(label="Time recorded", when="today_or_past")
    planned_on = GovukDateField(label="Planned date", required=False)


def data(day="1", month="6", year="2026", hour="10", minute="00", planned=("", "", "")):
    return {
        "happened_on-day": day,
        "happened_on-month": month,
        "happened_on-year": year,
        "recorded_at-day": day,
        "recorded_at-month": month,
        "recorded_at-year": year,
        "recorded_at-hour": hour,
        "recorded_at-minute": minute,
        "planned_on-day": planned[0],
        "planned_on-month": planned[1],
        "planned_on-year": planned[2],
    }


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def errors(**values):
    form = EventForm(data=data(**values))
    form.is_valid()
    return {name: list(messages) for name, messages in form.errors.items()}


def test_a_plausible_date_and_time_is_accepted():
    assert errors() == {}


@pytest.mark.parametrize("digit", ["²", "³", "١", "１"])
def test_unicode_digits_are_not_a_real_date(digit):
    found = errors(day=digit, hour=digit)
    assert found["happened_on"] == ["Date it happened must be a real date"]
    assert found["recorded_at"] == ["Time recorded must be a real date"]


@pytest.mark.parametrize("day", ["9" * 5000, "-1", "1e3", "0x1", " 1 2 "])
def test_strange_numbers_in_a_box_are_not_a_real_date(day):
    assert errors(day=day)["happened_on"] == ["Date it happened must be a real date"]


def test_year_1000_is_before_1900():
    found = errors(year="1000")
    assert found["happened_on"] == ["Date it happened must be the same as or after 1 January 1900"]
    assert found["recorded_at"] == ["Time recorded must be the same as or after 1 January 1900"]


@pytest.mark.parametrize("year", ["0", "10000", "99999"])
def test_years_without_four_numbers_say_so(year):
    assert errors(year=year)["happened_on"] == ["Year must include 4 numbers"]


def test_year_9999_is_in_the_future_for_a_recorded_date():
    found = errors(year="9999")
    assert found["happened_on"] == ["Date it happened must be today or in the past"]
    assert found["recorded_at"] == ["Time recorded must be the same as or before 31 December 2099"]


def test_a_date_without_when_is_still_bounded_to_2099():
    found = errors(planned=("1", "1", "9999"))
    assert found["planned_on"] == ["Planned date must be the same as or before 31 December 2099"]


def test_a_time_a_few_minutes_ahead_is_clock_skew_but_an_hour_ahead_is_the_future():
    # 12:00 UTC is 13:00 in London in July
    assert "recorded_at" not in errors(day="1", month="7", hour="13", minute="04")
    assert errors(day="1", month="7", hour="14", minute="00")["recorded_at"] == [
        "Time recorded must be in the past"
    ]
