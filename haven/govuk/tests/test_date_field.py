import datetime as dt

import pytest
import time_machine

from haven.govuk.forms import GovukDateField, GovukForm
from haven.testing.html import parse

TODAY = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)


class BirthForm(GovukForm):
    date_of_birth = GovukDateField(
        label="Date of birth", hint="For example, 27 3 1985", when="past", birthday=True
    )
    incident_on = GovukDateField(
        label="Date of incident",
        required=False,
        earliest=dt.date(2020, 1, 1),
        latest=dt.date(2026, 12, 31),
    )


def dob(day="", month="", year=""):
    return {"date_of_birth-day": day, "date_of_birth-month": month, "date_of_birth-year": year}


def errors(data):
    form = BirthForm(data=data)
    form.is_valid()
    return form.errors.get("date_of_birth", [])


def wrong_boxes(data):
    page = parse(BirthForm(data=data)["date_of_birth"].as_field_group())
    return [
        i.attrs["name"].split("-")[-1]
        for i in page.find_all("input")
        if "govuk-input--error" in i.classes
    ]


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


def test_date_field_reads_day_month_year_boxes():
    form = BirthForm(data=dob("7", "3", "1985"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["date_of_birth"] == dt.date(1985, 3, 7)


def test_date_field_accepts_month_names_and_spaces():
    form = BirthForm(data=dob(" 7 ", "March", "1985"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["date_of_birth"] == dt.date(1985, 3, 7)


def test_date_field_empty_says_enter_date_of_birth_and_highlights_every_box():
    assert errors(dob()) == ["Enter date of birth"]
    assert wrong_boxes(dob()) == ["day", "month", "year"]


def test_date_field_missing_month_says_must_include_a_month():
    assert errors(dob("7", "", "1985")) == ["Date of birth must include a month"]
    assert wrong_boxes(dob("7", "", "1985")) == ["month"]


def test_date_field_missing_day_and_month_says_must_include_a_day_and_month():
    assert errors(dob("", "", "1985")) == ["Date of birth must include a day and month"]
    assert wrong_boxes(dob("", "", "1985")) == ["day", "month"]


def test_date_field_missing_year_says_must_include_a_year():
    assert errors(dob("7", "3", "")) == ["Date of birth must include a year"]


def test_date_field_impossible_day_says_must_be_a_real_date_and_highlights_day():
    assert errors(dob("30", "2", "1985")) == ["Date of birth must be a real date"]
    assert wrong_boxes(dob("30", "2", "1985")) == ["day"]


def test_date_field_month_13_highlights_only_the_month():
    assert errors(dob("7", "13", "1985")) == ["Date of birth must be a real date"]
    assert wrong_boxes(dob("7", "13", "1985")) == ["month"]


def test_date_field_letters_are_not_a_real_date():
    assert errors(dob("7", "3", "nineteen")) == ["Date of birth must be a real date"]
    assert wrong_boxes(dob("7", "3", "nineteen")) == ["year"]


def test_date_field_two_digit_year_says_year_must_include_4_numbers():
    assert errors(dob("7", "3", "85")) == ["Year must include 4 numbers"]
    assert wrong_boxes(dob("7", "3", "85")) == ["year"]


def test_date_field_today_is_not_in_the_past():
    assert errors(dob("10", "3", "2026")) == ["Date of birth must be in the past"]
    assert errors(dob("9", "3", "2026")) == []


def test_date_field_before_earliest_says_same_as_or_after():
    form = BirthForm(
        data={
            **dob("7", "3", "1985"),
            "incident_on-day": "31",
            "incident_on-month": "12",
            "incident_on-year": "2019",
        }
    )
    assert form.errors["incident_on"] == [
        "Date of incident must be the same as or after 1 January 2020"
    ]


def test_optional_date_field_left_empty_is_none():
    form = BirthForm(data=dob("7", "3", "1985"))
    assert form.is_valid()
    assert form.cleaned_data["incident_on"] is None


def test_date_field_renders_legend_hint_error_and_describedby():
    page = parse(BirthForm(data=dob("7", "", "1985"))["date_of_birth"].as_field_group())
    fieldset = page.find("fieldset")
    assert fieldset.attrs["role"] == "group"
    assert fieldset.find("legend").text == "Date of birth"
    assert fieldset.attrs["aria-describedby"] == "id_date_of_birth-hint id_date_of_birth-error"
    assert page.find(id="id_date_of_birth-error").text == (
        "Error: Date of birth must include a month"
    )
    day = page.find("input", id="id_date_of_birth-day")
    assert day.attrs["name"] == "date_of_birth-day"
    assert day.attrs["value"] == "7"
    assert day.attrs["inputmode"] == "numeric"
    assert day.attrs["autocomplete"] == "bday-day"
    assert page.find("label", for_="id_date_of_birth-month").text == "Month"


def test_date_field_shows_initial_date_in_boxes():
    page = parse(
        BirthForm(initial={"date_of_birth": dt.date(1985, 3, 7)})["date_of_birth"].as_field_group()
    )
    values = [i.attrs["value"] for i in page.find_all("input")]
    assert values == ["7", "3", "1985"]


def test_date_field_error_added_by_the_form_highlights_every_box():
    form = BirthForm(data=dob("7", "3", "1985"))
    form.is_valid()
    form.add_error("date_of_birth", "Date of birth must be before the referral")
    page = parse(form["date_of_birth"].as_field_group())
    assert len([i for i in page.find_all("input") if "govuk-input--error" in i.classes]) == 3
