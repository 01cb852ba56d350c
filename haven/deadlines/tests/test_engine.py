"""The engine on contracts.md "Deadline semantics" and its reference examples (inline rules)."""

from datetime import datetime

import pytest

from haven.deadlines import (
    LONDON,
    Action,
    BankHolidayHours,
    Condition,
    ContactMethod,
    DeadlineRule,
    Duration,
    OpeningHours,
    OpeningWindow,
    Priority,
    RiskLevel,
    ServiceClock,
    Situation,
    StartEvent,
    compute_deadline,
    due_time,
    evaluate,
    select_rules,
)
from haven.deadlines.working_days import WorkingDayCalendar

ENGLAND = WorkingDayCalendar()
PHONES = ["home_phone", "mobile_phone", "work_phone"]


def london(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


def rule(key: str, duration: Duration, **overrides: object) -> DeadlineRule:
    fields: dict[str, object] = {
        "key": key,
        "label": key.replace("_", " ").capitalize(),
        "start": StartEvent.RECEIVED,
        "duration": duration,
        "action": Action.CONTACT_ANY,
        "citation": "seed 002 s3.7",
    }
    return DeadlineRule(**(fields | overrides))  # type: ignore[arg-type]


# seed 002 s3.2: Victim First opening hours; the clock starts at the next opening (contracts.md).
_DAY = (OpeningWindow.parse("09:00", "18:00"),)
VICTIM_FIRST_CLOCK = ServiceClock(
    opening_hours=OpeningHours(
        (_DAY, _DAY, (OpeningWindow.parse("09:00", "20:00"),), _DAY, _DAY, _DAY, ()),
        BankHolidayHours.CLOSED,
    ),
    clock_starts_at_opening=True,
)
# seed 002 s3.7: first-contact rules by the victim's chosen method.
VICTIM_FIRST_RULES = (
    rule("first_contact_phone", Duration.hours(48), attempts=3, when=Condition.of(method=PHONES)),
    rule(
        "first_contact_phone_enhanced",
        Duration.hours(24),
        when=Condition.of(method=PHONES, risk=["high"]),
        supersedes="first_contact_phone",
    ),
    rule("first_contact_email", Duration.same_day(), when=Condition.of(method=["email"])),
    rule("in_person_visit_letter", Duration.same_day(), when=Condition.of(method=["in_person"])),
    rule("in_person_visit", Duration.working_days(5), when=Condition.of(method=["in_person"])),
    rule("needs_assessment", Duration.working_days(5), start=StartEvent.FIRST_CONTACT),
)


def due_for(method: str, received: str, **situation: object) -> dict[str, datetime]:
    events = {StartEvent.RECEIVED: london(received)}
    facts = Situation(events=events, method=ContactMethod(method), **situation)  # type: ignore[arg-type]
    evaluation = evaluate(VICTIM_FIRST_RULES, facts, VICTIM_FIRST_CLOCK)
    return {item.rule.key: item.due for item in evaluation.computed}


def test_victim_first_telephone_referral_is_due_48_hours_later():
    """contracts.md reference: Victim First, telephone, Tue 1 Dec 2026 10:00 -> Thu 3 Dec 10:00."""
    assert due_for("home_phone", "2026-12-01T10:00") == {
        "first_contact_phone": london("2026-12-03T10:00")
    }


def test_victim_first_email_referral_is_due_by_the_end_of_the_day():
    """contracts.md reference: Victim First, email, Tue 1 Dec 2026 10:00 -> Tue 1 Dec 23:59:59."""
    assert due_for("email", "2026-12-01T10:00") == {
        "first_contact_email": london("2026-12-01T23:59:59")
    }


def test_victim_first_in_person_referral_skips_christmas_bank_holidays():
    """contracts.md reference: in person Mon 21 Dec 2026 11:00 -> letter that day, visit 30 Dec."""
    assert due_for("in_person", "2026-12-21T11:00") == {
        "in_person_visit_letter": london("2026-12-21T23:59:59"),
        "in_person_visit": london("2026-12-30T23:59:59"),
    }


def test_dv360_phone_deadline_is_24_elapsed_hours_across_the_clock_change():
    """contracts.md reference (seed 000 s5): incident 24 Oct 23:00 BST -> 25 Oct 22:00 GMT."""
    phone = rule("first_contact_phone", Duration.hours(24), start=StartEvent.INCIDENT)
    dv360_clock = ServiceClock(clock_starts_at_opening=False)
    computed = compute_deadline(phone, london("2026-10-24T23:00"), dv360_clock)
    assert computed.due == datetime.fromisoformat("2026-10-25T22:00+00:00")
    assert computed.due.isoformat() == "2026-10-25T22:00:00+00:00"
    assert "across the clock change (BST to GMT)" in computed.explanation


def test_wokingham_enquiry_skips_the_late_summer_bank_holiday():
    """contracts.md reference (seed 003 s6.1): Wokingham Fri 28 Aug 16:00 -> Wed 2 Sep 23:59:59."""
    enquiry = rule("enquiry_response", Duration.working_days(2), citation="seed 003 s6.1")
    computed = compute_deadline(enquiry, london("2026-08-28T16:00"), ServiceClock())
    assert computed.due == london("2026-09-02T23:59:59")
    assert "skipping bank holidays Monday 31 Aug 2026 (Late Summer Bank Holiday)" in computed.why


def test_phone_referral_on_sunday_starts_clock_at_monday_opening():
    """seed 002 s3.2 closed on Sunday; contracts.md: clock starts at the next opening time."""
    computed = compute_deadline(
        VICTIM_FIRST_RULES[0], london("2026-11-29T14:00"), VICTIM_FIRST_CLOCK
    )
    assert computed.clock_start.starts_at == london("2026-11-30T09:00")
    assert computed.due == london("2026-12-02T09:00")
    assert (
        "arrived Sunday 29 Nov 2026 14:00 GMT while closed (closed on Sundays); "
        "clock starts Monday 30 Nov 2026 09:00 GMT at the next opening"
    ) in computed.explanation


def test_explanation_names_the_rule_its_citation_the_start_and_the_result():
    computed = compute_deadline(
        VICTIM_FIRST_RULES[0], london("2026-12-01T10:00"), VICTIM_FIRST_CLOCK
    )
    assert computed.explanation == (
        "First contact phone (first_contact_phone, seed 002 s3.7): arrived Tuesday 1 Dec 2026 "
        "10:00 GMT while open; clock starts then; 48 hours elapsed: due Thursday 3 Dec 2026 "
        "10:00 GMT; 3 attempts"
    )


def test_a_rule_can_opt_out_of_waiting_for_opening():
    emergency = rule("emergency_visit", Duration.hours(4), clock_starts_at_opening=False)
    computed = compute_deadline(emergency, london("2026-11-29T14:00"), VICTIM_FIRST_CLOCK)
    assert computed.due == london("2026-11-29T18:00")


def test_a_rule_can_opt_in_to_waiting_when_the_profile_does_not():
    waits = rule("call_back", Duration.hours(2), clock_starts_at_opening=True)
    clock = ServiceClock(opening_hours=VICTIM_FIRST_CLOCK.opening_hours)
    assert compute_deadline(waits, london("2026-12-01T07:00"), clock).due == london(
        "2026-12-01T11:00"
    )


def test_same_day_after_closing_moves_to_the_next_opening_day():
    computed = compute_deadline(
        VICTIM_FIRST_RULES[2], london("2026-12-01T19:00"), VICTIM_FIRST_CLOCK
    )
    assert computed.due == london("2026-12-02T23:59:59")


@pytest.mark.parametrize(
    ("duration", "start", "due"),
    [
        (Duration.days(1), "2026-12-31T22:00", "2027-01-01T23:59:59"),
        (Duration.weeks(2), "2026-03-20T10:00", "2026-04-03T23:59:59"),
        (Duration.weeks(20), "2026-01-01T00:00", "2026-05-21T23:59:59"),
        (Duration.months(1), "2027-01-31T10:00", "2027-02-28T23:59:59"),
        (Duration.months(1), "2028-01-31T10:00", "2028-02-29T23:59:59"),
        (Duration.months(12), "2026-02-28T10:00", "2027-02-28T23:59:59"),
        (Duration.same_day(), "2026-03-29T00:30", "2026-03-29T23:59:59"),
        (Duration.same_day(), "2026-10-25T01:30", "2026-10-25T23:59:59"),
    ],
)
def test_calendar_durations_end_at_23_59_59_local(duration, start, due):
    assert due_time(duration, london(start), ENGLAND) == london(due)


def test_due_times_are_london_times_whatever_zone_the_start_is_in():
    start = datetime.fromisoformat("2026-07-01T22:30+00:00")  # 23:30 BST
    due = due_time(Duration.same_day(), start, ENGLAND)
    assert due.tzinfo == LONDON
    assert due == london("2026-07-01T23:59:59")


def test_days_count_from_the_local_date_not_the_utc_date():
    start = datetime.fromisoformat("2026-06-30T23:30+00:00").astimezone(LONDON)  # 1 July 00:30 BST
    assert due_time(Duration.days(1), start, ENGLAND) == london("2026-07-02T23:59:59")


def test_hours_across_the_spring_clock_change_are_elapsed_hours():
    due = due_time(Duration.hours(24), london("2026-03-28T12:00"), ENGLAND)
    assert due == london("2026-03-29T13:00")  # BST: the wall clock shows one hour more


def test_supersedes_drops_the_standard_rule_when_the_enhanced_one_applies():
    """seed 002 s3.7: risk may enhance the offer to telephone contact within 24 hours."""
    assert due_for("mobile_phone", "2026-12-01T10:00", risk=RiskLevel.HIGH) == {
        "first_contact_phone_enhanced": london("2026-12-02T10:00")
    }


def test_superseded_rule_is_reported_with_its_replacement():
    facts = Situation(method=ContactMethod.HOME_PHONE, risk=RiskLevel.HIGH)
    applying, superseded, _ = select_rules(VICTIM_FIRST_RULES, facts)
    assert [r.key for r in applying] == ["first_contact_phone_enhanced", "needs_assessment"]
    assert [(a.key, b.key) for a, b in superseded] == [
        ("first_contact_phone", "first_contact_phone_enhanced")
    ]


def test_a_rule_conditioned_on_a_dimension_not_supplied_does_not_apply():
    facts = Situation(events={StartEvent.RECEIVED: london("2026-12-01T10:00")})
    evaluation = evaluate(VICTIM_FIRST_RULES, facts, VICTIM_FIRST_CLOCK)
    assert evaluation.computed == ()
    assert [r.key for r in evaluation.not_applicable] == [r.key for r in VICTIM_FIRST_RULES[:5]]


def test_a_rule_without_its_start_time_is_reported_not_dropped():
    evaluation = evaluate(
        VICTIM_FIRST_RULES,
        Situation(
            events={StartEvent.RECEIVED: london("2026-12-01T10:00")}, method=ContactMethod.EMAIL
        ),
        VICTIM_FIRST_CLOCK,
    )
    assert [(n.rule.key, n.missing) for n in evaluation.not_computed] == [
        ("needs_assessment", StartEvent.FIRST_CONTACT)
    ]


def test_priority_condition_selects_the_emergency_rule():
    """seed 002 Lot 2 s3.1: emergency referrals attended within 4 hours."""
    emergency = rule(
        "emergency_visit",
        Duration.hours(4),
        when=Condition.of(priority=["emergency"]),
        supersedes="standard_visit",
    )
    standard = rule("standard_visit", Duration.working_days(5))
    facts = Situation(priority=Priority.EMERGENCY)
    applying, superseded, _ = select_rules((standard, emergency), facts)
    assert [r.key for r in applying] == ["emergency_visit"]
    assert superseded == [(standard, emergency)]
    assert select_rules((standard, emergency), Situation())[0] == [standard]


def test_repeating_schedules_say_how_often_they_recur():
    reassessment = rule("reassessment", Duration.months(6), repeat_every=Duration.months(6))
    computed = compute_deadline(reassessment, london("2026-01-15T10:00"), ServiceClock())
    assert computed.due == london("2026-07-15T23:59:59")
    assert computed.why.endswith("then every 6 months")


def test_naive_start_times_are_refused():
    with pytest.raises(ValueError, match="no time zone"):
        compute_deadline(VICTIM_FIRST_RULES[0], datetime(2026, 12, 1, 10), VICTIM_FIRST_CLOCK)  # noqa: DTZ001


@pytest.mark.parametrize(
    ("duration", "words"),
    [
        (Duration.hours(1), "1 hour"),
        (Duration.same_day(), "the same day"),
        (Duration.working_days(5), "5 working days"),
        (Duration.months(1), "1 month"),
    ],
)
def test_durations_describe_themselves(duration, words):
    assert duration.describe() == words


def test_durations_need_a_positive_amount():
    with pytest.raises(ValueError, match="at least 1"):
        Duration.days(0)
