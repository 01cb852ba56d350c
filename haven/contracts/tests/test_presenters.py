from haven.contracts.presenters import (
    describe_duration,
    describe_opening_hours,
    describe_rule,
    describe_when,
)


def test_durations_read_as_plain_english():
    assert describe_duration({"hours": 48}) == "48 hours"
    assert describe_duration({"same_day": True}) == "the same day"
    assert describe_duration({"working_days": 5}) == "5 working days"
    assert describe_duration({"days": 1}) == "the next day"
    assert describe_duration({"weeks": 1}) == "1 week"
    assert describe_duration({"hours": None, "months": 6}) == "6 months"


def test_rule_summary_names_start_duration_and_attempts():
    rule = {"start": "incident", "duration": {"hours": 24}, "attempts": None}
    assert describe_rule(rule) == "Within 24 hours of the police incident"
    assert (
        describe_rule({"start": "received", "duration": {"same_day": True}})
        == "On the day of receipt of the referral"
    )


def test_conditions_list_each_dimension():
    assert describe_when(None) == "Always"
    assert (
        describe_when(
            {"method": ["home_phone", "mobile_phone"], "risk": ["high"], "priority": None}
        )
        == "Contact by: home phone or mobile phone; Risk: high"
    )


def test_opening_hours_show_closed_days():
    rows = dict(
        describe_opening_hours(
            {"weekly": {"mon": [["09:00", "18:00"]], "sun": []}, "bank_holidays": "closed"}
        )
    )
    assert rows["Monday"] == "09:00 to 18:00"
    assert rows["Sunday"] == "Closed"
    assert rows["Bank holidays"] == "Closed"
