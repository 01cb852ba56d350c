"""The shared computations on small hand-built facts, each expected value worked out by hand.

Period: 2026-Q1 of a financial year, 1 April to 30 June 2026 (BST): 2026-03-31 23:00 UTC to
2026-06-30 23:00 UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from haven.reporting.facts import CaseFact, Facts, PersonFact, ReferralFact, RiskFact, TaskFact
from haven.reporting.measures.base import MeasureContext
from haven.reporting.measures.cases import average_support_days, planned_exits
from haven.reporting.measures.deadlines import deadlines_met, deadlines_missed
from haven.reporting.measures.referrals import referrals_received, repeat_referrals
from haven.reporting.measures.risk import risk_reduced_at_closure
from haven.reporting.periods import parse_period

Q1 = parse_period("2026-Q1", "04-01")
NOW = datetime(2026, 7, 10, tzinfo=UTC)
MAY = datetime(2026, 5, 5, 10, 0, tzinfo=UTC)


def ctx(facts: Facts, now: datetime = NOW) -> MeasureContext:
    return MeasureContext(facts=facts, period=Q1, now=now)


def person(pid: int) -> PersonFact:
    return PersonFact(pid, f"P{pid}", date(1990, 1, 1), False, "", "", "", "", "", "", "", "", "")


def referral(rid: int, pid: int, at: datetime, **kw: Any) -> ReferralFact:
    base: dict[str, Any] = {
        "route": "police",
        "received_via": "",
        "source": "manual",
        "source_organisation": "",
        "contact_method": "",
        "priority": "standard",
        "primary_support_need": "",
        "referrer_risk_level": "",
        "decision": "accepted",
        "decided_at": at,
    }
    base.update(kw)
    return ReferralFact(rid, pid, at, **base)


def case(cid: int, opened: datetime, closed: datetime | None = None, **kw: Any) -> CaseFact:
    base: dict[str, Any] = {
        "person_id": cid,
        "referral_id": None,
        "state": "closed" if closed else "engaged",
        "risk_level": "",
        "first_contact_at": None,
        "exit_type": "",
        "allocated_to_id": None,
        "team_id": None,
    }
    base.update(kw)
    return CaseFact(
        cid,
        base.pop("person_id"),
        base.pop("referral_id"),
        base.pop("state"),
        base.pop("risk_level"),
        opened,
        base.pop("first_contact_at"),
        closed,
        base.pop("exit_type"),
        base.pop("allocated_to_id"),
        base.pop("team_id"),
    )


def test_a_referral_at_2359_bst_on_30_june_counts_in_q1_and_one_at_0030_on_1_july_does_not():
    facts = Facts(
        referrals=[
            referral(1, 1, datetime(2026, 6, 30, 22, 59, 59, tzinfo=UTC)),  # 23:59:59 BST 30 June
            referral(2, 2, datetime(2026, 6, 30, 23, 30, tzinfo=UTC)),  # 00:30 BST 1 July
            referral(3, 3, datetime(2026, 3, 31, 23, 0, tzinfo=UTC)),  # 00:00 BST 1 April
        ]
    )
    assert referrals_received(ctx(facts)).numerator == (1, 3)


def test_repeat_is_a_referral_within_365_days_of_the_persons_previous_one():
    # reference.md §2 / seed 004 s10 A2 (SafeLives: within 12 months). Person 1: referred
    # 1 June 2025 and 5 May 2026 (338 days apart) -> repeat. Person 2: 1 May 2025 and 5 May 2026
    # (369 days) -> not a repeat. Person 3: once. So 1 repeat of 3 referrals in Q1.
    facts = Facts(
        referrals=[
            referral(10, 1, datetime(2025, 6, 1, tzinfo=UTC)),
            referral(11, 1, MAY),
            referral(20, 2, datetime(2025, 5, 1, tzinfo=UTC)),
            referral(21, 2, MAY),
            referral(31, 3, MAY),
        ]
    )
    share = repeat_referrals(ctx(facts))
    assert share.numerator == (11,)
    assert len(share.denominator or ()) == 3
    assert share.value == 1 / 3
    assert repeat_referrals(ctx(facts), window_days=400).value == 2 / 3


def test_planned_exits_share_counts_closures_in_the_period_only():
    # seed 004 s10 B5: 2 planned of 3 closed in Q1; the one closed in March is not counted
    facts = Facts(
        cases=[
            case(1, MAY - timedelta(days=30), MAY, exit_type="planned"),
            case(2, MAY - timedelta(days=30), MAY, exit_type="planned"),
            case(3, MAY - timedelta(days=30), MAY, exit_type="unplanned"),
            case(
                4,
                datetime(2026, 1, 1, tzinfo=UTC),
                datetime(2026, 3, 1, tzinfo=UTC),
                exit_type="planned",
            ),
        ]
    )
    figure = planned_exits(ctx(facts))
    assert figure.value == 2 / 3
    assert set(figure.numerator) == {1, 2}


def task(tid: int, due: datetime, status: str, met_at: datetime | None = None) -> TaskFact:
    return TaskFact(tid, 1, "first_contact_phone", "contact_phone", due, status, met_at, met_at)


def test_deadlines_met_counts_by_due_date_and_ignores_cancelled_and_not_yet_due():
    # met on time (1), done late = missed (2), breached (3), cancelled before due (4: neither),
    # open and past due at `now` (5: missed), open and due after `now` (6: not yet known),
    # met but due in March (7: another period). Known outcomes: 1, 2, 3, 5 -> 1 of 4 met.
    now = datetime(2026, 6, 20, tzinfo=UTC)
    facts = Facts(
        tasks=[
            task(1, MAY, "met", MAY - timedelta(hours=1)),
            task(2, MAY, "met", MAY + timedelta(hours=1)),
            task(3, MAY, "breached"),
            task(4, MAY, "cancelled"),
            task(5, MAY, "open"),
            task(6, datetime(2026, 6, 25, tzinfo=UTC), "open"),
            task(7, datetime(2026, 3, 10, tzinfo=UTC), "met", datetime(2026, 3, 9, tzinfo=UTC)),
        ]
    )
    met = deadlines_met(ctx(facts, now), rules=["first_contact_phone"])
    assert met.numerator == (1,)
    assert set(met.denominator or ()) == {1, 2, 3, 5}
    assert deadlines_missed(ctx(facts, now), rules=["first_contact_phone"]).value == 3
    assert deadlines_met(ctx(facts, now), rules=["another_rule"]).value is None


def risk(rid: int, cid: int, score: int, at: datetime) -> RiskFact:
    return RiskFact(rid, cid, "review", score, "medium", at, False)


def test_risk_reduced_at_closure_compares_last_with_first_checklist():
    # seed 003 s13: case 1 went 16 -> 9 (reduced); case 2 went 9 -> 12 (not); case 3 has one
    # checklist (no reduction shown). 1 of 3 closures.
    start = MAY - timedelta(days=60)
    facts = Facts(
        cases=[case(1, start, MAY), case(2, start, MAY), case(3, start, MAY)],
        risks=[
            risk(1, 1, 16, start),
            risk(2, 1, 9, MAY - timedelta(days=1)),
            risk(3, 2, 9, start),
            risk(4, 2, 12, MAY - timedelta(days=1)),
            risk(5, 3, 14, start),
        ],
    )
    figure = risk_reduced_at_closure(ctx(facts))
    assert figure.numerator == (1,)
    assert figure.value == 1 / 3


def test_average_support_days_is_the_mean_of_closed_cases_lengths():
    # seed 003 s13: closed after 10 and 30 days -> 20.0 days; an open case is not counted
    facts = Facts(
        cases=[
            case(1, MAY - timedelta(days=10), MAY, risk_level="high"),
            case(2, MAY - timedelta(days=30), MAY, risk_level="medium"),
            case(3, MAY - timedelta(days=300), None),
        ]
    )
    assert average_support_days(ctx(facts)).value == 20.0
    assert average_support_days(ctx(facts), risk_levels=["high"]).value == 10.0
