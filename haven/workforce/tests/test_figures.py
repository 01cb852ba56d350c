"""The pure workforce rules and figures (haven/workforce/figures.py), with plain values."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from haven.workforce import figures
from haven.workforce.figures import AbsenceRow, CompletionRow, CourseRow, PostRow, StaffRow


def staff(pk, *, kind="staff", contract="permanent", fte=1.0, start=date(2020, 1, 1),
          left=None, post=None):  # fmt: skip
    return StaffRow(pk, "org", kind, contract, fte, start, left, post)


def test_supervision_is_due_six_weeks_after_the_last_seed_000_s12_seed_004_s13():
    assert figures.supervision_due(date(2026, 1, 5), date(2020, 1, 1)) == date(2026, 2, 16)
    # none yet: six weeks after starting
    assert figures.supervision_due(None, date(2026, 1, 5)) == date(2026, 2, 16)


def test_vetting_status_seed_002_lot1_s12_s15():
    today = date(2026, 6, 1)
    assert figures.vetting_status(date(2026, 5, 31), True, today) == "lapsed"
    assert figures.vetting_status(date(2026, 6, 1), True, today) == "expiring"
    assert figures.vetting_status(date(2026, 7, 31), True, today) == "expiring"  # 60 days
    assert figures.vetting_status(date(2026, 8, 1), True, today) == "valid"
    assert figures.vetting_status(None, True, today) == "none"
    assert figures.vetting_status(None, False, today) == "not_required"
    assert not figures.may_take_new_cases(date(2026, 5, 31), True, today)
    assert not figures.may_take_new_cases(None, True, today)
    assert figures.may_take_new_cases(date(2026, 6, 1), True, today)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1)), st.integers(0, 60))
def test_working_days_count_monday_to_friday(first, length):
    last = date.fromordinal(first.toordinal() + length)
    expected = sum(
        date.fromordinal(d).weekday() < 5 for d in range(first.toordinal(), last.toordinal() + 1)
    )
    assert figures.working_days(first, last) == expected


def test_vacancy_is_vacant_fte_over_substantive_fte_in_post_seed_004_s10():
    posts = [
        PostRow("p1", "org", 2.0, date(2020, 1, 1), None),
        PostRow("p2", "org", 1.0, date(2020, 1, 1), None),
    ]
    people = [
        staff("a", post="p1"),
        staff("b", post="p2", fte=0.5),
        staff("c", post="p1", contract="agency"),  # temporary: does not fill the post
    ]  # fmt: skip
    vacant, filled = figures.vacancy(posts, people, date(2026, 3, 31))
    assert vacant == {"p1": 1.0, "p2": 0.5}
    assert figures.ratio(vacant, filled) == 1.5 / 1.5


def test_temporary_staffing_is_bank_agency_locum_fte_over_substantive():
    people = [staff("a"), staff("b", fte=0.5), staff("c", contract="bank", fte=0.3)]
    part, whole = figures.temporary_staffing(people, date(2026, 3, 31))
    assert round(figures.ratio(part, whole), 3) == 0.2


def test_turnover_is_leavers_in_12_months_over_average_heads():
    people = [
        staff("a"),
        staff("b"),
        staff("c", left=date(2026, 1, 31)),
        staff("d", start=date(2025, 10, 1)),
    ]
    left, average = figures.turnover(people, date(2026, 3, 31))
    # heads at the start: a, b, c (3); at the end: a, b, d (3); average 3; one left
    assert left == {"c": 1.0}
    assert figures.ratio(left, average) == 1 / 3


def test_sickness_is_fte_days_lost_over_available_and_split_long_short_stress():
    people = [staff("a"), staff("b", fte=0.5)]
    absences = [
        # Monday 2 to Friday 6 March 2026: 5 working days
        AbsenceRow("x", "a", date(2026, 3, 2), date(2026, 3, 6), "infection"),
        # 2 February to 6 March (33 days: long-term), stress; 5 working days in March
        AbsenceRow("y", "b", date(2026, 2, 2), date(2026, 3, 6), "stress"),
    ]
    lost, available = figures.sickness(people, absences, date(2026, 3, 1), date(2026, 3, 31))
    assert lost == {"a": 5.0, "b": 2.5}
    assert available == {"a": 22.0, "b": 11.0}
    part, whole = figures.absence_split(
        people, absences, date(2026, 3, 1), date(2026, 3, 31), which="long_term"
    )
    assert part == {"y": 2.5}
    assert whole == {"x": 5.0, "y": 2.5}
    part, _ = figures.absence_split(
        people, absences, date(2026, 3, 1), date(2026, 3, 31), which="stress"
    )
    assert part == {"y": 2.5}


def test_an_absence_still_going_on_counts_to_the_end_of_the_period():
    people = [staff("a")]
    absences = [AbsenceRow("x", "a", date(2026, 3, 30), None, "other")]
    lost, _ = figures.sickness(people, absences, date(2026, 3, 1), date(2026, 3, 31))
    assert lost == {"a": 2.0}


def test_training_compliance_needs_every_mandatory_course_in_date():
    courses = [CourseRow("safeguarding", True, True), CourseRow("dash", True, False)]
    people = [staff("a"), staff("v", kind="volunteer", contract="")]
    completions = [
        CompletionRow("1", "a", "safeguarding", None, date(2025, 1, 1), date(2027, 1, 1)),
        CompletionRow("2", "a", "dash", None, date(2023, 1, 1), date(2025, 1, 1)),  # expired
        CompletionRow("3", "v", "safeguarding", None, date(2025, 1, 1), None),
    ]
    compliant, present = figures.training_compliance(
        people, completions, courses, date(2026, 3, 31)
    )
    assert compliant == ["v"]
    assert present == ["a", "v"]


def test_plan_vs_actual_counts_every_contract_in_post():
    posts = [
        PostRow("p1", "org", 4.0, date(2020, 1, 1), None),
        PostRow("old", "org", 9.0, date(2019, 1, 1), date(2019, 12, 31)),
    ]
    people = [staff("a", post="p1"), staff("b", post="p1", contract="locum", fte=0.8)]
    actual, planned = figures.plan_vs_actual(posts, people, date(2026, 3, 31))
    assert planned == {"p1": 4.0}
    assert figures.ratio(actual, planned) == 1.8 / 4.0
