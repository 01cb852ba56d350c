"""Every computed measure of the Cornwall men's refuge (seed 004 s10, appendix 1) and Wokingham
(seed 003 s13-14) catalogues, each over a small hand-built set of facts whose expected value is
worked out in the comments. The measure is taken from the profile itself, so the test checks the
computation and the params the YAML gives it. No database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path

import pytest

from haven.contracts.profiles.schema import Profile
from haven.contracts.profiles.validate import read_profile
from haven.reporting.engine import MeasureResult, compute_measure, context_for
from haven.reporting.facts import (
    CaseFact,
    ExitInterviewFact,
    Facts,
    OnwardReferralFact,
    PersonFact,
    PersonFlagFact,
    ReferralFact,
    RiskFact,
)
from haven.reporting.periods import parse_period

PROFILES = Path(__file__).resolve().parents[2] / "contracts" / "profiles"
CORNWALL = "cornwall-mens-refuge-2021"
WOKINGHAM = "wokingham-da-2017"
NOW = datetime(2027, 1, 15, 12, tzinfo=UTC)
# Cornwall 2026-Q1 = 1 April - 30 June 2026 (financial year); in BST local midnight on 1 April
# is 23:00 UTC on 31 March, and local midnight after 30 June is 23:00 UTC on 30 June.
CQ1_START = datetime(2026, 3, 31, 23, tzinfo=UTC)
CQ1_END = datetime(2026, 6, 30, 23, tzinfo=UTC)
# Wokingham 2026-Q1 = 1 July - 30 September 2026 (contract year from 1 July, seed 003 s14)
WQ1_START = datetime(2026, 6, 30, 23, tzinfo=UTC)
WQ1_END = datetime(2026, 9, 30, 23, tzinfo=UTC)
IN_CQ1 = datetime(2026, 5, 10, 10, tzinfo=UTC)
IN_WQ1 = datetime(2026, 8, 10, 10, tzinfo=UTC)


@cache
def profile(slug: str) -> Profile:
    found, errors = read_profile(PROFILES / f"{slug}.yaml")
    assert found is not None, errors
    return found


def result(slug: str, measure_id: str, facts: Facts, code: str = "2026-Q1") -> MeasureResult:
    prof = profile(slug)
    spec = next(m for m in prof.measures if m.id == measure_id)
    period = parse_period(code, prof.contract_year_start)
    return compute_measure(spec, context_for(prof, facts, period, NOW))


def value(slug: str, measure_id: str, facts: Facts) -> float | int | None:
    return result(slug, measure_id, facts).value


def person(pid: str, **fields: object) -> PersonFact:
    base: dict[str, object] = {
        "id": pid,
        "reference_code": f"REF-{pid}",
        "date_of_birth": date(1985, 1, 1),
        "is_child": False,
        "local_authority": "Cornwall",
        "sex": "male",
        "gender_same_as_birth": "yes",
        "sexual_orientation": "straight",
        "disability": "no",
        "ethnicity": "white_british",
        "religion": "none",
        "marital_status": "never",
        "pregnancy_maternity": "neither",
    }
    base.update(fields)
    return PersonFact(**base)  # type: ignore[arg-type]


def referral(rid: str, pid: str, received_at: datetime, **fields: object) -> ReferralFact:
    base: dict[str, object] = {
        "id": rid,
        "person_id": pid,
        "received_at": received_at,
        "route": "agency",
        "received_via": "phone",
        "source": "manual",
        "source_organisation": "",
        "contact_method": "mobile_phone",
        "priority": "standard",
        "primary_support_need": "da",
        "referrer_risk_level": "",
        "decision": "accepted",
        "decided_at": received_at,
    }
    base.update(fields)
    return ReferralFact(**base)  # type: ignore[arg-type]


def case(cid: str, pid: str, opened_at: datetime, **fields: object) -> CaseFact:
    base: dict[str, object] = {
        "id": cid,
        "person_id": pid,
        "referral_id": None,
        "state": "engaged",
        "risk_level": "standard",
        "opened_at": opened_at,
        "first_contact_at": None,
        "closed_at": None,
        "exit_type": "",
        "allocated_to_id": None,
        "team_id": None,
    }
    base.update(fields)
    return CaseFact(**base)  # type: ignore[arg-type]


def facts_with(people: list[PersonFact] = (), **lists: object) -> Facts:  # type: ignore[assignment]
    facts = Facts(**lists)  # type: ignore[arg-type]
    facts.persons = {p.id: p for p in people}
    return facts


# --- Cornwall, seed 004 s10 section 1: referrals -------------------------------------------------


def test_seed_004_s10_a1_referrals_received_in_the_quarter_in_uk_local_time():
    # r1 at 00:30 BST on 1 April is inside Q1; r2 at 00:30 BST on 1 July is outside; r3 inside.
    facts = facts_with(
        [person("p1"), person("p2")],
        referrals=[
            referral("r1", "p1", CQ1_START + timedelta(minutes=30)),
            referral("r2", "p2", CQ1_END + timedelta(minutes=30)),
            referral("r3", "p2", IN_CQ1, primary_support_need="hba", referrer_risk_level="high"),
        ],
    )
    res = result(CORNWALL, "A1", facts)
    assert res.value == 2
    # by primary support need (seed 004 s10 A1): one DA, one HBA
    need = next(b for b in res.breakdowns if b.key == "primary_support_need")
    cells = {c.key: c.value for c in need.cells}
    assert cells["da"] == 1
    assert cells["hba"] == 1


def test_seed_004_s10_a2_repeat_referrals_share_safelives_12_months():
    # p1: referred 300 days before r1b, so r1b is a repeat; p2: 400 days apart, not a repeat.
    # Received in Q1: r1b and r2b -> 1 of 2 = 50%.
    facts = facts_with(
        [person("p1"), person("p2")],
        referrals=[
            referral("r1a", "p1", IN_CQ1 - timedelta(days=300)),
            referral("r1b", "p1", IN_CQ1),
            referral("r2a", "p2", IN_CQ1 - timedelta(days=400)),
            referral("r2b", "p2", IN_CQ1),
        ],
    )
    assert value(CORNWALL, "A2", facts) == 0.5


def test_seed_004_s10_a3_declines_by_decision_date_with_the_reason_category():
    # r1 received in March but declined in Q1 counts (placed by decided_at); r2 declined after
    # the quarter does not; r3 accepted does not. r1's category label shows in the breakdown.
    facts = facts_with(
        [person("p1")],
        referrals=[
            referral(
                "r1",
                "p1",
                CQ1_START - timedelta(days=3),
                decision="declined",
                decided_at=CQ1_START + timedelta(hours=2),
            ),
            referral(
                "r2", "p1", IN_CQ1, decision="declined", decided_at=CQ1_END + timedelta(hours=1)
            ),
            referral("r3", "p1", IN_CQ1),
        ],
        decline_reasons={"r1": "no_vacancy", "r2": "outside_area"},
    )
    res = result(CORNWALL, "A3", facts)
    assert res.value == 1
    reasons = {c.key: (c.label, c.value) for c in res.breakdowns[0].cells}
    assert reasons["no_vacancy"] == ("No vacancy or capacity", 1)
    assert reasons["outside_area"][1] == 0


# --- Cornwall, seed 004 s10 sections 3-5 ---------------------------------------------------------


def test_seed_004_s10_b3_exit_interviews_share_of_cases_closing_in_the_quarter():
    # Closed in Q1: c1 (interview held), c2 (interview declined), c3 (none) -> 1 of 3.
    # c4 closed at 00:30 BST on 1 July is outside Q1, although its interview was held.
    facts = facts_with(
        [person("p1")],
        cases=[
            case("c1", "p1", IN_CQ1 - timedelta(days=90), closed_at=IN_CQ1),
            case("c2", "p1", IN_CQ1 - timedelta(days=90), closed_at=IN_CQ1),
            case("c3", "p1", IN_CQ1 - timedelta(days=90), closed_at=CQ1_START),
            case("c4", "p1", IN_CQ1, closed_at=CQ1_END + timedelta(minutes=30)),
        ],
        exit_interviews=[
            ExitInterviewFact("x1", "c1", IN_CQ1, "held"),
            ExitInterviewFact("x2", "c2", IN_CQ1, "declined"),
            ExitInterviewFact("x4", "c4", CQ1_END, "held"),
        ],
    )
    assert value(CORNWALL, "B3", facts) == pytest.approx(1 / 3)


def test_seed_004_s10_b4_number_of_referrals_engaged():
    # Opened in Q1: c1 with a first contact (engaged), c2 without -> 1. c3 engaged but opened
    # before the quarter -> not counted.
    facts = facts_with(
        [person("p1")],
        cases=[
            case("c1", "p1", IN_CQ1, first_contact_at=IN_CQ1 + timedelta(hours=3)),
            case("c2", "p1", IN_CQ1),
            case("c3", "p1", CQ1_START - timedelta(minutes=1), first_contact_at=IN_CQ1),
        ],
    )
    assert value(CORNWALL, "B4", facts) == 1


def test_seed_004_s10_b5_planned_exits_number_and_share_of_all_leaving():
    # Closed in Q1: two planned, one unplanned -> B5 = 2/3, B5_number = 2. A planned exit
    # closed before the quarter is in neither.
    closed = [
        case("c1", "p1", IN_CQ1 - timedelta(days=60), closed_at=IN_CQ1, exit_type="planned"),
        case("c2", "p1", IN_CQ1 - timedelta(days=60), closed_at=IN_CQ1, exit_type="planned"),
        case("c3", "p1", IN_CQ1 - timedelta(days=60), closed_at=IN_CQ1, exit_type="unplanned"),
        case(
            "c4",
            "p1",
            IN_CQ1 - timedelta(days=90),
            closed_at=CQ1_START - timedelta(minutes=1),
            exit_type="planned",
        ),
    ]
    facts = facts_with([person("p1")], cases=closed)
    assert value(CORNWALL, "B5", facts) == pytest.approx(2 / 3)
    assert value(CORNWALL, "B5_number", facts) == 2


# --- Cornwall, seed 004 appendix 1 ---------------------------------------------------------------


def appendix_facts() -> Facts:
    """Six people, each with a case open in Cornwall Q1 unless said otherwise:
    a  adult man, referred for historic sexual violence, White Irish, bisexual
    b  adult woman, FGM, Black African, pregnant
    c  adult man, HBA, gender not the same as at birth, ethnicity "prefer not to say"
    d  girl of 16 (DA), substance use flag current in the quarter
    e  boy of 17 (DA), substance use flag that ended before the quarter
    f  adult woman, historic sexual violence, but her case closed before the quarter
    """
    people = [
        person("a", ethnicity="white_irish", sexual_orientation="bisexual"),
        person("b", sex="female", ethnicity="black_african", pregnancy_maternity="pregnant"),
        person("c", gender_same_as_birth="no", ethnicity="prefer_not_to_say"),
        person("d", sex="female", date_of_birth=date(2010, 1, 1)),
        person("e", date_of_birth=date(2009, 1, 1)),
        person("f", sex="female"),
    ]
    needs = {"a": "sv_historic", "b": "fgm", "c": "hba", "d": "da", "e": "da", "f": "sv_historic"}
    referrals = [
        referral(f"r{p}", p, IN_CQ1 - timedelta(days=30), primary_support_need=n)
        for p, n in needs.items()
    ]
    cases = [case(f"c{p}", p, IN_CQ1 - timedelta(days=20), referral_id=f"r{p}") for p in "abcde"]
    cases.append(
        case(
            "cf",
            "f",
            IN_CQ1 - timedelta(days=20),
            referral_id="rf",
            closed_at=CQ1_START - timedelta(minutes=1),
        )
    )
    flags = [
        PersonFlagFact("f1", "d", "substance_use", date(2026, 6, 30), None),
        PersonFlagFact("f2", "e", "substance_use", date(2025, 1, 1), date(2026, 3, 31)),
        PersonFlagFact("f3", "a", "mental_health", date(2025, 1, 1), None),
    ]
    return facts_with(people, referrals=referrals, cases=cases, flags=flags)


@pytest.mark.parametrize(
    ("measure_id", "expected", "why"),
    [
        ("E1", 1, "a: adult, historic SV; f's case closed before the quarter"),
        ("E2", 1, "b: primary need FGM"),
        ("E3", 1, "c: primary need HBA"),
        ("E4", 1, "b: adult woman (f not open in the quarter, d under 18)"),
        ("E6", 1, "c: gender not the same as the sex registered at birth"),
        ("E7", 2, "a White Irish, b Black African; c said prefer not to say, d/e White British"),
        ("E8", 1, "a: bisexual"),
        ("E9", 1, "b: pregnant"),
        ("E14", 1, "d: flag from 30 June, inside Q1; e's flag ended 31 March"),
        ("E19", 1, "d: girl of 16 on 1 April 2026"),
        ("E20", 1, "e: boy of 17 on 1 April 2026"),
    ],
)
def test_seed_004_appendix_1_equality_and_needs_counts(measure_id, expected, why):
    assert value(CORNWALL, measure_id, appendix_facts()) == expected, why


# --- Wokingham, seed 003 s13-14 -----------------------------------------------------------------


def test_seed_003_s13_number_of_referrals_in_the_july_quarter():
    # Wokingham Q1 runs July-September: 00:30 BST on 1 July is inside, 00:30 BST on 1 October
    # is outside, 23:30 UTC on 30 June (00:30 BST 1 July) inside -> 2.
    facts = facts_with(
        [person("p1")],
        referrals=[
            referral("r1", "p1", WQ1_START + timedelta(minutes=30)),
            referral("r2", "p1", WQ1_END + timedelta(minutes=30)),
            referral("r3", "p1", IN_WQ1),
        ],
    )
    assert value(WOKINGHAM, "referrals", facts) == 2


def test_seed_003_s13_children_and_young_people_supported_and_s14_people_using_the_service():
    # Open in Q1: a child (born 2012) and an adult with two cases (counted once). A child whose
    # case closed at 23:59 BST on 30 June (one minute before the quarter) is not counted; a
    # child whose case closed at 00:00 BST on 1 July was open at the quarter's first instant.
    facts = facts_with(
        [
            person("kid", date_of_birth=date(2012, 5, 1)),
            person("adult"),
            person("june_kid", date_of_birth=date(2013, 1, 1)),
            person("july_kid", date_of_birth=date(2014, 1, 1)),
        ],
        cases=[
            case("c1", "kid", IN_WQ1),
            case("c2", "adult", IN_WQ1 - timedelta(days=200)),
            case("c3", "adult", IN_WQ1),
            case(
                "c4",
                "june_kid",
                IN_WQ1 - timedelta(days=200),
                closed_at=WQ1_START - timedelta(minutes=1),
            ),
            case("c5", "july_kid", IN_WQ1 - timedelta(days=200), closed_at=WQ1_START),
        ],
    )
    # children: kid and july_kid -> 2
    assert value(WOKINGHAM, "children_supported", facts) == 2
    # people: kid, adult, july_kid -> 3
    assert value(WOKINGHAM, "people_using_service", facts) == 3


def test_seed_003_s13_reduced_dash_risk_at_closure_share_of_closures():
    # Closed in Q1: c1 scores 16 then 9 (reduced), c2 12 then 12 (not), c3 a single checklist
    # (no reduction shown) -> 1 of 3.
    facts = facts_with(
        [person("p1")],
        cases=[
            case(c, "p1", IN_WQ1 - timedelta(days=90), closed_at=IN_WQ1) for c in ("c1", "c2", "c3")
        ],
        risks=[
            RiskFact("k1", "c1", "initial", 16, "high", IN_WQ1 - timedelta(days=80), True),
            RiskFact("k2", "c1", "exit", 9, "medium", IN_WQ1, False),
            RiskFact("k3", "c2", "initial", 12, "medium", IN_WQ1 - timedelta(days=80), False),
            RiskFact("k4", "c2", "exit", 12, "medium", IN_WQ1, False),
            RiskFact("k5", "c3", "initial", 15, "high", IN_WQ1 - timedelta(days=80), True),
        ],
    )
    assert value(WOKINGHAM, "risk_reduced_at_closure", facts) == pytest.approx(1 / 3)


def test_seed_003_s13_planned_departures_share_of_all_departures():
    # Departures in Q1: one planned, one unplanned -> 50%; a planned closure at 00:30 BST on
    # 1 October is in the next quarter.
    facts = facts_with(
        [person("p1")],
        cases=[
            case("c1", "p1", IN_WQ1 - timedelta(days=30), closed_at=IN_WQ1, exit_type="planned"),
            case("c2", "p1", IN_WQ1 - timedelta(days=30), closed_at=IN_WQ1, exit_type="unplanned"),
            case(
                "c3",
                "p1",
                IN_WQ1,
                closed_at=WQ1_END + timedelta(minutes=30),
                exit_type="planned",
            ),
        ],
    )
    assert value(WOKINGHAM, "planned_departures", facts) == 0.5


def test_seed_003_s13_onward_referrals_by_agency_type():
    # Made in Q1: two (housing, mental health); one made on 30 June UTC 22:00 (23:00 BST, still
    # June) is outside -> 2, one per agency type.
    facts = facts_with(
        [person("p1")],
        cases=[case("c1", "p1", IN_WQ1 - timedelta(days=60))],
        onward_referrals=[
            OnwardReferralFact("o1", "c1", IN_WQ1, "housing"),
            OnwardReferralFact("o2", "c1", IN_WQ1, "mental_health"),
            OnwardReferralFact("o3", "c1", WQ1_START - timedelta(hours=1), "housing"),
        ],
    )
    res = result(WOKINGHAM, "onward_referrals", facts)
    assert res.value == 2
    assert {c.key: c.value for c in res.breakdowns[0].cells} == {"housing": 1, "mental_health": 1}


def test_seed_003_s13_average_time_supporting_high_medium_and_low_risk_cases():
    # Closed in Q1: high 10 and 30 days (mean 20), medium 40 days, standard (low) 7 days.
    def closed(cid: str, days: int, risk: str) -> CaseFact:
        return case(cid, "p1", IN_WQ1 - timedelta(days=days), closed_at=IN_WQ1, risk_level=risk)

    facts = facts_with(
        [person("p1")],
        cases=[
            closed("h1", 10, "high"),
            closed("h2", 30, "high"),
            closed("m1", 40, "medium"),
            closed("l1", 7, "standard"),
        ],
    )
    assert value(WOKINGHAM, "average_time_high_risk", facts) == 20.0
    assert value(WOKINGHAM, "average_time_medium_risk", facts) == 40.0
    assert value(WOKINGHAM, "average_time_low_risk", facts) == 7.0
    # seed 003 s14 duration of use: all four, (10 + 30 + 40 + 7) / 4 = 21.75 -> 21.8 (1 dp)
    assert value(WOKINGHAM, "duration_of_use", facts) == 21.8


def test_seed_003_s13_service_users_known_to_the_service_before():
    # Opened in Q1: p1 (first case years ago -> known), p2 (first case is this one -> not),
    # p3 (first case opened an hour before this one, same quarter -> known) -> 2 of 3.
    facts = facts_with(
        [person("p1"), person("p2"), person("p3")],
        cases=[
            case("c1", "p1", IN_WQ1),
            case("c2", "p2", IN_WQ1),
            case("c3a", "p3", IN_WQ1 - timedelta(hours=1)),
            case("c3b", "p3", IN_WQ1),
        ],
        first_case_opened={
            "p1": datetime(2019, 1, 1, tzinfo=UTC),
            "p2": IN_WQ1,
            "p3": IN_WQ1 - timedelta(hours=1),
        },
    )
    # opened in Q1 are c1, c2, c3a, c3b: c1 known, c2 not, c3a is p3's first (not), c3b known
    assert value(WOKINGHAM, "known_before", facts) == 0.5
    assert value(WOKINGHAM, "known_before_number", facts) == 2


def test_seed_003_s14_requests_for_access_and_those_declined():
    # People referred in Q1: p1 twice (counted once), p2 declined -> 2 people. Declined in Q1:
    # r3 (already supported elsewhere) -> 1.
    facts = facts_with(
        [person("p1"), person("p2")],
        referrals=[
            referral("r1", "p1", IN_WQ1),
            referral("r2", "p1", IN_WQ1 + timedelta(days=3)),
            referral("r3", "p2", IN_WQ1, decision="declined", decided_at=IN_WQ1),
        ],
        decline_reasons={"r3": "already_supported"},
    )
    assert value(WOKINGHAM, "requests_for_access", facts) == 2
    res = result(WOKINGHAM, "requests_declined", facts)
    assert res.value == 1
    assert {c.key: c.value for c in res.breakdowns[0].cells}["already_supported"] == 1


def test_seed_004_appendix_1_e18_clients_referred_to_drug_and_alcohol_services():
    # p1: two substance misuse referrals in the quarter (counted once); p2: one to housing (not
    # counted); p3: one to substance misuse made in March, before the quarter (not counted) -> 1.
    facts = facts_with(
        [person("p1"), person("p2"), person("p3")],
        cases=[
            case("c1", "p1", IN_CQ1 - timedelta(days=30)),
            case("c2", "p2", IN_CQ1 - timedelta(days=30)),
            case("c3", "p3", IN_CQ1 - timedelta(days=90)),
        ],
        onward_referrals=[
            OnwardReferralFact("o1", "c1", IN_CQ1, "substance_misuse"),
            OnwardReferralFact("o2", "c1", IN_CQ1 + timedelta(days=3), "substance_misuse"),
            OnwardReferralFact("o3", "c2", IN_CQ1, "housing"),
            OnwardReferralFact("o4", "c3", datetime(2026, 3, 20, tzinfo=UTC), "substance_misuse"),
        ],
    )
    res = result(CORNWALL, "E18", facts)
    assert res.value == 1
    assert res.figure is not None
    assert res.figure.numerator == ("p1",)


def test_seed_003_s13_and_seed_004_s10_b5_planned_exits_break_down_by_exit_reason():
    # Wokingham's planned departures (s13) and Cornwall's B5 (s10) by the exit reason recorded
    # at closure (issue 11 exits): one planned with goals met, one unplanned disengaged.
    facts = facts_with(
        [person("p1")],
        cases=[
            case(
                "c1",
                "p1",
                IN_WQ1 - timedelta(days=30),
                closed_at=IN_WQ1,
                exit_type="planned",
                exit_reason="support_goals_met",
            ),
            case(
                "c2",
                "p1",
                IN_WQ1 - timedelta(days=30),
                closed_at=IN_WQ1,
                exit_type="unplanned",
                exit_reason="disengaged",
            ),
        ],
    )
    res = result(WOKINGHAM, "planned_departures", facts)
    assert res.value == 0.5
    dim = next(b for b in res.breakdowns if b.key == "exit_reason")
    cells = {c.key: (len(c.numerator), len(c.denominator)) for c in dim.cells}
    assert cells["support_goals_met"] == (1, 1)
    assert cells["disengaged"] == (0, 1)
