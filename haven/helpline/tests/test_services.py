"""The helpline's writes (seed 003 s6.1, seed 001 Lot 3 s8, seed 002 s3.11, reference.md s5)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from haven.helpline.models import CallBack, HelplineCall
from haven.helpline.services import (
    CallBackRequest,
    call_back_close,
    helpline_call_log,
    shift_add,
)

pytestmark = pytest.mark.django_db


def _log(contract, user, **overrides):
    values = {
        "contract": contract,
        "taken_by": user,
        "started_at": datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
        "direction": "in",
        "caller_type": "victim",
        "duration_minutes": 12,
        "outcomes": ["information"],
    }
    values.update(overrides)
    return helpline_call_log(**values)


def test_seed_001_lot_3_out_of_hours_is_not_9_to_5_without_opening_hours(wokingham, personas):
    in_hours = _log(wokingham, personas.caseworker)
    evening = _log(
        wokingham, personas.caseworker, started_at=datetime(2026, 3, 2, 18, 30, tzinfo=UTC)
    )
    assert not in_hours.out_of_hours
    assert evening.out_of_hours


def test_seed_002_s3_2_out_of_hours_follows_the_profiles_opening_hours(victim_first, personas):
    """Victim First opens until 20:00 on Wednesdays and is closed on Sundays."""
    wednesday_evening = _log(
        victim_first, personas.caseworker, started_at=datetime(2026, 3, 4, 19, 0, tzinfo=UTC)
    )
    sunday = _log(
        victim_first, personas.caseworker, started_at=datetime(2026, 3, 8, 11, 0, tzinfo=UTC)
    )
    assert not wednesday_evening.out_of_hours
    assert sunday.out_of_hours


def test_seed_003_s6_1_answer_due_two_working_days_later_over_a_bank_holiday(wokingham, personas):
    """Received Thursday 2 April 2026: Good Friday and Easter Monday are bank holidays, so the
    answer is due by the end of Wednesday 8 April."""
    call = _log(wokingham, personas.caseworker, started_at=datetime(2026, 4, 2, 9, 0, tzinfo=UTC))
    assert call.answer_due_at.date().isoformat() == "2026-04-08"
    assert call.answered_at == call.started_at


def test_reference_s5_no_case_without_the_callers_agreement(wokingham, personas, open_case):
    case = open_case(wokingham)
    with pytest.raises(ValidationError) as refused:
        _log(wokingham, personas.caseworker, case=case)
    assert "case" in refused.value.message_dict
    call = _log(wokingham, personas.caseworker, case=case, consent_to_record=True)
    assert call.case == case
    assert HelplineCall.objects.count() == 1


def test_a_voicemail_needs_a_call_back_and_is_answered_when_it_is_done(logged_call, personas):
    assert logged_call.answered_at is None
    call_back = logged_call.call_backs.get()
    assert call_back.assigned_to == personas.caseworker
    assert call_back.phone == "07700 900123"
    done_at = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    call_back_close(call_back=call_back, closed_by=personas.teammate, status="done", at=done_at)
    logged_call.refresh_from_db()
    assert logged_call.answered_at == done_at


def test_a_voicemail_without_a_call_back_is_refused_and_nothing_is_saved(wokingham, personas):
    with pytest.raises(ValidationError) as refused:
        _log(wokingham, personas.caseworker, answered_live=False)
    assert "answered_live" in refused.value.message_dict
    assert not HelplineCall.objects.exists()


def test_a_call_back_booked_needs_its_due_time_and_number(wokingham, personas):
    with pytest.raises(ValidationError) as refused:
        _log(
            wokingham,
            personas.caseworker,
            outcomes=["call_back_booked"],
            call_back=CallBackRequest(due_at=None, phone=""),
        )
    assert {"call_back_due", "call_back_phone"} <= set(refused.value.message_dict)
    assert not CallBack.objects.exists()


def test_a_closed_call_back_cannot_be_closed_again(logged_call, personas):
    call_back = logged_call.call_backs.get()
    call_back_close(call_back=call_back, closed_by=personas.caseworker, status="missed")
    with pytest.raises(ValidationError):
        call_back_close(call_back=call_back, closed_by=personas.caseworker, status="done")


def test_the_safe_contact_note_is_not_in_the_audit(logged_call):
    from haven.core.models import AuditEvent

    text = " ".join(str(e.changes) for e in AuditEvent.objects.all())
    assert "07700" not in text
    assert "surgery" not in text


def test_another_provider_cannot_log_or_close(wokingham, logged_call, personas):
    with pytest.raises(PermissionDenied):
        _log(wokingham, personas.other_provider_caseworker)
    with pytest.raises(PermissionDenied):
        call_back_close(
            call_back=logged_call.call_backs.get(),
            closed_by=personas.other_provider_caseworker,
            status="done",
        )


def test_seed_002_s3_11_only_managers_keep_the_rota(wokingham, personas):
    starts = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with pytest.raises(PermissionDenied):
        shift_add(
            contract=wokingham,
            staff=personas.caseworker,
            starts_at=starts,
            ends_at=starts + timedelta(hours=4),
            added_by=personas.caseworker,
        )
    with pytest.raises(ValidationError) as refused:
        shift_add(
            contract=wokingham,
            staff=personas.analyst,
            starts_at=starts,
            ends_at=starts,
            added_by=personas.team_leader,
        )
    assert {"staff", "ends_at"} <= set(refused.value.message_dict)
