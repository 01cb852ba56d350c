"""`proceeding_record`: a Proceeding row (what returns count), audited, and a timeline entry
pointing at it; refused before anything is saved."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState
from haven.core.models import AuditEvent
from haven.proceedings.models import Proceeding
from haven.proceedings.services import proceeding_record

pytestmark = pytest.mark.django_db


def _record(case, personas, **overrides):
    fields = {
        "case": case,
        "recorded_by": personas.caseworker,
        "kind": "non_molestation_order",
        "court_type": "family",
        "started_on": timezone.localdate() - dt.timedelta(days=2),
    } | overrides
    return proceeding_record(**fields)


def _problems(refused):
    return refused.value.message_dict


def test_it_records_an_ongoing_proceeding_with_a_timeline_entry(supported_case, personas):
    proceeding = _record(
        supported_case,
        personas,
        kind="criminal_prosecution",
        court_type="magistrates",
        court_name="  Synthetic Court ",
        specialist_dv_court=True,
        next_hearing_on=timezone.localdate() + dt.timedelta(days=20),
    )
    proceeding.refresh_from_db()
    assert (proceeding.status, proceeding.outcome, proceeding.outcome_on) == ("ongoing", "", None)
    assert proceeding.court_name == "Synthetic Court"
    assert proceeding.court_text == (
        "Synthetic Court, Magistrates' court, specialist domestic abuse court"
    )
    assert proceeding.justice_system == "criminal"
    event = CaseEvent.objects.get(case=supported_case, kind="proceeding")
    assert (event.object_type, event.object_id) == ("proceedings.proceeding", str(proceeding.pk))
    assert event.summary == "Legal proceeding: criminal prosecution"
    assert event.data == {}
    audit = AuditEvent.objects.get(object_id=str(proceeding.pk), action="create")
    assert audit.changes["kind"] == [None, "criminal_prosecution"]
    assert "court_name" not in audit.changes


def test_it_may_have_started_before_the_case_opened(supported_case, personas):
    started = timezone.localdate() - dt.timedelta(days=200)
    assert _record(supported_case, personas, started_on=started).started_on == started


def test_a_closed_case_takes_no_proceeding(supported_case, personas):
    supported_case.state = CaseState.CLOSED
    supported_case.save()
    with pytest.raises(ValidationError, match="closed"):
        _record(supported_case, personas)
    assert not Proceeding.objects.exists()


def test_a_start_in_the_future_is_refused(supported_case, personas):
    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, started_on=timezone.localdate() + dt.timedelta(days=1))
    assert _problems(refused)["started_on"] == ["Start date must be today or in the past"]


def test_a_next_hearing_before_the_start_is_refused(supported_case, personas):
    with pytest.raises(ValidationError) as refused:
        _record(
            supported_case,
            personas,
            next_hearing_on=timezone.localdate() - dt.timedelta(days=5),
        )
    assert "next_hearing_on" in _problems(refused)
    assert not Proceeding.objects.exists()


def test_an_unknown_kind_or_court_is_refused(supported_case, personas):
    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, kind="trial_by_combat", court_type="star_chamber")
    assert set(_problems(refused)) == {"kind", "court_type"}
    assert not CaseEvent.objects.filter(kind="proceeding").exists()


def test_a_court_name_too_long_is_refused(supported_case, personas):
    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, court_name="x" * 201)
    assert "court_name" in _problems(refused)
