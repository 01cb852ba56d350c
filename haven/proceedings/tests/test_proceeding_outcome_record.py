"""`proceeding_outcome_record`: a final outcome concludes the proceeding, "charged" keeps a
prosecution going; outcomes the kind cannot have, dates out of range, concluded proceedings and
closed cases are refused."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState
from haven.core.models import AuditEvent
from haven.proceedings.services import proceeding_outcome_record, proceeding_record

pytestmark = pytest.mark.django_db


def _outcome(proceeding, personas, **overrides):
    fields = {
        "proceeding": proceeding,
        "recorded_by": personas.caseworker,
        "outcome": "guilty_plea",
        "outcome_on": timezone.localdate(),
    } | overrides
    return proceeding_outcome_record(**fields)


def test_a_conviction_concludes_the_prosecution(prosecution, personas):
    done = _outcome(prosecution, personas)
    done.refresh_from_db()
    assert (done.status, done.outcome, done.outcome_on) == (
        "concluded",
        "guilty_plea",
        timezone.localdate(),
    )
    event = CaseEvent.objects.get(kind="proceeding_outcome")
    assert event.summary == "Criminal prosecution: convicted: guilty plea"
    audit = AuditEvent.objects.get(object_id=str(done.pk), action="update")
    assert audit.changes["status"] == ["ongoing", "concluded"]


def test_a_charge_keeps_the_prosecution_going_with_its_next_hearing(prosecution, personas):
    hearing = timezone.localdate() + dt.timedelta(days=14)
    charged = _outcome(prosecution, personas, outcome="charged", next_hearing_on=hearing)
    assert (charged.status, charged.next_hearing_on) == ("ongoing", hearing)
    found = _outcome(charged, personas, outcome="found_guilty")
    assert (found.status, found.next_hearing_on) == ("concluded", None)


def test_a_concluded_proceeding_takes_no_second_outcome(prosecution, personas):
    _outcome(prosecution, personas, outcome="acquitted")
    with pytest.raises(ValidationError, match="concluded"):
        _outcome(prosecution, personas, outcome="guilty_plea")


def test_an_order_outcome_on_a_prosecution_is_refused(prosecution, personas):
    with pytest.raises(ValidationError) as refused:
        _outcome(prosecution, personas, outcome="granted")
    assert "outcome" in refused.value.message_dict
    prosecution.refresh_from_db()
    assert prosecution.outcome == ""


def test_a_conviction_on_an_order_is_refused(supported_case, personas):
    order = proceeding_record(
        case=supported_case,
        recorded_by=personas.caseworker,
        kind="occupation_order",
        court_type="family",
        started_on=timezone.localdate(),
    )
    with pytest.raises(ValidationError) as refused:
        _outcome(order, personas, outcome="found_guilty")
    assert "outcome" in refused.value.message_dict
    assert _outcome(order, personas, outcome="refused").status == "concluded"


def test_an_outcome_before_the_start_or_in_the_future_is_refused(prosecution, personas):
    for day in (
        prosecution.started_on - dt.timedelta(days=1),
        timezone.localdate() + dt.timedelta(days=1),
    ):
        with pytest.raises(ValidationError) as refused:
            _outcome(prosecution, personas, outcome_on=day)
        assert "outcome_on" in refused.value.message_dict


def test_a_next_hearing_after_a_final_outcome_is_refused(prosecution, personas):
    with pytest.raises(ValidationError) as refused:
        _outcome(prosecution, personas, next_hearing_on=timezone.localdate())
    assert "next_hearing_on" in refused.value.message_dict


def test_a_closed_case_takes_no_outcome(prosecution, personas):
    prosecution.case.state = CaseState.CLOSED
    prosecution.case.save()
    with pytest.raises(ValidationError, match="closed"):
        _outcome(prosecution, personas)
