"""Every computed measure of victim-first-2018 (seed 002 Lot 1 s7), opcc-dv360 (seed 000 s6) and
target-hardening-2018 (seed 002 Lot 2 s4, s7) run on small hand-built facts.

Each test reads the measure from its profile YAML (so the computation *and* its params are the
ones the return uses) and works the expected value out in a comment. The period is 2026-Q1 of a
financial year: 1 April to 30 June 2026, British Summer Time, so it runs from 2026-03-31 23:00
UTC to 2026-06-30 23:00 UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from haven.contracts.profiles.schema import Profile
from haven.contracts.profiles.validate import read_profile
from haven.reporting.engine import compute_measure, context_for
from haven.reporting.facts import (
    AttemptFact,
    CaseFact,
    Facts,
    NeedsAssessmentFact,
    OnwardReferralFact,
    PersonFact,
    ReferralFact,
    RiskFact,
    TaskFact,
)
from haven.reporting.measures.contact import first_contact_outcome
from haven.reporting.periods import parse_period

PROFILES = Path(__file__).resolve().parents[2] / "contracts" / "profiles"
Q1 = parse_period("2026-Q1", "04-01")
NOW = datetime(2026, 7, 15, 12, 0, tzinfo=UTC)
INSIDE = datetime(2026, 5, 5, 10, 0, tzinfo=UTC)
BEFORE = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
# 23:30 BST on 31 March is 22:30 UTC: still March locally, outside the quarter
JUST_BEFORE = datetime(2026, 3, 31, 22, 30, tzinfo=UTC)
# 00:30 BST on 1 April is 23:30 UTC on 31 March: inside the quarter
JUST_INSIDE = datetime(2026, 3, 31, 23, 30, tzinfo=UTC)
# 23:59 BST on 30 June is 22:59 UTC: inside; 00:30 BST on 1 July (23:30 UTC 30 June): outside
LAST_MINUTE = datetime(2026, 6, 30, 22, 59, tzinfo=UTC)
JUST_AFTER = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)


@cache
def profile(slug: str) -> Profile:
    loaded, errors = read_profile(PROFILES / f"{slug}.yaml")
    assert loaded is not None, errors
    return loaded


def result(slug: str, measure_id: str, facts: Facts, now: datetime = NOW):
    spec = profile(slug).measure(measure_id)
    assert spec is not None, measure_id
    assert spec.compute is not None, measure_id
    return compute_measure(spec, context_for(profile(slug), facts, Q1, now))


def value(slug: str, measure_id: str, facts: Facts, now: datetime = NOW) -> Any:
    return result(slug, measure_id, facts, now).value


def cell(res: Any, key: str, cell_key: str) -> Any:
    dim = next(b for b in res.breakdowns if b.key == key)
    return next(c for c in dim.cells if c.key == cell_key)


def person(pid: int, born: date | None = date(1990, 1, 1), sex: str = "", child: bool = False):
    return PersonFact(pid, f"P{pid}", born, child, "Leicester", sex, "", "", "", "", "", "", "")


def referral(rid: int, pid: int, at: datetime, **kw: Any) -> ReferralFact:
    values: dict[str, Any] = {
        "route": "police",
        "received_via": "",
        "source": "",
        "source_organisation": "",
        "contact_method": "mobile_phone",
        "priority": "standard",
        "primary_support_need": "",
        "referrer_risk_level": "",
        "decision": "accepted",
        "decided_at": at,
    }
    values.update(kw)
    return ReferralFact(rid, pid, at, **values)


def case(cid: int, pid: int, opened: datetime, **kw: Any) -> CaseFact:
    values: dict[str, Any] = {
        "referral_id": cid,
        "state": "engaged",
        "risk_level": "",
        "first_contact_at": None,
        "closed_at": None,
        "exit_type": "",
        "allocated_to_id": None,
        "team_id": None,
    }
    values.update(kw)
    return CaseFact(
        cid,
        pid,
        values.pop("referral_id"),
        values.pop("state"),
        values.pop("risk_level"),
        opened,
        **values,
    )


def task(tid: int, rule: str, due: datetime, met_at: datetime | None = None, status: str = "open"):
    """A deadline task as casework.services.tasks.task_complete leaves it: done at `met_at`, it
    is met when that is at or before the due time, otherwise breached with no met_at."""
    if met_at is None:
        return TaskFact(tid, tid, rule, "", due, status, None, None)
    if met_at <= due:
        return TaskFact(tid, tid, rule, "", due, "met", met_at, met_at)
    return TaskFact(tid, tid, rule, "", due, "breached", None, met_at)


# --- victim-first-2018, seed 002 Lot 1 s7 "Referrals" ------------------------------------------


def test_vf_referrals_received_by_type_seed_002_s7_counts_local_quarter_edges():
    facts = Facts(
        persons={1: person(1)},
        referrals=[
            referral(1, 1, JUST_INSIDE, route="police"),
            referral(2, 1, LAST_MINUTE, route="self_referral"),
            referral(3, 1, JUST_BEFORE),
            referral(4, 1, JUST_AFTER),
        ],
    )
    res = result("victim-first-2018", "referrals_received", facts)
    # 00:30 BST 1 April and 23:59 BST 30 June are in Q1; 23:30 BST 31 March and 00:30 1 July not
    assert res.value == 2
    assert cell(res, "referral_route", "police").value == 1
    assert cell(res, "referral_route", "self_referral").value == 1


def test_vf_initial_calls_within_48h_seed_002_s7_counts_both_telephone_rules():
    facts = Facts(
        tasks=[
            task(1, "first_contact_phone", INSIDE, met_at=INSIDE - timedelta(hours=3)),
            task(2, "first_contact_phone_enhanced", INSIDE, met_at=INSIDE),
            task(3, "first_contact_phone", INSIDE, status="breached"),
            task(4, "first_contact_email", INSIDE, met_at=INSIDE),  # not a call
            task(5, "first_contact_phone", JUST_AFTER, met_at=JUST_AFTER),  # due in Q2
        ]
    )
    # calls due in Q1: tasks 1, 2 (met, one at the due time exactly) and 3 (breached) -> 2/3
    assert value("victim-first-2018", "initial_calls_48h", facts) == pytest.approx(2 / 3)


def test_vf_letters_emails_sms_same_day_seed_002_s7_include_the_home_visit_letter():
    facts = Facts(
        tasks=[
            task(1, "first_contact_post", INSIDE, met_at=INSIDE),
            task(2, "first_contact_email", INSIDE, met_at=INSIDE + timedelta(minutes=1)),
            task(3, "first_contact_sms", INSIDE, met_at=INSIDE),
            task(4, "in_person_visit_letter", INSIDE, met_at=INSIDE),
            task(5, "first_contact_phone", INSIDE, met_at=INSIDE),
        ]
    )
    # same-day tasks: 1-4; the email (2) was a minute late -> 3 of 4
    assert value("victim-first-2018", "initial_letters_same_day", facts) == 0.75


def test_vf_home_visits_within_5_working_days_seed_002_s7():
    facts = Facts(
        tasks=[
            task(1, "in_person_visit", INSIDE, met_at=INSIDE),
            task(2, "in_person_visit", INSIDE, status="open"),  # open and past due at NOW
            task(3, "in_person_visit", NOW + timedelta(days=1), status="open"),  # not yet due
        ]
    )
    # task 3 falls due after the quarter; of 1 and 2, one met -> 50%
    assert value("victim-first-2018", "initial_home_visits_5wd", facts) == 0.5


def test_vf_outside_timeframes_seed_002_s7_should_be_zero():
    facts = Facts(
        tasks=[
            task(1, "first_contact_phone", INSIDE, met_at=INSIDE),
            task(2, "first_contact_sms", INSIDE, status="breached"),
            task(3, "in_person_visit_second", INSIDE, status="open"),  # past due, not met
            task(4, "first_contact_email", INSIDE, status="cancelled"),  # neither
            task(5, "needs_assessment", INSIDE, status="breached"),  # not a s3.7 timeframe
        ]
    )
    # s3.7 tasks with an outcome: 1 (met), 2 and 3 (missed) -> 2 outside, 2 of 3
    count = result("victim-first-2018", "outside_contact_timeframes", facts)
    assert count.value == 2
    assert count.met is False  # target 0, at most
    assert value("victim-first-2018", "outside_contact_timeframes_share", facts) == pytest.approx(
        2 / 3
    )
    none_late = Facts(tasks=[task(1, "first_contact_phone", INSIDE, met_at=INSIDE)])
    assert result("victim-first-2018", "outside_contact_timeframes", none_late).met is True


def outcome_world() -> Facts:
    """Six cases opened in Q1 and one before it, one of each first-contact outcome (s7)."""
    closed = INSIDE + timedelta(days=10)
    return Facts(
        persons={1: person(1)},
        referrals=[referral(i, 1, INSIDE, contact_method="post") for i in range(1, 8)],
        cases=[
            # 1: contacted, closed, nothing else -> initial contact only
            case(1, 1, INSIDE, first_contact_at=INSIDE, closed_at=closed, state="closed"),
            # 2: contacted, needs assessment -> further support
            case(2, 1, INSIDE, first_contact_at=INSIDE),
            # 3: never reached, final letter sent -> not contactable
            case(3, 1, INSIDE, state="contacting"),
            # 4: marked not contactable -> not contactable
            case(4, 1, INSIDE, state="not_contactable"),
            # 5: onward referral, no needs assessment -> passed on
            case(5, 1, INSIDE, first_contact_at=INSIDE, closed_at=closed, state="closed"),
            # 6: contacted, still open, no assessment yet -> no outcome yet
            case(6, 1, INSIDE, first_contact_at=INSIDE),
            # 7: opened before the quarter -> not in the cohort
            case(7, 1, BEFORE, first_contact_at=BEFORE, closed_at=closed, state="closed"),
        ],
        attempts=[AttemptFact(1, 3, "letter", "letter_sent", INSIDE, True)],
        needs_assessments=[NeedsAssessmentFact(1, 2, "initial", INSIDE + timedelta(days=3))],
        onward_referrals=[OnwardReferralFact(1, 5, INSIDE, "housing")],
    )


@pytest.mark.parametrize(
    ("measure_id", "cases"),
    [
        ("initial_contact_only", 1),  # case 1
        ("further_support", 1),  # case 2
        ("not_contactable", 2),  # cases 3 and 4
        ("passed_on", 1),  # case 5
    ],
)
def test_vf_first_contact_outcomes_seed_002_s7_partition_the_cases_opened(measure_id, cases):
    res = result("victim-first-2018", measure_id, outcome_world())
    # cohort: cases 1-6 opened in Q1 (case 7 opened in March)
    assert len(res.figure.denominator) == 6
    assert len(res.figure.numerator) == cases
    assert res.value == pytest.approx(cases / 6)


def test_vf_first_contact_outcome_ignores_what_is_recorded_after_now():
    facts = outcome_world()
    # the needs assessment of case 2 is dated after the return is run: no outcome yet
    early = INSIDE + timedelta(days=1)
    assert result("victim-first-2018", "further_support", facts, now=early).value == 0


def test_first_contact_outcome_as_count_and_unknown_outcome():
    ctx = context_for(profile("victim-first-2018"), outcome_world(), Q1, NOW)
    assert first_contact_outcome(ctx, "not_contactable", as_count=True).value == 2
    with pytest.raises(ValueError, match="outcome must be one of"):
        first_contact_outcome(ctx, "engaged")


def test_vf_not_contactable_breaks_down_by_chosen_contact_method():
    res = result("victim-first-2018", "not_contactable", outcome_world())
    # every referral chose post; both not-contactable cases fall in that cell
    assert len(cell(res, "contact_method", "post").numerator) == 2


def test_vf_repeat_victims_seed_002_s7_within_365_days():
    facts = Facts(
        persons={1: person(1), 2: person(2)},
        referrals=[
            referral(1, 1, INSIDE - timedelta(days=300)),
            referral(2, 1, INSIDE),  # repeat: 300 days after the first
            referral(3, 2, INSIDE - timedelta(days=400)),
            referral(4, 2, INSIDE),  # not a repeat: 400 days
        ],
    )
    # Q1 referrals: 2 and 4; one repeat -> 50%
    assert value("victim-first-2018", "repeat_victims", facts) == 0.5


def test_vf_referrals_by_protected_characteristics_seed_002_s7():
    facts = Facts(
        persons={1: person(1, sex="female"), 2: person(2, sex="male"), 3: person(3)},
        referrals=[referral(1, 1, INSIDE), referral(2, 2, INSIDE), referral(3, 3, INSIDE)],
    )
    res = result("victim-first-2018", "referrals_protected_characteristics", facts)
    assert res.value == 3
    keys = [b.key for b in res.breakdowns]
    assert len(keys) == 9
    assert {"sex", "religion_belief"} <= set(keys)
    # person 3 gave no sex: shown as Not known, never dropped
    assert cell(res, "sex", "female").value == 1
    assert cell(res, "sex", "not_known").value == 1


def test_vf_children_supported_seed_002_s7_under_18_at_the_quarter_start():
    facts = Facts(
        persons={
            1: person(1, born=date(2010, 4, 2)),  # 15 on 1 April 2026
            2: person(2, born=date(2008, 3, 31)),  # 18 the day before the quarter
            3: person(3, born=None, child=True),  # no date of birth: the child flag
        },
        cases=[case(1, 1, BEFORE), case(2, 2, INSIDE), case(3, 3, INSIDE)],
    )
    # persons 1 and 3 are children; person 2 turned 18 on 31 March 2026
    assert value("victim-first-2018", "children_supported", facts) == 2


def test_vf_referral_agencies_seed_002_s7_lists_each_referring_organisation():
    facts = Facts(
        persons={1: person(1)},
        referrals=[
            referral(1, 1, INSIDE, route="partner_agency", source_organisation="Council ASB"),
            referral(2, 1, INSIDE, route="partner_agency", source_organisation="Council ASB"),
            referral(3, 1, INSIDE, route="police"),
        ],
    )
    res = result("victim-first-2018", "referral_agencies", facts)
    assert cell(res, "source_organisation", "Council ASB").value == 2
    assert cell(res, "source_organisation", "not_known").value == 1


def test_vf_onward_referrals_and_agencies_seed_002_s7_by_made_at():
    facts = Facts(
        onward_referrals=[
            OnwardReferralFact(1, 1, JUST_INSIDE, "housing"),
            OnwardReferralFact(2, 1, INSIDE, "mental_health"),
            OnwardReferralFact(3, 2, INSIDE, "housing"),
            OnwardReferralFact(4, 2, JUST_AFTER, "housing"),
        ]
    )
    # made in Q1: 1, 2, 3 (4 is 00:30 BST on 1 July)
    assert value("victim-first-2018", "onward_referrals", facts) == 3
    res = result("victim-first-2018", "onward_referral_agencies", facts)
    assert cell(res, "agency_type", "housing").value == 2


def test_vf_cases_closed_seed_002_s7():
    facts = Facts(
        cases=[
            case(1, 1, BEFORE, closed_at=LAST_MINUTE, exit_type="planned"),
            case(2, 1, BEFORE, closed_at=JUST_AFTER, exit_type="planned"),
            case(3, 1, BEFORE, closed_at=INSIDE, exit_type="unplanned"),
        ]
    )
    # closed in Q1: 1 (23:59 BST 30 June) and 3
    res = result("victim-first-2018", "cases_closed", facts)
    assert res.value == 2
    assert cell(res, "exit_type", "planned").value == 1


# --- opcc-dv360, seed 000 s6 ------------------------------------------------------------------


def test_dv360_repeat_victimisation_seed_000_s6_counts_repeat_referrals():
    facts = Facts(
        persons={1: person(1)},
        referrals=[
            referral(1, 1, INSIDE - timedelta(days=30)),
            referral(2, 1, INSIDE),
            referral(3, 1, INSIDE + timedelta(days=1)),
        ],
    )
    # Q1 referrals 1 (30 days before 5 May is still April), 2 and 3: 2 and 3 each follow an
    # earlier one within 365 days -> 2
    assert value("opcc-dv360", "repeat_victimisation", facts) == 2


def closure_world() -> Facts:
    return Facts(
        cases=[
            case(1, 1, BEFORE, closed_at=INSIDE),
            case(2, 1, BEFORE, closed_at=INSIDE),
            case(3, 1, BEFORE, closed_at=INSIDE),
            case(4, 1, BEFORE, closed_at=JUST_AFTER),
        ],
        onward_referrals=[
            OnwardReferralFact(1, 1, INSIDE - timedelta(days=2), "idva"),
            OnwardReferralFact(2, 2, INSIDE - timedelta(days=2), "other"),
            OnwardReferralFact(3, 3, INSIDE + timedelta(days=2), "idva"),  # after closure
            OnwardReferralFact(4, 4, INSIDE, "idva"),  # case closed in Q2
            OnwardReferralFact(5, 1, INSIDE, "social_care_adults"),
            OnwardReferralFact(6, 2, INSIDE, "social_care_children"),
            OnwardReferralFact(7, 3, INSIDE, "social_care_children"),
        ],
    )


def test_dv360_referred_to_specialist_seed_000_s6_cases_closed_with_an_idva_referral():
    # closed in Q1: cases 1-3. Only case 1 has an IDVA referral made by its closure
    # (case 3's came after it closed; case 2's went to "other")
    assert value("opcc-dv360", "referred_to_specialist", closure_world()) == 1
    assert value("opcc-dv360", "referred_to_specialist_share", closure_world()) == (
        pytest.approx(1 / 3)
    )


def test_dv360_social_care_referrals_seed_000_s6():
    # adult social care: referral 5; children's social care: referrals 6 and 7
    assert value("opcc-dv360", "adults_to_social_care", closure_world()) == 1
    assert value("opcc-dv360", "children_to_social_care", closure_world()) == 2


def test_dv360_dash_decreased_seed_000_s6():
    facts = Facts(
        cases=[
            case(1, 1, BEFORE, closed_at=INSIDE),
            case(2, 1, BEFORE, closed_at=INSIDE),
            case(3, 1, BEFORE, closed_at=INSIDE),
        ],
        risks=[
            RiskFact(1, 1, "initial", 15, "high", BEFORE, True),
            RiskFact(2, 1, "review", 9, "standard", INSIDE, False),
            RiskFact(3, 2, "initial", 8, "standard", BEFORE, False),
            RiskFact(4, 2, "review", 12, "medium", INSIDE, False),
            RiskFact(5, 3, "initial", 8, "standard", BEFORE, False),
        ],
    )
    # case 1 went 15 -> 9 (decreased); case 2 rose; case 3 has one checklist -> 1 of 3
    res = result("opcc-dv360", "dash_decreased", facts)
    assert len(res.figure.numerator) == 1
    assert res.value == pytest.approx(1 / 3)


def test_dv360_demand_referrals_and_pattern_seed_000_s6():
    facts = Facts(
        persons={1: person(1)},
        referrals=[
            # Tuesday 5 May 2026
            referral(1, 1, INSIDE, referrer_risk_level="medium"),
            # 00:30 BST Wednesday 1 April 2026 (23:30 UTC Tuesday 31 March)
            referral(2, 1, JUST_INSIDE),
            referral(3, 1, JUST_BEFORE),
        ],
    )
    assert value("opcc-dv360", "demand_referrals", facts) == 2
    res = result("opcc-dv360", "demand_pattern", facts)
    assert cell(res, "month_received", "2026-04").value == 1
    assert cell(res, "month_received", "2026-05").value == 1
    # local day: the referral at 23:30 UTC on a Tuesday arrived on Wednesday in London
    assert cell(res, "weekday_received", "wednesday").value == 1
    assert cell(res, "weekday_received", "tuesday").value == 1
    assert cell(res, "weekday_received", "monday").value == 0


def test_dv360_length_of_intervention_seed_000_s6_mean_days_of_cases_closed():
    facts = Facts(
        cases=[
            case(1, 1, INSIDE - timedelta(days=4), closed_at=INSIDE),
            case(2, 1, INSIDE - timedelta(days=10), closed_at=INSIDE),
            case(3, 1, BEFORE, closed_at=None),  # still open: no length yet
        ]
    )
    # (4 + 10) / 2 = 7 days
    assert value("opcc-dv360", "length_of_intervention", facts) == 7


def test_dv360_contacted_within_24h_seed_000_s6_target_95_percent():
    facts = Facts(
        tasks=[task(i, "first_contact_phone", INSIDE, met_at=INSIDE) for i in range(1, 20)]
        + [task(20, "first_contact_phone", INSIDE, status="breached")]
    )
    res = result("opcc-dv360", "contacted_within_24h", facts)
    # 19 of 20 = 95%: meets the 95% target exactly
    assert res.value == 0.95
    assert res.met is True


def test_dv360_equality_data_seed_000_s6_people_supported_by_the_nine_strands():
    facts = Facts(
        persons={1: person(1, sex="female"), 2: person(2, sex="female")},
        cases=[case(1, 1, BEFORE), case(2, 1, INSIDE), case(3, 2, BEFORE, closed_at=BEFORE)],
    )
    # person 1 has two open cases (counted once); person 2's case closed before Q1
    res = result("opcc-dv360", "equality_diversity", facts)
    assert res.value == 1
    assert cell(res, "sex", "female").value == 1


# --- target-hardening-2018, seed 002 Lot 2 s4 and s7 --------------------------------------------


def test_th_works_within_time_seed_002_lot2_s4_standard_and_emergency_visits():
    facts = Facts(
        tasks=[
            task(1, "standard_visit", INSIDE, met_at=INSIDE),
            task(2, "emergency_visit", INSIDE, met_at=INSIDE + timedelta(hours=1)),
            task(3, "emergency_visit", INSIDE, met_at=INSIDE),
            task(4, "follow_up_12_months", INSIDE, met_at=INSIDE),
        ]
    )
    # visits: 1 and 3 on time, 2 an hour late -> 2 of 3
    assert value("target-hardening-2018", "works_within_time", facts) == pytest.approx(2 / 3)


def test_th_referrals_by_organisation_and_emergencies_seed_002_lot2_s4():
    facts = Facts(
        persons={1: person(1)},
        referrals=[
            referral(1, 1, INSIDE, route="victim_first"),
            referral(2, 1, INSIDE, route="sv_dv_service"),
            referral(3, 1, INSIDE, route="emergency_phone", priority="emergency"),
            referral(4, 1, JUST_AFTER, route="emergency_phone", priority="emergency"),
        ],
    )
    res = result("target-hardening-2018", "referrals_by_organisation", facts)
    assert res.value == 3
    assert cell(res, "referral_route", "victim_first").value == 1
    # one emergency referral in Q1 (the other is 00:30 BST on 1 July)
    assert value("target-hardening-2018", "emergency_referrals", facts) == 1


def test_th_refused_service_seed_002_lot2_s4_cases_opened_now_declined():
    facts = Facts(
        cases=[
            case(1, 1, INSIDE, state="declined"),
            case(2, 1, BEFORE, state="declined"),  # opened before Q1
            case(3, 1, INSIDE, state="engaged"),
        ]
    )
    assert value("target-hardening-2018", "refused_service", facts) == 1


def test_th_follow_up_12_months_seed_002_lot2_s7():
    facts = Facts(
        tasks=[
            task(1, "follow_up_12_months", INSIDE, met_at=INSIDE),
            task(2, "follow_up_12_months", INSIDE, status="breached"),
        ]
    )
    assert value("target-hardening-2018", "follow_up_12_months", facts) == 0.5


def test_dv360_demand_pattern_lists_the_quarters_months_in_calendar_order():
    facts = Facts(persons={1: person(1)}, referrals=[referral(1, 1, INSIDE)])
    res = result("opcc-dv360", "demand_pattern", facts)
    months = next(b for b in res.breakdowns if b.key == "month_received")
    # April, May, June 2026 in that order (not alphabetical), then Not known; June is shown empty
    assert [c.key for c in months.cells] == ["2026-04", "2026-05", "2026-06", "not_known"]
    assert [c.value for c in months.cells] == [0, 1, 0, 0]


def test_vf_not_contactable_reasons_seed_002_s7_by_the_reason_recorded_at_closure():
    facts = outcome_world()
    facts.cases[3] = facts.cases[3]._replace(
        state="closed",
        closed_at=INSIDE,
        exit_reason="not_contactable",
        not_contactable_reason="wrong_details",
    )
    res = result("victim-first-2018", "not_contactable_reasons", facts)
    # cases 3 (final letter, still open: no reason yet) and 4 (closed: wrong details)
    assert res.value == 2
    assert len(cell(res, "not_contactable_reason", "wrong_details").numerator) == 1
    assert len(cell(res, "not_contactable_reason", "not_known").numerator) == 1
