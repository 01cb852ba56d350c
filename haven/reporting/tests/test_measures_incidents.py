"""Serious incidents, complaints and compliments measures (issue 12) on small hand-built facts:
Cornwall's contract-review information (seed 004 s10 "serious incidents", "compliments and
complaints"), Leicester's complaints received and resolved (seed 001 Lot 1, 3 and 4 s8
"number of complaints received (and number resolved)"), opcc-dv360's complaints (seed 000 s6),
target hardening's (seed 002 s4) and Victim First's (seed 002 s9). Each reads its measure from
the profile YAML. The period is 1 April to 30 June 2026."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from haven.reporting.facts import ComplaintFact, ComplimentFact, Facts, SeriousIncidentFact
from haven.reporting.measures.base import NEEDS, MeasureContext
from haven.reporting.measures.incidents import serious_incidents
from haven.reporting.tests.test_measures_contact import (
    JUST_BEFORE,
    JUST_INSIDE,
    LAST_MINUTE,
    NOW,
    Q1,
    result,
)


def complaint(cid: int, received: date, resolved: date | None = None) -> ComplaintFact:
    outcome = "upheld" if resolved else ""
    return ComplaintFact(cid, None, received, "service_user", "delay", outcome, resolved)


def incident(
    iid: int, at: datetime, kind: str = "near_miss", notified: datetime | None = None
) -> SeriousIncidentFact:
    due = at + timedelta(days=3)
    return SeriousIncidentFact(iid, None, kind, at, due, notified)


COMPLAINTS = [
    complaint(1, date(2026, 3, 31)),  # before the quarter
    complaint(2, date(2026, 4, 1)),
    complaint(3, date(2026, 6, 30), date(2026, 7, 1)),  # resolved after it
    complaint(4, date(2026, 3, 10), date(2026, 4, 2)),  # received before, resolved inside
    complaint(5, date(2026, 5, 1), date(2026, 5, 20)),
]


@pytest.mark.parametrize(
    "slug",
    [
        "leicester-family-2012",
        "leicester-perpetrator-2012",
        "leicester-victim-survivor-2012",
    ],
)
def test_seed_001_s8_complaints_received_and_resolved_in_the_quarter(slug):
    facts = Facts(complaints=COMPLAINTS)
    assert result(slug, "complaints_received", facts).value == 3
    assert result(slug, "complaints_resolved", facts).value == 2


@pytest.mark.parametrize(
    ("slug", "measure_id"),
    [
        ("opcc-dv360", "complaints"),  # seed 000 s6
        ("target-hardening-2018", "complaints"),  # seed 002 s4
        ("victim-first-2018", "complaints"),  # seed 002 s9
        ("cornwall-mens-refuge-2021", "complaints"),  # seed 004 s10
    ],
)
def test_every_contract_counts_the_complaints_received(slug, measure_id):
    assert result(slug, measure_id, Facts(complaints=COMPLAINTS)).value == 3


def test_seed_004_s10_compliments_received_in_the_quarter():
    facts = Facts(
        compliments=[
            ComplimentFact(1, None, date(2026, 4, 1), "service_user"),
            ComplimentFact(2, None, date(2026, 7, 1), "professional"),
        ]
    )
    assert result("cornwall-mens-refuge-2021", "compliments", facts).value == 1


def test_seed_004_s10_serious_incidents_that_occurred_in_the_quarter_by_local_time():
    facts = Facts(
        serious_incidents=[
            incident(1, JUST_BEFORE),
            incident(2, JUST_INSIDE, "domestic_homicide"),
            incident(3, LAST_MINUTE),
        ]
    )
    figure = result("cornwall-mens-refuge-2021", "serious_incidents", facts).figure
    assert figure is not None
    assert figure.numerator == (2, 3)
    ctx = MeasureContext(facts=facts, period=Q1, now=NOW)
    assert serious_incidents(ctx, kind="domestic_homicide").numerator == (2,)
    with pytest.raises(ValueError, match="kind must be one of"):
        serious_incidents(ctx, kind="burglary")


def test_seed_004_s9_reported_in_time_is_a_share_of_those_with_a_deadline():
    from haven.reporting.measures.incidents import serious_incidents_reported_in_time

    at = datetime(2026, 5, 1, 10, tzinfo=UTC)
    facts = Facts(
        serious_incidents=[
            incident(1, at, notified=at + timedelta(days=1)),
            incident(2, at, notified=at + timedelta(days=4)),
            incident(3, at),
            SeriousIncidentFact(4, None, "near_miss", at, None, None),  # no deadline
        ]
    )
    figure = serious_incidents_reported_in_time(MeasureContext(facts=facts, period=Q1, now=NOW))
    assert figure.numerator == (1,)
    assert figure.denominator == (1, 2, 3)


def test_the_measures_read_the_optional_incidents_facts():
    assert NEEDS["complaints_received"] == frozenset({"incidents"})
    assert NEEDS["serious_incidents"] == frozenset({"incidents"})
