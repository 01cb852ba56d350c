"""Equality analysis over hand-built facts (issue 10 s4; seed 004 s11.1 "analysis of inequality
of access and outcomes across protected characteristics"; seed 001 s14): each group's share of
referrals, engagement and planned exits, compared with the population baselines."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from haven.reporting.equality import (
    BaselineFigure,
    analyse,
    combined_share,
    equality_json,
)
from haven.reporting.facts import CaseFact, Facts, PersonFact, ReferralFact
from haven.reporting.measures.base import MeasureContext
from haven.reporting.periods import parse_period

Q1 = parse_period("2026-Q1", "04-01")
IN = datetime(2026, 5, 1, 10, tzinfo=UTC)


def person(pid, religion, sex="female"):
    return PersonFact(
        pid, f"R{pid}", date(1990, 1, 1), False, "Leicester", sex, "yes", "straight", "no",
        "white_british", religion, "never", "no",
    )  # fmt: skip


def referral(rid, pid):
    return ReferralFact(
        rid, pid, IN, "police", "email", "manual", "", "", "standard", "da", "", "accepted", None
    )


def case(cid, pid, rid, *, contact=None, closed=None, exit_type=""):
    return CaseFact(cid, pid, rid, "engaged", "", IN, contact, closed, exit_type, None, None)


def figure(area, category, share, population=None):
    return BaselineFigure(
        area, "religion_belief", category, share, population, "ONS Census 2021 TS030", "", 2021
    )


@pytest.fixture
def ctx():
    # five referrals: 3 Christian, 1 Muslim, 1 not known. Recorded answers: 4, so Christian is
    # 3/4 = 75% and Muslim 1/4 = 25% of referrals.
    people = [
        person(1, "christian"),
        person(2, "christian"),
        person(3, "christian"),
        person(4, "muslim"),
        person(5, ""),
    ]
    referrals = [referral(10 + p.id, p.id) for p in people]
    cases = [
        case(21, 1, 11, contact=IN, closed=IN, exit_type="planned"),
        case(22, 2, 12, closed=IN, exit_type="unplanned"),
        case(23, 4, 14, contact=IN, closed=IN, exit_type="planned"),
    ]
    facts = Facts(persons={p.id: p for p in people}, referrals=referrals, cases=cases)
    return MeasureContext(facts=facts, period=Q1, now=IN)


def test_shares_of_referrals_compared_with_the_baseline(ctx):
    baselines = [figure("Leicester", "christian", 0.2475), figure("Leicester", "muslim", 0.2345)]
    tables = {t.key: t for t in analyse(ctx, ["Leicester"], baselines)}
    religion = {row.key: row for row in tables["religion_belief"].rows}
    christian, muslim, not_known = religion["christian"], religion["muslim"], religion["not_known"]
    assert (christian.referrals, christian.referral_share) == (3, 0.75)
    assert (muslim.referrals, muslim.referral_share) == (1, 0.25)
    assert (not_known.referrals, not_known.referral_share) == (5 - 4, None)
    # compared with the population: 75% of referrals against 24.75% of Leicester's residents
    (leicester,) = christian.baselines
    assert leicester.share == 0.2475
    assert christian.gap(leicester.share) == pytest.approx(0.75 - 0.2475)
    # a category without a figure has no baseline
    hindu = religion["hindu"]
    assert hindu.referrals == 0
    assert hindu.baselines[0].figure is None


def test_engagement_and_planned_exits_by_group(ctx):
    tables = {t.key: t for t in analyse(ctx, ["Leicester"], [])}
    religion = {row.key: row for row in tables["religion_belief"].rows}
    christian, muslim = religion["christian"], religion["muslim"]
    # Christian: 2 cases opened, 1 engaged (first contact); 2 closed, 1 planned
    assert (christian.opened, christian.engaged, christian.engaged_rate) == (2, 1, 0.5)
    assert (christian.closures, christian.planned_exits, christian.planned_rate) == (2, 1, 0.5)
    assert (muslim.opened, muslim.engaged, muslim.planned_rate) == (1, 1, 1.0)
    assert tables["religion_belief"].referrals == 5
    assert tables["religion_belief"].recorded == 4


def test_areas_combine_by_population_only_when_every_area_has_one():
    # (0.25 * 300 + 0.10 * 700) / 1000 = 0.145
    both = [figure("A", "christian", 0.25, 300), figure("B", "christian", 0.10, 700)]
    assert combined_share(both) == pytest.approx(0.145)
    assert combined_share([both[0], figure("B", "christian", 0.10)]) is None  # no population
    assert combined_share([both[0], None]) is None  # no baseline in B


def test_every_protected_characteristic_has_a_table_and_the_json_is_plain(ctx):
    tables = analyse(ctx, ["Leicester", "Leicestershire"], [])
    assert [t.key for t in tables] == [
        "age",
        "disability",
        "gender_reassignment",
        "marriage_civil_partnership",
        "pregnancy_maternity",
        "race",
        "religion_belief",
        "sex",
        "sexual_orientation",
    ]
    from haven.reporting.equality import EqualityAnalysis

    analysis = EqualityAnalysis("vf", "Victim First", Q1, ("Leicester",), False, tables)
    data = equality_json(analysis)
    import json

    json.dumps(data)
    religion = next(c for c in data["characteristics"] if c["id"] == "religion_belief")
    christian = next(g for g in religion["groups"] if g["id"] == "christian")
    assert christian["referrals"] == 3
    assert christian["referral_share"] == 0.75
