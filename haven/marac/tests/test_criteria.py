"""The MARAC referral criteria as plain functions (reference.md s1.4)."""

import datetime as dt

from haven.marac.criteria import criteria_from_reasons, escalated, is_repeat

DAY = dt.date(2026, 3, 10)


def test_reference_s1_4_the_checklist_reasons_that_are_criteria_in_safelives_order():
    reasons = ["potential_escalation", "medium_band", "visible_high_risk", "override"]
    assert criteria_from_reasons(reasons) == ["visible_high_risk", "potential_escalation"]
    assert criteria_from_reasons(["standard_band"]) == []


def test_reference_s1_4_repeat_is_any_incident_within_12_months_of_the_last_referral():
    assert is_repeat(DAY, DAY)
    assert is_repeat(DAY, DAY + dt.timedelta(days=365))
    assert not is_repeat(DAY, DAY + dt.timedelta(days=366))  # a new referral, not a repeat
    assert not is_repeat(DAY, DAY - dt.timedelta(days=1))
    assert not is_repeat(None, DAY)


def test_reference_s1_4_potential_escalation_counts_incidents_in_the_12_months_to_the_day():
    days = [DAY, DAY - dt.timedelta(days=100), DAY - dt.timedelta(days=400)]
    assert not escalated(days, DAY, 3)
    assert escalated([*days, DAY - dt.timedelta(days=5)], DAY, 3)
    assert not escalated(days * 5, DAY, None)  # switched off for the area
