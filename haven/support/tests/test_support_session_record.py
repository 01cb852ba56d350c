"""`support_session_record`: a SupportSession row (what returns count), audited, and a timeline
entry pointing at it that holds no counted fact; refused before anything is saved."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState
from haven.core.models import AuditEvent
from haven.support.models import SupportSession
from haven.support.services import support_session_record

pytestmark = pytest.mark.django_db


def _ago(minutes=30):
    return timezone.now() - dt.timedelta(minutes=minutes)


def _record(case, personas, **overrides):
    fields = {
        "case": case,
        "recorded_by": personas.caseworker,
        "delivered_at": _ago(),
        "mode": "telephone",
        "duration_minutes": 45,
    } | overrides
    return support_session_record(**fields)


def _problems(refused):
    return refused.value.message_dict if hasattr(refused.value, "error_dict") else refused.value


def test_it_records_the_session_with_a_timeline_entry_pointing_at_it(supported_case, personas):
    at = _ago()
    session = _record(
        supported_case,
        personas,
        delivered_at=at,
        mode="face_to_face",
        duration_minutes=90,
        covered=frozenset({"safety_planning", "vps_enabled"}),
        notes="  Synthetic notes ",
    )
    session.refresh_from_db()
    assert (session.mode, session.duration_minutes, session.delivered_at) == (
        "face_to_face",
        90,
        at,
    )
    assert (session.safety_planning, session.vps_enabled, session.court_session) == (
        True,
        True,
        False,
    )
    assert session.notes == "Synthetic notes"
    assert session.delivered_by == personas.caseworker  # defaults to the recorder
    event = CaseEvent.objects.get(case=supported_case, kind="support_session")
    assert (event.object_type, event.object_id) == ("support.supportsession", str(session.pk))
    assert event.occurred_at == at
    assert event.summary == "Support session: face to face, 90 minutes"
    assert event.data == {}  # counted facts live on the row


def test_its_audit_names_the_row_and_what_was_covered_without_the_notes(supported_case, personas):
    session = _record(
        supported_case, personas, covered=frozenset({"emotional_support"}), notes="Synthetic"
    )
    audit = AuditEvent.objects.get(object_id=str(session.pk), action="create")
    assert audit.changes["mode"] == [None, "telephone"]
    assert audit.changes["covered"] == [None, ["emotional_support"]]
    assert "notes" not in audit.changes


def test_a_session_at_court_is_a_court_session(supported_case, personas):
    session = _record(
        supported_case, personas, mode="court", covered=frozenset({"specialist_dv_court"})
    )
    assert (session.court_session, session.specialist_dv_court) == (True, True)


def test_a_specialist_court_that_was_not_a_court_session_is_refused(supported_case, personas):
    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, covered=frozenset({"specialist_dv_court"}))
    assert "covered" in _problems(refused)
    assert not SupportSession.objects.exists()


def test_another_user_may_have_delivered_it(supported_case, personas):
    session = _record(supported_case, personas, delivered_by=personas.teammate)
    assert (session.delivered_by, session.recorded_by) == (personas.teammate, personas.caseworker)


def test_a_closed_case_takes_no_session(supported_case, personas):
    supported_case.state = CaseState.CLOSED
    supported_case.save()
    with pytest.raises(ValidationError, match="closed"):
        _record(supported_case, personas)
    assert not SupportSession.objects.exists()


def test_a_session_in_the_future_is_refused(supported_case, personas):
    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, delivered_at=timezone.now() + dt.timedelta(hours=1))
    assert _problems(refused)["delivered_at"] == [
        "Date and time of the session must be in the past"
    ]


def test_a_session_before_the_case_opened_is_refused(supported_case, personas):
    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, delivered_at=_ago(60 * 24 * 11))
    assert "when the case opened" in _problems(refused)["delivered_at"][0]
    assert not CaseEvent.objects.filter(kind="support_session").exists()


@pytest.mark.parametrize("minutes", [0, 721, -5])
def test_a_length_outside_one_minute_to_twelve_hours_is_refused(supported_case, personas, minutes):
    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, duration_minutes=minutes)
    assert "duration_minutes" in _problems(refused)


@pytest.mark.parametrize("minutes", [1, 720])
def test_one_minute_and_twelve_hours_are_accepted(supported_case, personas, minutes):
    assert _record(supported_case, personas, duration_minutes=minutes).duration_minutes == minutes


def test_an_unknown_mode_or_coverage_is_refused(supported_case, personas):
    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, mode="carrier_pigeon", covered=frozenset({"astrology"}))
    assert set(_problems(refused)) == {"mode", "covered"}


def test_it_records_who_the_session_was_with(supported_case, personas):
    # seed 001 Lot 1: the Family Service works with the child and their parents and carers
    assert _record(supported_case, personas).session_with == "survivor"
    session = _record(supported_case, personas, session_with="parent_carer")
    assert session.session_with == "parent_carer"
    audit = AuditEvent.objects.get(object_id=str(session.pk), action="create")
    assert audit.changes["session_with"] == [None, "parent_carer"]


def test_an_unknown_attendee_is_refused(supported_case, personas):
    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, session_with="neighbour")
    assert set(_problems(refused)) == {"session_with"}


def test_someone_outside_the_service_cannot_have_delivered_it(supported_case, personas):
    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, delivered_by=personas.other_provider_caseworker)
    assert _problems(refused)["delivered_by"] == ["Select a member of staff of this service"]
    assert not SupportSession.objects.exists()
