"""The helpline's measures (reporting/measures/helpline.py), pure over facts: seed 003 s13 and
s6.1 (Wokingham), seed 001 Lot 3 s8 (Leicester victim-survivor)."""

from datetime import UTC, date, datetime
from uuid import uuid4

from haven.reporting.facts import CallBackFact, Facts, HelplineCallFact
from haven.reporting.measures.base import MeasureContext
from haven.reporting.measures.helpline import (
    helpline_call_backs,
    helpline_calls,
    helpline_calls_out_of_hours,
    helpline_counselling_hours,
    helpline_enquiries_answered_in_time,
)
from haven.reporting.periods import date_range

PERIOD = date_range(date(2026, 4, 1), date(2026, 6, 30))
NOW = datetime(2026, 7, 10, tzinfo=UTC)
IN = datetime(2026, 5, 5, 10, tzinfo=UTC)
DUE = datetime(2026, 5, 7, 22, 59, tzinfo=UTC)
BEFORE = datetime(2026, 3, 30, 10, tzinfo=UTC)


def call(**fields):
    values = {
        "id": uuid4(),
        "started_at": IN,
        "direction": "in",
        "out_of_hours": False,
        "kind": "support",
        "duration_minutes": 30,
        "answered_at": IN,
        "answer_due_at": DUE,
    }
    values.update(fields)
    return HelplineCallFact(**values)


def ctx(calls=(), call_backs=(), now=NOW):
    return MeasureContext(
        facts=Facts(helpline_calls=list(calls), call_backs=list(call_backs)),
        period=PERIOD,
        now=now,
    )


def test_seed_003_s13_calls_to_the_helpline_are_incoming_calls_of_the_period():
    inbound, outbound, earlier = call(), call(direction="out"), call(started_at=BEFORE)
    figure = helpline_calls(ctx([inbound, outbound, earlier]))
    assert figure.numerator == (inbound.id,)
    assert helpline_calls(ctx([inbound, outbound]), direction="out").numerator == (outbound.id,)


def test_seed_001_lot_3_s8_call_backs_done_in_the_period():
    done = CallBackFact(uuid4(), uuid4(), "done", IN, IN)
    missed = CallBackFact(uuid4(), uuid4(), "missed", IN, IN)
    due = CallBackFact(uuid4(), uuid4(), "due", IN, None)
    earlier = CallBackFact(uuid4(), uuid4(), "done", BEFORE, BEFORE)
    assert helpline_call_backs(ctx(call_backs=[done, missed, due, earlier])).numerator == (done.id,)


def test_seed_001_lot_3_s8_telephone_counselling_hours():
    calls = [
        call(kind="counselling", duration_minutes=50),
        call(kind="counselling", duration_minutes=40),
        call(duration_minutes=200),
    ]
    assert helpline_counselling_hours(ctx(calls)).value == 1.5


def test_seed_003_s6_1_enquiries_answered_within_2_working_days():
    live = call()
    late = call(answered_at=datetime(2026, 5, 8, 9, tzinfo=UTC))
    open_past_due = call(answered_at=None)
    open_not_due = call(answered_at=None, answer_due_at=datetime(2026, 7, 12, tzinfo=UTC))
    outgoing = call(direction="out")
    figure = helpline_enquiries_answered_in_time(
        ctx([live, late, open_past_due, open_not_due, outgoing])
    )
    assert figure.numerator == (live.id,)
    assert set(figure.denominator) == {live.id, late.id, open_past_due.id}


def test_seed_001_lot_3_s8_out_of_hours_calls():
    evening = call(out_of_hours=True)
    assert helpline_calls_out_of_hours(ctx([evening, call()])).numerator == (evening.id,)
