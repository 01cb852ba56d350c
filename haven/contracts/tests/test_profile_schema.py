"""The profile schema (docs/profile-format.md): what it accepts, refuses and converts to rules."""

from datetime import datetime

import pytest
from pydantic import ValidationError

from haven.contracts.profiles.schema import DurationSpec, Profile
from haven.contracts.tests.sample_profiles import victim_first_data
from haven.deadlines import (
    LONDON,
    Action,
    BankHolidayHours,
    ContactMethod,
    Duration,
    DurationKind,
    RiskLevel,
    StartEvent,
)


def problems(data, **context):
    """(dotted loc, message) for each validation error."""
    with pytest.raises(ValidationError) as caught:
        Profile.model_validate(data, context=context or None)
    return [(".".join(map(str, e["loc"])), e["msg"]) for e in caught.value.errors()]


def test_the_sample_victim_first_profile_is_valid():
    profile = Profile.model_validate(victim_first_data())
    assert profile.slug == "victim-first-test"
    assert profile.calendar.subdiv == "ENG"  # default calendar: England and Wales
    assert profile.timezone == "Europe/London"


def test_rules_convert_to_deadline_dataclasses_with_their_citations():
    """seed 002 s3.7: phone within 48 h, 3 attempts, for the three phone methods."""
    phone, enhanced, *_ = Profile.model_validate(victim_first_data()).deadline_rules()
    assert phone.key == "first_contact_phone"
    assert phone.duration == Duration(DurationKind.HOURS, 48)
    assert phone.attempts == 3
    assert phone.action is Action.PHONE_CONTACT
    assert phone.citation == "seed 002 s3.7"
    assert phone.when.method == {
        ContactMethod.HOME_PHONE,
        ContactMethod.MOBILE_PHONE,
        ContactMethod.WORK_PHONE,
    }
    assert phone.when.risk is None
    assert enhanced.supersedes == "first_contact_phone"
    assert enhanced.when.risk == {RiskLevel.HIGH}


def test_schedules_convert_to_rules_after_the_deadlines():
    profile = Profile.model_validate(victim_first_data())
    assert [r.key for r in profile.rules()][-1] == "needs_assessment"
    assert profile.schedule_rules()[0].start is StartEvent.FIRST_CONTACT


def test_opening_hours_convert_to_a_service_clock():
    """seed 002 s3.2: closed on Sunday, 09:00-20:00 on Wednesday."""
    clock = Profile.model_validate(victim_first_data()).service_clock()
    assert clock.clock_starts_at_opening
    assert clock.opening_hours is not None
    assert clock.opening_hours.bank_holidays is BankHolidayHours.CLOSED
    assert not clock.hours.is_open(datetime(2026, 11, 29, 12, tzinfo=LONDON))
    assert clock.hours.is_open(datetime(2026, 12, 2, 19, 30, tzinfo=LONDON))


def test_a_profile_without_opening_hours_is_always_open():
    data = victim_first_data()
    data["opening_hours"] = None
    assert Profile.model_validate(data).service_clock().hours.is_always_open


def test_repeating_schedule_converts_its_interval():
    data = victim_first_data()
    data["schedules"][0]["repeat"] = {"every": {"months": 6}}
    assert Profile.model_validate(data).schedule_rules()[0].repeat_every == Duration.months(6)


def test_unknown_keys_are_errors_at_any_depth():
    data = victim_first_data()
    data["deadlines"][0]["atempts"] = 3
    data["openinghours"] = {}
    found = problems(data)
    assert ("deadlines.0.atempts", "Extra inputs are not permitted") in found
    assert ("openinghours", "Extra inputs are not permitted") in found


@pytest.mark.parametrize(
    ("duration", "message"),
    [
        ({}, "got none"),
        ({"hours": 48, "days": 2}, "got hours and days"),
        ({"same_day": False}, "same_day can only be true"),
    ],
)
def test_a_duration_needs_exactly_one_kind(duration, message):
    data = victim_first_data()
    data["deadlines"][0]["duration"] = duration
    [(loc, text)] = problems(data)
    assert loc == "deadlines.0.duration"
    assert message in text


def test_durations_are_whole_positive_numbers():
    data = victim_first_data()
    data["deadlines"][0]["duration"] = {"hours": 0}
    assert problems(data)[0][0] == "deadlines.0.duration.hours"
    data["deadlines"][0]["duration"] = {"hours": True}
    assert problems(data)[0][0] == "deadlines.0.duration.hours"


def test_durations_dump_only_their_kind():
    assert DurationSpec(working_days=5).model_dump() == {"working_days": 5}
    assert DurationSpec(same_day=True).model_dump(mode="json") == {"same_day": True}


def test_a_dumped_profile_validates_again():
    profile = Profile.model_validate(victim_first_data())
    assert Profile.model_validate(profile.model_dump(mode="json")) == profile


def test_rules_must_cite_their_seed():
    data = victim_first_data()
    del data["deadlines"][0]["citation"]
    data["deadlines"][1]["citation"] = ""
    found = dict(problems(data))
    assert found["deadlines.0.citation"] == "Field required"
    assert "at least 1 character" in found["deadlines.1.citation"]


def test_rule_keys_are_unique_across_deadlines_and_schedules():
    data = victim_first_data()
    data["schedules"][0]["key"] = "first_contact_email"
    assert problems(data) == [("schedules.0.key", "duplicate key; first used at deadlines[2]")]


