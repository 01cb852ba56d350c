import datetime as dt
import zoneinfo

import pytest
import time_machine

from haven.govuk.forms import GovukDateTimeField, GovukForm
from haven.testing.html import parse

LONDON = zoneinfo.ZoneInfo("Europe/London")


class ContactForm(GovukForm):
    contacted_at = GovukDateTimeField(label="Time of contact", when="past")


def at(day="", month="", year="", hour="", minute=""):
    return {
        "contacted_at-day": day,
        "contacted_at-month": month,
        "contacted_at-year": year,
        "contacted_at-hour": hour,
        "contacted_at-minute": minute,
    }


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(dt.datetime(2026, 7, 1, 12, 0, tzinfo=dt.UTC), tick=False):
        yield


def test_datetime_field_reads_london_time_as_aware_datetime():
    form = ContactForm(data=at("30", "6", "2026", "14", "05"))
    assert form.is_valid(), form.errors
    value = form.cleaned_data["contacted_at"]
    assert value == dt.datetime(2026, 6, 30, 14, 5, tzinfo=LONDON)
    assert value.utcoffset() == dt.timedelta(hours=1)


def test_datetime_field_missing_hour_and_minute_says_must_include_an_hour_and_minute():
    assert ContactForm(data=at("30", "6", "2026")).errors["contacted_at"] == [
        "Time of contact must include an hour and minute"
    ]


def test_datetime_field_hour_25_is_not_a_real_time_and_highlights_hour():
    form = ContactForm(data=at("30", "6", "2026", "25", "00"))
    assert form.errors["contacted_at"] == ["Time of contact must be a real time"]
    page = parse(form["contacted_at"].as_field_group())
    wrong = [i.attrs["name"] for i in page.find_all("input") if "govuk-input--error" in i.classes]
    assert wrong == ["contacted_at-hour"]


def test_datetime_field_later_today_is_not_in_the_past():
    assert ContactForm(data=at("1", "7", "2026", "14", "00")).errors["contacted_at"] == [
        "Time of contact must be in the past"
    ]


def test_datetime_field_renders_five_labelled_boxes():
    page = parse(ContactForm()["contacted_at"].as_field_group())
    labels = [label.text for label in page.find_all("label")]
    assert labels == ["Day", "Month", "Year", "Hour", "Minute"]
    assert page.find("input", id="id_contacted_at-hour").attrs["name"] == "contacted_at-hour"


def test_datetime_field_shows_initial_value_in_local_time():
    initial = dt.datetime(2026, 6, 30, 13, 5, tzinfo=dt.UTC)
    page = parse(ContactForm(initial={"contacted_at": initial})["contacted_at"].as_field_group())
    assert [i.attrs["value"] for i in page.find_all("input")] == ["30", "6", "2026", "14", "05"]
