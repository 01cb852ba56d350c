"""Every computed measure of the four Leicester City 2012 lots (seed 001), each over a small
hand-built world whose expected value is reasoned out in a comment. Each test reads the measure's
computation and params from the lot's profile YAML, so a change there is tested here.

Periods: 2026-Q1 of the financial year is 1 April - 30 June 2026 (UK local time); BST runs
throughout, so local midnight on 1 April is 23:00 UTC on 31 March and the quarter ends at
23:00 UTC on 30 June.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from haven.reporting.facts import (
    CaseFact,
    Facts,
    HouseholdFact,
    OnwardReferralFact,
    OutcomeAssessmentFact,
    PersonFact,
    PersonFlagFact,
    ReferralFact,
    RiskFact,
    TaskFact,
)
from haven.reporting.measures import COMPUTATIONS, MeasureContext
from haven.reporting.measures.base import Figure
from haven.reporting.periods import parse_period

PROFILES = Path(__file__).resolve().parents[2] / "contracts" / "profiles"
FAMILY = "leicester-family-2012"
SAFEHOME = "leicester-safehome-2012"
VICTIM = "leicester-victim-survivor-2012"
PERPETRATOR = "leicester-perpetrator-2012"
LOTS = (FAMILY, SAFEHOME, VICTIM, PERPETRATOR)
NOW = datetime(2026, 9, 1, tzinfo=UTC)

Q1_START = datetime(2026, 3, 31, 23, 0, tzinfo=UTC)  # 00:00 BST 1 April 2026
Q1_END = datetime(2026, 6, 30, 23, 0, tzinfo=UTC)  # 00:00 BST 1 July 2026
JUST_BEFORE = datetime(2026, 3, 31, 22, 59, 59, tzinfo=UTC)  # 23:59:59 BST 31 March
LAST_SECOND = datetime(2026, 6, 30, 22, 59, 59, tzinfo=UTC)  # 23:59:59 BST 30 June


def spec(slug: str, measure_id: str) -> dict[str, Any]:
    data = yaml.safe_load((PROFILES / f"{slug}.yaml").read_text())
    return next(m for m in data["measures"] if m["id"] == measure_id)


def figure(slug: str, measure_id: str, facts: Facts, period: str = "2026-Q1") -> Figure:
    measure = spec(slug, measure_id)
    ctx = MeasureContext(facts=facts, period=parse_period(period, "04-01"), now=NOW)
    return COMPUTATIONS[measure["compute"]](ctx, **measure.get("params", {}))


def at(month: int, day: int, hour: int = 12, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def person(pid: int, born: date | None = None, **equality: Any) -> PersonFact:
    fields: dict[str, Any] = dict.fromkeys(PersonFact._fields[5:13], "")
    fields.update(equality)
    return PersonFact(pid, f"REF{pid}", born, False, "Leicester", **fields)


def referral(rid: int, pid: int, received: datetime, route: str = "agency") -> ReferralFact:
    return ReferralFact(
        rid, pid, received, route, "form", route, "", "", "standard", "", "", "accepted", received
    )


def case(
    cid: int,
    pid: int,
    opened: datetime,
    closed: datetime | None = None,
    first_contact: datetime | None = None,
) -> CaseFact:
    return CaseFact(
        cid, pid, None, "closed" if closed else "engaged", "medium", opened, first_contact, closed,
        "planned" if closed else "", None, None,
    )  # fmt: skip


def facts(**lists: Any) -> Facts:
    persons = lists.pop("persons", [])
    return Facts(persons={p.id: p for p in persons}, **lists)


# --- seed 001 s6 (every lot): the under-represented groups -----------------------------------


def _groups_world() -> Facts:
    open_all_quarter = at(1, 10)
    people = [
        person(1, date(1966, 4, 1)),  # 60 on 1 April 2026, the quarter's first day: over 60
        person(2, date(1966, 4, 2)),  # 59 on 1 April (60 the next day): not over 60
        person(3, date(2000, 4, 1), sex="male", ethnicity="white_british"),  # 26: not 16-25
        person(4, date(2000, 4, 2), sex="female", ethnicity="asian_indian"),  # 25, BME
        person(5, ethnicity="white_irish", gender_same_as_birth="no"),  # BME (not White British), T
        person(
            6,
            ethnicity="prefer_not_to_say",
            sexual_orientation="bisexual",
            preferred_language="Urdu",
        ),
        person(7, disability="prefer_not_to_say", preferred_language="English"),
        person(8, disability="yes", interpreter_needed=True),
        person(9, date(1950, 1, 1), sex="male"),  # case closed just before the quarter
        person(10, sex="male"),  # case opened just after the quarter
        person(11, date(1980, 1, 1), sex="female", ethnicity="white_british"),  # in no group
        person(12, sex="male"),  # no case at all
    ]
    cases = [case(c, c, open_all_quarter) for c in (1, 2, 3, 4, 5, 6, 7, 8, 11)]
    cases += [
        case(9, 9, at(1, 5), closed=JUST_BEFORE),
        case(10, 10, Q1_END),
    ]
    flags = [
        PersonFlagFact(1, 7, "nrpf", date(2026, 6, 30), None),  # starts on the last day: current
        PersonFlagFact(2, 7, "disability", date(2025, 1, 1), date(2026, 3, 31)),  # ended before
        PersonFlagFact(3, 8, "nrpf", date(2025, 1, 1), date(2026, 4, 1)),  # ends on the first day
        PersonFlagFact(4, 11, "nrpf", date(2026, 7, 1), None),  # starts after the quarter
        PersonFlagFact(5, 9, "nrpf", date(2025, 1, 1), None),  # case closed before the quarter
    ]
    return facts(persons=people, cases=cases, flags=flags)


# Expected, from the world above (people with a case open in the quarter: 1-8 and 11):
# over 60: 1 (person 2 is 59 at the start; 9's case closed at 23:59:59 BST on 31 March)
# male: 3 (9 closed before, 10 opened at 00:00 BST 1 July, 12 has no case)
# 16-25: 4 (25 on 1 April); 3 is 26
# BME: 4 (Indian) and 5 (White Irish); 3 and 11 White British; 6 preferred not to say
# NRPF: 7 (flag from the last day) and 8 (flag ending on the first day); 11's flag starts later
# disabled: 8 (equality data yes); 7 preferred not to say and their flag ended on 31 March
# LGBT: 5 (gender not the same as at birth) and 6 (bisexual)
# language: 6 (Urdu) and 8 (interpreter needed); 7's preferred language is English
# any: 1, 3, 4, 5, 6, 7, 8 — each once; 2 and 11 are in no group
GROUP_EXPECTED = {
    "urg_over_60": {1},
    "urg_male": {3},
    "urg_16_25": {4},
    "urg_bme": {4, 5},
    "urg_nrpf": {7, 8},
    "urg_disabled": {8},
    "urg_lgbt": {5, 6},
    "urg_language": {6, 8},
    "urg_any": {1, 3, 4, 5, 6, 7, 8},
}


@pytest.mark.parametrize("slug", LOTS)
@pytest.mark.parametrize("measure_id", sorted(GROUP_EXPECTED))
def test_seed_001_s6_under_represented_groups(slug, measure_id):
    result = figure(slug, measure_id, _groups_world())
    assert set(result.numerator) == GROUP_EXPECTED[measure_id]
    assert result.value == len(GROUP_EXPECTED[measure_id])


def test_an_unknown_group_is_refused():
    ctx = MeasureContext(facts=Facts(), period=parse_period("2026-Q1", "04-01"), now=NOW)
    with pytest.raises(ValueError, match="unknown group"):
        COMPUTATIONS["people_in_group"](ctx, group="over_70")


# --- seed 001 Lot 1 s8: families referred and the children in them ---------------------------


def _families_world() -> Facts:
    people = [
        person(1, date(2015, 1, 1)),  # child A, referred in the quarter
        person(2, date(2017, 1, 1)),  # child B, A's sibling (both children of parent 10)
        person(3, date(2006, 5, 1)),  # young person C: 19 at referral on 20 April; no household
        person(4, date(2006, 4, 15)),  # D: 20 at referral on 1 May; their baby is person 5
        person(6, date(2012, 1, 1)),  # E: A's sibling, referred at 23:30 BST on 31 March
        person(7, date(2014, 1, 1)),  # F: referred at 00:00 BST on 1 July
        person(10, date(1985, 1, 1)),  # parent of A, B and E; never referred
    ]
    referrals = [
        referral(1, 1, at(4, 10)),
        referral(2, 2, at(5, 1)),
        referral(3, 3, at(4, 20)),
        referral(4, 4, at(5, 1)),
        referral(6, 6, datetime(2026, 3, 31, 22, 30, tzinfo=UTC)),
        referral(7, 7, Q1_END),
    ]
    households = [
        HouseholdFact(1, 10, 1, "child", True),
        HouseholdFact(2, 10, 2, "child", True),
        HouseholdFact(3, 10, 6, "child", False),
        HouseholdFact(4, 4, 5, "child", True),
    ]
    return facts(persons=people, referrals=referrals, households=households)


def test_seed_001_lot_1_s8_families_referred():
    # Referred in the quarter: A, B, C, D (E on 31 March and F on 1 July are outside it).
    # A and B share parent 10, so they are one family; C has no household link: a family of
    # their own; D (with baby 5) is a third. 3 families, named by A (first of A and B), C and D.
    result = figure(FAMILY, "families_referred", _families_world())
    assert set(result.numerator) == {1, 3, 4}
    assert result.value == 3


def test_seed_001_lot_1_s8_children_in_those_families():
    # Family of A: A, B and E are recorded as parent 10's children (E counts: a child of a family
    # referred in the quarter, though E's own referral was before it); parent 10 does not.
    # C was 19 at referral (0-19: a young person). D was 20 and is not; D's baby 5 is a child.
    # F's referral is outside the quarter. So A, B, E, C and 5: 5 children and young people.
    result = figure(FAMILY, "children_in_families", _families_world())
    assert set(result.numerator) == {1, 2, 6, 3, 5}
    assert result.value == 5


# --- seed 001 s8 (every lot): repeat referrals ------------------------------------------------


@pytest.mark.parametrize("slug", LOTS)
def test_seed_001_s8_repeat_referrals(slug):
    world = facts(
        persons=[person(p) for p in (1, 2, 3, 4)],
        referrals=[
            referral(1, 1, at(5, 1, year=2025)),
            referral(2, 1, at(4, 30)),  # 364 days after person 1's earlier referral: a repeat
            referral(3, 2, at(4, 1, 9, year=2025)),
            referral(4, 2, at(4, 2, 10)),  # 366 days after: not a repeat
            referral(5, 3, at(5, 15)),  # a first referral
            referral(6, 4, at(6, 1)),
            referral(7, 4, Q1_END),  # a repeat, but received at 00:00 BST 1 July: next quarter
        ],
    )
    result = figure(slug, "repeat_referrals", world)
    assert result.numerator == (2,)
    assert result.value == 1


# --- cases opened, closed, open; people supported ---------------------------------------------


def _cases_world() -> Facts:
    return facts(
        persons=[person(p) for p in (1, 2, 3, 4)],
        cases=[
            case(1, 1, Q1_START, closed=LAST_SECOND, first_contact=at(4, 2)),  # both edges inside
            case(2, 2, JUST_BEFORE, closed=Q1_END),  # opened before, closed after the quarter
            case(3, 3, at(1, 1), closed=at(3, 1)),  # closed before the quarter: not open in it
            case(4, 4, at(5, 1)),  # opened in the quarter, never contacted
        ],
    )


@pytest.mark.parametrize("slug", [FAMILY, SAFEHOME, PERPETRATOR])  # Lot 3's s8 lists neither
def test_seed_001_s8_cases_opened(slug):
    # Case 1 opened at 00:00 BST 1 April (inside) and case 4 on 1 May; case 2 one second
    # before the quarter.
    assert set(figure(slug, "cases_opened", _cases_world()).numerator) == {1, 4}


@pytest.mark.parametrize("slug", [FAMILY, SAFEHOME, PERPETRATOR])
def test_seed_001_s8_cases_closed(slug):
    # Case 1 closed at 23:59:59 BST 30 June (inside); case 2 at 00:00 BST 1 July (outside);
    # case 3 in March.
    assert figure(slug, "cases_closed", _cases_world()).numerator == (1,)


def test_seed_001_lot_1_s14_risk_level_counts_cases_open_in_the_quarter():
    # Open at some moment of the quarter: 1, 2 (open until 1 July) and 4; case 3 closed in March.
    assert set(figure(FAMILY, "risk_level", _cases_world()).numerator) == {1, 2, 4}


@pytest.mark.parametrize(
    ("slug", "measure_id"),
    [
        (FAMILY, "cyp_accessing"),
        (FAMILY, "equality_clients"),
        (SAFEHOME, "equality_clients"),
        (VICTIM, "people_accessing"),
        (VICTIM, "equality_clients"),
        (PERPETRATOR, "equality_clients"),
    ],
)
def test_seed_001_s8_s14_people_supported(slug, measure_id):
    # People with a case open in the quarter: persons 1, 2 and 4 (person 3's case closed in March).
    assert set(figure(slug, measure_id, _cases_world()).numerator) == {1, 2, 4}


@pytest.mark.parametrize(
    ("slug", "measure_id"),
    [(FAMILY, "children_engage_in_support"), (VICTIM, "engage_in_support")],
)
def test_seed_001_s8_engage_in_support(slug, measure_id):
    # Cases opened in the quarter: 1 (first contact 2 April) and 4 (none): 1 of 2 = 50%.
    result = figure(slug, measure_id, _cases_world())
    assert (result.numerator, set(result.denominator or ())) == ((1,), {1, 4})
    assert result.value == 0.5


# --- risk assessments and deadlines (Lots 1 and 3) --------------------------------------------


@pytest.mark.parametrize("slug", [FAMILY, VICTIM])
def test_seed_001_s8_dash_assessments_completed(slug):
    world = facts(
        risks=[
            RiskFact(1, 1, "initial", 15, "high", datetime(2026, 3, 31, 23, 30, tzinfo=UTC), True),
            RiskFact(2, 1, "initial", 5, "standard", datetime(2026, 3, 31, 22, 30, tzinfo=UTC), False),
            RiskFact(3, 2, "review", 11, "medium", LAST_SECOND, False),
        ]
    )  # fmt: skip
    # 1 completed at 00:30 BST on 1 April (in), 2 at 23:30 BST on 31 March (out), 3 last second.
    assert set(figure(slug, "dash_completed", world).numerator) == {1, 3}


def test_seed_001_lot_3_s8_risk_assessments_within_24_hours_of_first_contact():
    rule = "risk_assessment_24h"
    world = facts(
        tasks=[
            TaskFact(1, 1, rule, "risk_assessment", at(4, 3), "done", at(4, 2), at(4, 2)),
            TaskFact(2, 2, rule, "risk_assessment", at(4, 3), "breached", at(4, 4), at(4, 4)),
            TaskFact(3, 3, "other_rule", "risk_assessment", at(4, 3), "done", at(4, 2), at(4, 2)),
            TaskFact(4, 4, rule, "risk_assessment", Q1_END, "done", at(6, 30), at(6, 30)),
        ]
    )
    # Task 1 met before its due time: counted. Task 2 done a day late; task 3 is another rule;
    # task 4 falls due at 00:00 BST 1 July, in the next quarter. So 1.
    assert figure(VICTIM, "risk_assessments_within_24h", world).numerator == (1,)


# --- Lot 3 intake and exit forms: Haven's monitoring form (haven/outcomes) ---------------------


def _assessments_world() -> Facts:
    def form(fid: int, case_id: int, stage: str, when: datetime) -> OutcomeAssessmentFact:
        return OutcomeAssessmentFact(
            fid, case_id, "leicester-vs-monitoring-v1", stage, when, False, ""
        )

    world = facts()
    world.outcome_assessments = [
        form(1, 1, "intake", Q1_START),
        form(2, 1, "review", at(5, 1)),
        form(3, 1, "exit", LAST_SECOND),
        form(4, 2, "intake", JUST_BEFORE),
        form(5, 2, "exit", Q1_END),
    ]
    return world


def test_seed_001_lot_3_s8_intake_forms_completed():
    # Intake forms in the quarter: 1 (at 00:00 BST 1 April); 4 was a second before it.
    assert figure(VICTIM, "intake_forms", _assessments_world()).numerator == (1,)


def test_seed_001_lot_3_s8_exit_forms_completed():
    # Exit forms in the quarter: 3 (last second); 5 at 00:00 BST 1 July is outside.
    assert figure(VICTIM, "exit_forms", _assessments_world()).numerator == (3,)


def test_seed_001_lot_3_s14_insights_forms_returned_monthly():
    # June 2026: exit form 3 at 23:59:59 BST on 30 June; exit 5 at 00:00 BST 1 July is
    # July's; the review (2) is neither intake nor exit. April: intake 1 at 00:00 BST 1 April;
    # intake 4 a second before is March's.
    assert figure(VICTIM, "insights_forms", _assessments_world(), period="2026-06").numerator == (
        3,
    )
    assert figure(VICTIM, "insights_forms", _assessments_world(), period="2026-04").numerator == (
        1,
    )


# --- referrals received (Lots 1, 2, 4) --------------------------------------------------------


def _referrals_world() -> Facts:
    return facts(
        referrals=[
            referral(1, 1, Q1_START, route="self_referral"),
            referral(2, 2, at(5, 1), route="agency"),
            referral(3, 3, JUST_BEFORE, route="self_referral"),
            referral(4, 4, datetime(2027, 3, 31, 23, 30, tzinfo=UTC), route="self_referral"),
        ]
    )


@pytest.mark.parametrize(
    ("slug", "measure_id"),
    [
        (FAMILY, "needs_at_referral"),
        (FAMILY, "referral_patterns"),
        (SAFEHOME, "referrals"),
        (PERPETRATOR, "referrals_received"),
        (PERPETRATOR, "needs_at_referral"),
    ],
)
def test_seed_001_s8_referrals_received(slug, measure_id):
    # In the quarter: 1 (00:00 BST 1 April) and 2; 3 a second before; 4 in March 2027.
    assert set(figure(slug, measure_id, _referrals_world()).numerator) == {1, 2}


def test_seed_001_lot_4_s8_perpetrators_self_refer_over_the_contract_year():
    # 2026-Y is April 2026 - March 2027. Self-referrals: 1 (1 April) counts; 2 is an agency
    # referral; 3 was in March 2026; 4 at 00:30 BST on 1 April 2027 is next year. So 1 (target 50).
    measure = spec(PERPETRATOR, "self_referrals")
    assert (measure["period"], measure["target"]) == ("year", 50)
    assert figure(PERPETRATOR, "self_referrals", _referrals_world(), period="2026-Y").numerator == (
        1,
    )


# --- Lot 4: referrals made, family circumstance -----------------------------------------------


def test_seed_001_lot_4_s8_referrals_made():
    world = facts(
        onward_referrals=[
            OnwardReferralFact(1, 1, Q1_START, "housing"),
            OnwardReferralFact(2, 1, at(6, 1), "health"),
            OnwardReferralFact(3, 2, Q1_END, "police"),
        ]
    )
    # 1 and 2 made in the quarter; 3 at 00:00 BST 1 July is in the next.
    assert set(figure(PERPETRATOR, "referrals_made", world).numerator) == {1, 2}


def test_seed_001_lot_4_s14_family_circumstance():
    world = facts(
        persons=[person(p) for p in (1, 2, 3)],
        cases=[case(1, 1, at(1, 1)), case(2, 2, at(1, 1)), case(3, 3, at(1, 1), closed=at(3, 1))],
        households=[
            HouseholdFact(1, 1, 20, "child", False),  # 1's child lives elsewhere: still counted
            HouseholdFact(2, 3, 21, "stepchild", True),  # 3's case closed before the quarter
        ],
    )
    # Supported in the quarter: 1 and 2; only 1 has a child recorded in their household.
    assert figure(PERPETRATOR, "family_circumstance", world).numerator == (1,)


# --- Lot 1 s14: co-morbidity factors ----------------------------------------------------------


def test_seed_001_lot_1_s14_co_morbidity_factors():
    world = facts(
        persons=[person(p) for p in (1, 2, 3)],
        cases=[case(p, p, at(1, 1)) for p in (1, 2, 3)],
        flags=[
            PersonFlagFact(1, 1, "mental_health", date(2026, 2, 1), None),
            PersonFlagFact(2, 2, "substance_use", date(2025, 1, 1), date(2026, 3, 31)),
            PersonFlagFact(3, 3, "substance_use", date(2026, 6, 30), None),
            PersonFlagFact(4, 3, "aces", date(2026, 4, 1), None),
        ],
    )
    # Mental health: person 1 (current since February). Substance use: person 3 (from the last
    # day); person 2's flag ended on 31 March, the day before the quarter.
    assert figure(FAMILY, "co_morbidity_mental_health", world).numerator == (1,)
    assert figure(FAMILY, "co_morbidity_substance_use", world).numerator == (3,)
