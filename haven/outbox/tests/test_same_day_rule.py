"""Sending meets Victim First's same-day rule (seed 002 s3.7: a letter, email or SMS text "on
the day the referral is received, with the support available and how to access it"), and the
final letter after failed attempts: the send records the contact attempt, which meets the task.
A letter is sent when it is posted, not when it is printed."""

import pytest

from haven.casework.models import CaseEvent, ContactAttempt, TaskStatus
from haven.casework.services.attempts import contact_attempt_record
from haven.outbox.models import MessageStatus
from haven.outbox.services import letter_mark_posted, letter_mark_printed, message_send

pytestmark = pytest.mark.django_db


def _task(case, rule_key):
    return case.tasks.get(rule_key=rule_key)


@pytest.mark.parametrize(
    ("method", "channel", "rule", "outcome"),
    [
        ("email", "email", "first_contact_email", "email_sent"),
        ("sms", "sms", "first_contact_sms", "sms_sent"),
    ],
)
def test_sending_an_email_or_text_meets_the_same_day_task(
    vf_case, personas, method, channel, rule, outcome
):
    # seed 002 s3.7: the same-day email or SMS text
    case = vf_case(contact_method=method)
    assert _task(case, rule).status == TaskStatus.OPEN
    message = message_send(
        case=case, template_key="first_contact", channel=channel, sent_by=personas.caseworker
    )
    assert message.status == MessageStatus.SENT
    attempt = ContactAttempt.objects.get(case=case)
    assert (attempt.channel, attempt.outcome) == (channel, outcome)
    assert message.attempt == attempt
    assert attempt.attempted_at <= message.sent_at
    task = _task(case, rule)
    assert task.status == TaskStatus.MET
    assert CaseEvent.objects.filter(case=case, kind="attempt").exists()


def test_a_letter_meets_the_task_when_posted_not_when_printed(vf_case, personas):
    # seed 002 s3.7: the same-day letter is "sent": Haven reads it as posted
    case = vf_case(contact_method="post")
    message = message_send(
        case=case, template_key="first_contact", channel="letter", sent_by=personas.caseworker
    )
    assert message.status == MessageStatus.QUEUED
    assert message.recipient.startswith("Flat 2, 10 Synthetic Lane")
    letter_mark_printed(message=message, printed_by=personas.caseworker)
    assert _task(case, "first_contact_post").status == TaskStatus.OPEN
    assert not ContactAttempt.objects.filter(case=case).exists()
    posted = letter_mark_posted(message=message, posted_by=personas.team_leader)
    assert posted.status == MessageStatus.POSTED
    assert posted.attempt.outcome == "letter_sent"
    assert _task(case, "first_contact_post").status == TaskStatus.MET


def test_the_appointment_letter_meets_the_home_visit_letter_rule(vf_case, personas):
    # seed 002 s3.7: a letter on the day of referral giving a home visit at a date and time
    import datetime as dt

    from django.utils import timezone

    case = vf_case(contact_method="in_person")
    visit = timezone.now() + dt.timedelta(days=3)
    message = message_send(
        case=case,
        template_key="appointment_confirmation",
        channel="letter",
        sent_by=personas.caseworker,
        details={"visit_at": visit},
    )
    assert "We would like to visit you at home on" in message.body
    letter_mark_posted(message=message, posted_by=personas.caseworker)
    assert _task(case, "in_person_visit_letter").status == TaskStatus.MET


def test_the_final_letter_ends_the_attempts(vf_case, personas):
    # seed 002 s3.7: after the attempts fail, a final letter explaining them
    from django.utils import timezone

    case = vf_case(contact_method="mobile_phone")
    for _ in range(3):
        contact_attempt_record(
            case=case,
            channel="phone",
            outcome="no_answer",
            attempted_at=timezone.now().replace(second=0, microsecond=0),
            recorded_by=personas.caseworker,
        )
    case.refresh_from_db()
    assert case.final_letter_requested_at is not None
    message = message_send(
        case=case, template_key="final_letter", channel="letter", sent_by=personas.caseworker
    )
    assert "We have tried several times to contact you" in message.body
    posted = letter_mark_posted(message=message, posted_by=personas.caseworker)
    assert posted.attempt.is_final_letter
    assert _task(case, "final_letter").status == TaskStatus.MET


def test_a_letter_blocked_when_posted_records_no_attempt(vf_case, personas):
    # the preferences changed after the letter was queued: checked again when posted
    from haven.outbox.tests.conftest import make_safe

    case = vf_case(contact_method="post")
    message = message_send(
        case=case, template_key="first_contact", channel="letter", sent_by=personas.caseworker
    )
    make_safe(case.person, letters="never")
    posted = letter_mark_posted(message=message, posted_by=personas.caseworker)
    assert posted.status == MessageStatus.BLOCKED
    assert posted.blocked_reasons == ["Letters must never be sent"]
    assert not ContactAttempt.objects.filter(case=case).exists()
    assert _task(case, "first_contact_post").status == TaskStatus.OPEN


def test_a_posted_letter_cannot_be_posted_again(vf_case, personas):
    from django.core.exceptions import ValidationError

    case = vf_case(contact_method="post")
    message = message_send(
        case=case, template_key="first_contact", channel="letter", sent_by=personas.caseworker
    )
    letter_mark_posted(message=message, posted_by=personas.caseworker)
    with pytest.raises(ValidationError, match="This letter is posted"):
        letter_mark_posted(message=message, posted_by=personas.caseworker)
    assert ContactAttempt.objects.filter(case=case).count() == 1