def test_supersedes_must_name_an_existing_rule():
    data = victim_first_data()
    data["deadlines"][1]["supersedes"] = "first_contact_fone"
    [(loc, message)] = problems(data)
    assert loc == "deadlines.1.supersedes"
    assert message.startswith("names no rule in this profile; rule keys are ")


def test_a_rule_cannot_supersede_itself_or_loop():
    data = victim_first_data()
    data["deadlines"][1]["supersedes"] = "first_contact_phone_enhanced"
    assert problems(data) == [("deadlines.1.supersedes", "a rule cannot supersede itself")]
    data["deadlines"][1]["supersedes"] = "first_contact_phone"
    data["deadlines"][0]["supersedes"] = "first_contact_phone_enhanced"
    assert {loc for loc, _ in problems(data)} == {
        "deadlines.0.supersedes",
        "deadlines.1.supersedes",
    }


def test_slug_must_equal_the_file_name():
    found = problems(victim_first_data(), file_stem="victim-first-2018")
    assert found == [
        ("slug", "Value error, must equal the file name: the file is victim-first-2018.yaml")
    ]


def test_slug_is_lower_case_with_hyphens():
    data = victim_first_data()
    data["slug"] = "Victim_First"
    assert "lower-case letters, digits and single hyphens" in problems(data)[0][1]


def test_unquoted_times_get_a_helpful_message():
    data = victim_first_data()
    data["opening_hours"]["weekly"]["mon"] = [[540, 1080]]  # what YAML makes of 9:00 and 18:00
    assert 'write times in quotes, e.g. "18:00"' in problems(data)[0][1]


def test_opening_windows_must_open_before_they_close_and_not_overlap():
    data = victim_first_data()
    data["opening_hours"]["weekly"]["tue"] = [["18:00", "09:00"]]
    data["opening_hours"]["weekly"]["wed"] = [["09:00", "13:00"], ["12:00", "20:00"]]
    found = dict(problems(data))
    assert "open before it closes" in found["opening_hours.weekly.tue.0"]
    assert "overlap" in found["opening_hours.weekly.wed"]


def test_every_weekday_must_be_given():
    data = victim_first_data()
    del data["opening_hours"]["weekly"]["sun"]
    assert problems(data) == [("opening_hours.weekly.sun", "Field required")]


def test_calendar_subdivision_must_be_known_to_holidays():
    data = victim_first_data()
    data["calendar"] = {"country": "GB", "subdiv": "XYZ", "weekend": ["sat", "sun"]}
    [(loc, message)] = problems(data)
    assert loc == "calendar.subdiv"
    assert "choose from ENG" in message


def test_start_events_actions_and_methods_are_the_documented_ones():
    data = victim_first_data()
    data["deadlines"][0]["start"] = "recieved"
    data["deadlines"][0]["action"] = "phone"
    data["deadlines"][0]["when"]["method"] = ["fax"]
    assert {loc for loc, _ in problems(data)} == {
        "deadlines.0.start",
        "deadlines.0.action",
        "deadlines.0.when.method.0",
    }


def test_a_rule_on_a_method_the_contract_does_not_offer_never_applies():
    data = victim_first_data()
    data["contact_methods"] = ["home_phone", "mobile_phone", "work_phone", "in_person"]
    [(loc, message)] = problems(data)
    assert loc == "deadlines.2.when.method"
    assert message == "email not in contact_methods, so it never applies"


def test_an_empty_condition_list_is_refused():
    data = victim_first_data()
    data["deadlines"][0]["when"]["risk"] = []
    assert problems(data) == [
        ("deadlines.0.when.risk", "Value error, an empty list matches nothing; use null for any")
    ]


def test_stay_limits_are_for_refuges_and_accommodation():
    """seed 004 s7.3: a 20-week stay limit belongs to the refuge profile."""
    data = victim_first_data()
    data["stay_limit"] = {"duration": {"weeks": 20}, "citation": "seed 004 s7.3"}
    assert problems(data)[0][0] == "stay_limit"
    data["service_types"].append("refuge")
    assert Profile.model_validate(data).stay_limit is not None


def test_contract_year_start_is_a_month_and_day():
    data = victim_first_data()
    data["contract_year_start"] = "13-01"
    assert 'use "MM-DD"' in problems(data)[0][1]


def test_time_zone_must_exist():
    data = victim_first_data()
    data["timezone"] = "Europe/Atlantis"
    assert problems(data) == [("timezone", "Value error, not an IANA time zone; use Europe/London")]


def test_a_profile_must_name_its_document_with_title_and_year():
    data = victim_first_data()
    del data["document"]
    assert problems(data) == [("document", "Field required")]
    data["document"] = {"title": "Victim First service specification", "year": "2018 or so"}
    assert [loc for loc, _ in problems(data)] == ["document.year"]


def test_first_contact_on_success_defaults_to_engaged():
    data = victim_first_data()
    data["first_contact"] = {"attempt_limit": 3, "final_letter": True, "citation": "seed 002 s3.7"}
    assert Profile.model_validate(data).first_contact.on_success == "engaged"


def test_first_contact_on_success_is_engaged_or_ask():
    data = victim_first_data()
    data["first_contact"] = {"on_success": "waiting_list", "citation": "seed 002 s3.7"}
    assert [loc for loc, _ in problems(data)] == ["first_contact.on_success"]


def test_asking_what_a_successful_contact_leads_to_needs_a_citation():
    data = victim_first_data()
    data["first_contact"] = {"on_success": "ask", "citation": None}
    ((loc, message),) = problems(data)
    assert loc == "first_contact.citation"
    assert "on_success: ask needs a citation" in message
