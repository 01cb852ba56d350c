"""Recording attempts: deadlines met or late, attempts counted, final letter, safe-contact check."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from haven.casework.models import CaseState, TaskStatus
from haven.casework.services import (
    SafeContactBlockedError,
    contact_attempt_record,
    tasks_mark_breached,
)
from haven.core.models import AuditEvent
from haven.people.models import SafeContact

LONDON = ZoneInfo("Europe/London")
RECEIVED = dt.datetime(2026, 12, 1, 10, 0, tzinfo=LONDON)
pytestmark = pytest.mark.django_db


def make_safe(person, **overrides):
    values = {
        "safe_phone": "07700 900123",
        "voicemail_allowed": True,
        "texts_allowed": True,
        "email_safe": True,
        "letters": "any_address",
        "harmer_at_address": "no",
    } | overrides
    return SafeContact.objects.create(person=person, **values)


@pytest.fixture
def vf_case(open_case, contract_for):
    case = open_case(
        contract_for("victim-first-2018"), received_at=RECEIVED, contact_method="mobile_phone"
    )
    make_safe(case.person)
    return case


def record(case, user, outcome, at, channel="phone", **kwargs):
    return contact_attempt_record(
        case=case, channel=channel, outcome=outcome, attempted_at=at, recorded_by=user, **kwargs
    )


def test_reaching_the_person_before_the_deadline_meets_it(vf_case, personas):
    record(vf_case, personas.caseworker, "reached", RECEIVED + dt.timedelta(hours=5))
    task = vf_case.tasks.get(rule_key="first_contact_phone")
    assert task.status == TaskStatus.MET
    assert task.attempts_made == 1
    vf_case.refresh_from_db()
    assert vf_case.first_contact_at is not None
    assert vf_case.state == CaseState.ENGAGED


def test_reaching_the_person_after_the_deadline_is_recorded_as_late(vf_case, personas):
    record(vf_case, personas.caseworker, "reached", RECEIVED + dt.timedelta(hours=49))
    task = vf_case.tasks.get(rule_key="first_contact_phone")
    assert task.status == TaskStatus.BREACHED
    assert task.completed_at is not None
    assert task.met_at is None


def test_a_late_contact_completes_a_first_contact_deadline_already_marked_breached(
    vf_case, personas
):
    reached_at = RECEIVED + dt.timedelta(hours=49)
    assert tasks_mark_breached(now=reached_at) >= 1  # the overnight job ran first
    record(vf_case, personas.caseworker, "reached", reached_at)
    task = vf_case.tasks.get(rule_key="first_contact_phone")
    assert (task.status, task.completed_at, task.met_at) == (TaskStatus.BREACHED, reached_at, None)
    assert not task.is_outstanding


def test_an_unanswered_call_counts_as_an_attempt_but_does_not_end_the_task(vf_case, personas):
    record(vf_case, personas.caseworker, "no_answer", RECEIVED + dt.timedelta(hours=1))
    task = vf_case.tasks.get(rule_key="first_contact_phone")
    assert task.attempts_made == 1
    assert task.status == TaskStatus.OPEN
    assert task.completed_at is None


def test_three_failed_attempts_ask_for_the_final_letter_which_ends_the_first_contact_task(
    vf_case, personas
):
    # seed 002 s3.7: 3 attempts, then a final letter explaining the attempts and how to get support
    for hours in (1, 5, 20):
        record(vf_case, personas.caseworker, "no_answer", RECEIVED + dt.timedelta(hours=hours))
    vf_case.refresh_from_db()
    assert vf_case.final_letter_requested_at is not None
    final = vf_case.tasks.get(rule_key="final_letter")
    assert final.citation == "seed 002 s3.7"
    assert vf_case.events.filter(kind="final_letter_requested").exists()
    record(
        vf_case,
        personas.caseworker,
        "letter_sent",
        RECEIVED + dt.timedelta(hours=21),
        channel="letter",
    )
    assert vf_case.tasks.get(rule_key="final_letter").completed_at is not None
    assert vf_case.tasks.get(rule_key="first_contact_phone").status == TaskStatus.MET


def test_two_failed_attempts_do_not_ask_for_the_final_letter(vf_case, personas):
    for hours in (1, 5):
        record(vf_case, personas.caseworker, "no_answer", RECEIVED + dt.timedelta(hours=hours))
    vf_case.refresh_from_db()
    assert vf_case.final_letter_requested_at is None


def test_first_contact_starts_the_needs_assessment_clock(vf_case, personas):
    # seed 002 s3.8: further contact within 5 working days of the first contact
    record(vf_case, personas.caseworker, "reached", RECEIVED + dt.timedelta(hours=2))
    assert vf_case.tasks.filter(rule_key="needs_assessment").exists()


def test_an_unsafe_channel_is_blocked_with_the_reason_and_nothing_is_saved(vf_case, personas):
    vf_case.person.safe_contact.delete()
    make_safe(vf_case.person, voicemail_allowed=False)
    with pytest.raises(SafeContactBlockedError) as blocked:
        record(vf_case, personas.caseworker, "voicemail_left", RECEIVED + dt.timedelta(hours=1))
    assert "Voicemail messages are not allowed" in blocked.value.reasons
    assert not vf_case.attempts.exists()


def test_a_time_outside_the_safe_times_is_blocked(vf_case, personas):
    vf_case.person.safe_contact.delete()
    make_safe(
        vf_case.person, safe_times=[{"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "12:00"}]
    )
    with pytest.raises(SafeContactBlockedError, match="outside the safe times"):
        record(
            vf_case,
            personas.caseworker,
            "no_answer",
            dt.datetime(2026, 12, 1, 15, 0, tzinfo=LONDON),
        )


def test_an_override_with_a_reason_records_the_attempt_and_audits_the_reason(vf_case, personas):
    vf_case.person.safe_contact.delete()
    make_safe(vf_case.person, letters="never")
    attempt = record(
        vf_case,
        personas.caseworker,
        "letter_sent",
        RECEIVED + dt.timedelta(hours=1),
        channel="letter",
        override_reason="She asked for a letter today at the refuge",
    )
    assert attempt.safe_contact_reasons == ["Letters must never be sent"]
    audit = AuditEvent.objects.get(object_id=str(attempt.pk))
    assert "She asked for a letter today" in audit.reason
    assert vf_case.events.filter(kind="attempt", summary__contains="overridden").exists()


def test_an_inbound_call_needs_no_safe_contact_check(open_case, personas):
    case = open_case()
    attempt = contact_attempt_record(
        case=case,
        channel="phone",
        direction="inbound",
        outcome="reached",
        attempted_at=dt.datetime.now(tz=LONDON),
        recorded_by=personas.caseworker,
    )
    assert attempt.safe_contact_reasons == []


@time_machine.travel(dt.datetime(2026, 12, 1, 11, 0, tzinfo=LONDON), tick=False)
def test_a_person_with_no_safe_contact_details_is_blocked_for_every_outbound_channel(
    open_case, personas
):
    case = open_case()  # received now, 11:00
    with pytest.raises(SafeContactBlockedError, match="No safe phone number"):
        record(
            case, personas.caseworker, "no_answer", dt.datetime(2026, 12, 1, 11, 0, tzinfo=LONDON)
        )
