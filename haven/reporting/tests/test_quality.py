"""Data quality over hand-built facts (issue 10 s3; seed 004 s11.1 "100% complete quarterly data
with an exceptions report and remedial plan"): completeness per field and record type, which
fields the catalogue needs, and implausible values."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace

from haven.reporting.facts import CaseFact, Facts, PersonFact, ReferralFact, RiskFact
from haven.reporting.periods import parse_period
from haven.reporting.quality import FIELD_CHECKS, needed_by, quality_report

Q1 = parse_period("2026-Q1", "04-01")  # 1 April to 30 June 2026
TODAY = date(2026, 7, 10)
IN = datetime(2026, 5, 1, 10, tzinfo=UTC)
BEFORE = datetime(2026, 3, 1, 10, tzinfo=UTC)
FULL = {
    "sex": "female",
    "gender_same_as_birth": "yes",
    "sexual_orientation": "straight",
    "disability": "no",
    "ethnicity": "white_british",
    "religion": "none",
    "marital_status": "never",
    "pregnancy_maternity": "no",
}


def person(pid, born=date(1990, 1, 1), **answers):
    values = FULL | answers
    return PersonFact(pid, f"REF{pid}", born, False, "Leicester", *values.values())


def referral(rid, pid, received=IN, *, route="police", organisation="Police", decided=None):
    return ReferralFact(
        rid, pid, received, route, "email", "manual", organisation, "mobile_phone",
        "standard", "da", "", "accepted", decided,
    )  # fmt: skip


def case(
    cid, pid, rid, opened=IN, *, closed=None, exit_type="", risk="standard", contact=None, why=""
):
    return CaseFact(cid, pid, rid, "engaged", risk, opened, contact, closed, exit_type, 1, 1, why)


def measure(mid, compute, breakdowns=()):
    return SimpleNamespace(id=mid, compute=compute, breakdowns=list(breakdowns))


def facts_for(persons, referrals, cases, risks=()):
    return Facts(
        persons={p.id: p for p in persons},
        referrals=list(referrals),
        cases=list(cases),
        risks=list(risks),
    )


def test_sex_completeness_over_referrals_is_the_share_recorded():
    # four referrals received in the quarter: two people without sex recorded, so 2 of 4 = 50%;
    # a referral received before the quarter is not a record of it.
    people = [person(1), person(2, sex=""), person(3, sex="", ethnicity=""), person(4), person(5)]
    referrals = [referral(10 + i, i) for i in range(1, 5)] + [referral(15, 5, BEFORE, route="x")]
    report = quality_report(facts_for(people, referrals, []), Q1, [], TODAY)
    sex = report.field("referrals.sex")
    assert sex is not None
    assert (len(sex.checked), sex.complete, sex.share) == (4, 2, 0.5)
    assert set(sex.missing) == {12, 13}
    ethnicity = report.field("referrals.ethnicity")
    assert ethnicity is not None
    assert ethnicity.share == 0.75
    assert ethnicity.missing == (13,)


def test_prefer_not_to_say_is_a_complete_answer():
    people = [person(1, sex="prefer_not_to_say")]
    report = quality_report(facts_for(people, [referral(11, 1)], []), Q1, [], TODAY)
    assert report.field("referrals.sex").share == 1.0  # type: ignore[union-attr]


def test_adult_questions_are_not_checked_for_a_child_under_16():
    # Census 2021 asks sexual orientation from 16: a 10-year-old without one is not missing it.
    people = [person(1, born=date(2016, 1, 1), sexual_orientation="")]
    report = quality_report(facts_for(people, [referral(11, 1)], []), Q1, [], TODAY)
    orientation = report.field("referrals.sexual_orientation")
    assert orientation is not None
    assert orientation.checked == ()
    assert orientation.share is None


def test_exit_type_completeness_over_cases_closed_in_the_period():
    # three cases closed in the quarter, one without an exit type: 2 of 3 complete; a case still
    # open is not a closure.
    people = [person(i) for i in range(1, 5)]
    cases = [
        case(21, 1, None, BEFORE, closed=IN, exit_type="planned"),
        case(22, 2, None, BEFORE, closed=IN, exit_type="unplanned"),
        case(23, 3, None, BEFORE, closed=IN, exit_type=""),
        case(24, 4, None, BEFORE),
    ]
    report = quality_report(facts_for(people, [], cases), Q1, [], TODAY)
    exits = report.field("cases_closed.exit_type")
    assert exits is not None
    assert (len(exits.checked), exits.missing) == (3, (23,))
    assert round(exits.share, 4) == round(2 / 3, 4)  # type: ignore[arg-type]


def test_a_closure_without_an_exit_reason_is_a_gap_when_a_measure_breaks_down_by_it():
    # issue 11 exits (seed 004 s10 B: exits by reason): closures since exit reasons are
    # required always have one; an older or imported closure without one is listed to complete
    people = [person(1), person(2)]
    cases = [
        case(21, 1, None, BEFORE, closed=IN, exit_type="planned", why="support_goals_met"),
        case(22, 2, None, BEFORE, closed=IN, exit_type="planned"),
    ]
    exits_by_reason = measure("B8", "cases_closed", ["exit_reason"])
    report = quality_report(facts_for(people, [], cases), Q1, [exits_by_reason], TODAY)
    reasons = report.field("cases_closed.exit_reason")
    assert reasons is not None
    assert (len(reasons.checked), reasons.missing) == (2, (22,))
    assert (
        quality_report(facts_for(people, [], cases), Q1, [], TODAY).field(
            "cases_closed.exit_reason"
        )
        is None
    )  # no measure needs it: not listed


def test_fields_come_from_the_measure_catalogue():
    by_key = {c.key: c for c in FIELD_CHECKS}
    catalogue = [
        measure("A1", "referrals_received", ["primary_support_need"]),
        measure("B5", "planned_exits"),
        measure("X", None, ["risk_level"]),  # not recorded: needs nothing yet
    ]
    assert needed_by(by_key["primary_support_need"], catalogue) == ("A1",)
    assert needed_by(by_key["risk_level"], catalogue) == ()
    assert needed_by(by_key["exit_type"], catalogue)[0] == "B5"
    # the equality analysis needs the protected characteristics whatever the catalogue says
    assert needed_by(by_key["sex"], [])[0].startswith("Equality analysis")
    people = [person(1)]
    report = quality_report(facts_for(people, [referral(11, 1)], []), Q1, catalogue, TODAY)
    assert report.field("referrals.primary_support_need") is not None
    assert report.field("cases_open.risk_level") is None


def test_the_referring_agency_is_checked_for_agency_referrals_only():
    people = [person(1), person(2)]
    referrals = [
        referral(11, 1, route="self_referral", organisation=""),
        referral(12, 2, route="police", organisation=""),
    ]
    catalogue = [measure("A", "referrals_received", ["source_organisation"])]
    report = quality_report(facts_for(people, referrals, []), Q1, catalogue, TODAY)
    agency = report.field("referrals.source_organisation")
    assert agency is not None
    assert agency.checked == (12,)
    assert agency.missing == (12,)


def test_implausible_values_are_found():
    people = [person(1), person(2, born=date(2027, 1, 1)), person(3, born=date(1900, 1, 1))]
    referrals = [
        referral(11, 1, decided=datetime(2026, 4, 30, tzinfo=UTC)),  # decided before received
        referral(12, 2),
        referral(13, 3),
    ]
    cases = [
        case(21, 1, 11, closed=datetime(2026, 4, 20, tzinfo=UTC)),  # closed before opened
        case(22, 2, 12, contact=datetime(2026, 4, 2, tzinfo=UTC)),  # contact before referral
        case(23, 3, 13),
    ]
    risks = [RiskFact(31, 23, "initial", 10, "standard", datetime(2026, 4, 3, tzinfo=UTC), False)]
    report = quality_report(facts_for(people, referrals, cases, risks), Q1, [], TODAY)
    found = {check.key: check.ids for check in report.implausible}
    assert found["closed_before_opened"] == (21,)
    assert found["contact_before_referral"] == (22,)
    assert set(found["birth_implausible"]) == {12, 13}  # born in 2027; aged 126
    assert found["decided_before_received"] == (11,)
    assert found["risk_before_opened"] == (23,)


def test_exception_count_adds_missing_and_implausible_records():
    people = [person(1, sex="", religion=""), person(2)]
    referrals = [referral(11, 1), referral(12, 2, decided=datetime(2026, 4, 1, tzinfo=UTC))]
    report = quality_report(facts_for(people, referrals, []), Q1, [], TODAY)
    # person 1's referral misses sex and religion (2), referral 12 was decided before received (1)
    assert report.exception_count == 3


def test_seed_004_s10_the_type_of_disability_is_checked_where_a_measure_counts_by_it():
    """Asked of those who said they are disabled; needed only by a measure whose parameters
    name the types (seed 004 appendix 1 E10-E13)."""
    people = [
        person(1, disability="yes")._replace(disability_types=("physical",)),
        person(2, disability="yes"),  # no type ticked
        person(3, disability="no"),  # not asked
    ]
    referrals = [referral(10 + i, i) for i in (1, 2, 3)]
    counts_by_type = SimpleNamespace(
        id="E10", compute="exits_count", breakdowns=[], params={"disability_types": ["physical"]}
    )
    plain = measure("people", "people_supported")
    without = quality_report(facts_for(people, referrals, []), Q1, [plain], TODAY)
    assert without.field("referrals.disability_types") is None
    report = quality_report(facts_for(people, referrals, []), Q1, [counts_by_type], TODAY)
    types = report.field("referrals.disability_types")
    assert types is not None
    assert (set(types.checked), types.missing, types.needed_by) == ({11, 12}, (12,), ("E10",))


def test_seed_001_s6_immigration_status_is_checked_where_a_measure_counts_refugee_communities():
    people = [
        person(1)._replace(immigration_status="refugee"),
        person(2),
        person(3)._replace(immigration_status="prefer_not_to_say"),
    ]
    referrals = [referral(10 + i, i) for i in (1, 2, 3)]
    refugees = SimpleNamespace(
        id="urg_refugee", compute="people_in_group", breakdowns=[], params={"group": "refugee"}
    )
    others = SimpleNamespace(
        id="urg_male", compute="people_in_group", breakdowns=[], params={"group": "male"}
    )
    assert (
        quality_report(facts_for(people, referrals, []), Q1, [others], TODAY).field(
            "referrals.immigration_status"
        )
        is None
    )
    status = quality_report(facts_for(people, referrals, []), Q1, [refugees], TODAY).field(
        "referrals.immigration_status"
    )
    assert status is not None
    assert (len(status.checked), status.missing) == (3, (12,))
