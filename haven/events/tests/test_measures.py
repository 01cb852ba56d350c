"""The events measures on small hand-built facts, each read from its profile (issue 16 item 2):
seed 001 Lot 1 s8 "Number of training & awareness [sessions] delivered (and locations such as
schools)", "Number of community events held", "Increased awareness of domestic violence locally
amongst practitioners and the public"; Lot 4 s8 "Number of training sessions delivered to local
practitioners or public (specify)", "Number of community events held". The period is 1 April
to 30 June 2026 (UK time)."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest

from haven.reporting.facts import EventFact, EventFeedbackFact, Facts
from haven.reporting.measures.base import MeasureContext
from haven.reporting.measures.events import event_feedback_share, events_delivered
from haven.reporting.tests.test_measures_contact import (
    JUST_AFTER,
    JUST_BEFORE,
    JUST_INSIDE,
    LAST_MINUTE,
    NOW,
    Q1,
    cell,
    result,
)

FAMILY = "leicester-family-2012"
PERPETRATOR = "leicester-perpetrator-2012"


def event(
    eid: int,
    kind: str,
    at: datetime,
    location: str = "school",
    audience: str = "young_people",
    forms: int = 0,
    aware: int = 0,
    confident: int = 0,
) -> EventFact:
    return EventFact(eid, kind, at, location, audience, 30, forms, aware, confident)


def feedback(events: list[EventFact]) -> list[EventFeedbackFact]:
    rows = []
    for e in events:
        for question, yes in (
            ("awareness", e.awareness_increased),
            ("confidence", e.more_confident),
        ):
            rows += [
                EventFeedbackFact(
                    uuid.uuid4(), e.id, e.starts_at, question, n < yes, e.location_type, e.audience
                )
                for n in range(e.feedback_forms)
            ]
    return rows


EVENTS = [
    event(1, "school_session", JUST_INSIDE),
    event(2, "training", LAST_MINUTE, location="gp_practice", audience="practitioners"),
    event(3, "awareness", JUST_BEFORE, audience="public"),  # before the quarter
    event(4, "conference_talk", JUST_AFTER, audience="practitioners"),  # after it
    event(5, "conference_talk", JUST_INSIDE, location="other", audience="practitioners"),
    event(6, "community_event", JUST_INSIDE, location="community_centre", audience="public"),
    event(7, "stall_drop_in", LAST_MINUTE, location="faith_venue", audience="public"),
    event(8, "awareness", LAST_MINUTE, location="workplace", audience="public"),
]


def facts() -> Facts:
    return Facts(events=EVENTS, event_feedback=feedback(EVENTS))


def test_seed_001_lot_1_s8_training_and_awareness_sessions_by_location():
    res = result(FAMILY, "training_awareness_sessions", facts())
    assert set(res.figure.numerator) == {1, 2, 5, 8}
    # "(and locations such as schools)"
    assert cell(res, "event_location_type", "school").value == 1
    assert cell(res, "event_location_type", "gp_practice").value == 1
    assert cell(res, "event_audience", "practitioners").value == 2


@pytest.mark.parametrize("slug", [FAMILY, PERPETRATOR])
def test_seed_001_s8_community_events_held_count_stalls_and_drop_ins(slug):
    res = result(slug, "community_events", facts())
    assert set(res.figure.numerator) == {6, 7}
    assert cell(res, "event_location_type", "faith_venue").value == 1


def test_seed_001_lot_4_s8_training_sessions_specify_practitioners_or_public():
    res = result(PERPETRATOR, "training_sessions", facts())
    assert res.value == 4
    assert cell(res, "event_audience", "practitioners").value == 2
    assert cell(res, "event_audience", "public").value == 1
    assert cell(res, "event_audience", "young_people").value == 1


def test_seed_001_lot_1_s8_awareness_locally_is_the_share_of_forms_saying_it_increased():
    events = [
        event(1, "training", JUST_INSIDE, audience="practitioners", forms=10, aware=8, confident=2),
        event(2, "awareness", LAST_MINUTE, audience="public", forms=10, aware=4),
        # the service's own staff are not "practitioners and the public" locally
        event(3, "training", LAST_MINUTE, audience="service_staff", forms=5, aware=5),
        event(4, "awareness", JUST_BEFORE, audience="public", forms=10, aware=0),  # before
    ]
    res = result(FAMILY, "awareness_locally", Facts(events=events, event_feedback=feedback(events)))
    assert res.value == pytest.approx(12 / 20)
    assert len(res.figure.denominator) == 20
    assert cell(res, "event_audience", "practitioners").value == pytest.approx(0.8)


def test_no_feedback_forms_give_no_percentage():
    events = [event(1, "training", JUST_INSIDE, audience="practitioners")]
    res = result(FAMILY, "awareness_locally", Facts(events=events, event_feedback=[]))
    assert res.value is None


def test_confidence_to_act_is_counted_from_its_own_answers():
    events = [
        event(1, "training", JUST_INSIDE, audience="practitioners", forms=4, aware=1, confident=3)
    ]
    ctx = MeasureContext(Facts(events=events, event_feedback=feedback(events)), Q1, NOW)
    assert event_feedback_share(ctx, question="confidence").value == 0.75


def test_unknown_kinds_audiences_and_questions_are_refused():
    ctx = MeasureContext(facts(), Q1, NOW)
    with pytest.raises(ValueError, match="kinds"):
        events_delivered(ctx, kinds=["party"])
    with pytest.raises(ValueError, match="audiences"):
        events_delivered(ctx, audiences=["everyone"])
    with pytest.raises(ValueError, match="question"):
        event_feedback_share(ctx, question="happiness")
