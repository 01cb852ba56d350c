"""Every outbound message passes the safe-contact check (design §4, reference §5.1): a blocked
message is stored with its reasons, is not sent, and lands on the timeline. Nothing recorded
counts as not safe."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from haven.casework.models import CaseEvent, ContactAttempt
from haven.outbox.checks import Rendered, message_check
from haven.outbox.models import Message, MessageStatus
from haven.outbox.services import message_prepare, message_send
from haven.outbox.tests.conftest import make_safe
from haven.outbox.wording import wording_for

pytestmark = pytest.mark.django_db


def _send(case, personas, channel, template="first_contact"):
    return message_send(
        case=case, template_key=template, channel=channel, sent_by=personas.caseworker
    )


@pytest.mark.parametrize(
    ("channel", "reason"),
    [
        ("email", "No email address is recorded"),
        ("sms", "Text messages are not allowed"),
        ("letter", "Letters must never be sent"),
    ],
)
def test_nothing_recorded_blocks_every_channel(vf_case, personas, fake_notify, channel, reason):
    # reference §5.1: "never auto-send letters or SMS without a recorded safe flag"
    case = vf_case(safe=False)
    case.person.email = ""
    case.person.save(update_fields=["email"])
    message = _send(case, personas, channel)
    assert message.status == MessageStatus.BLOCKED
    assert reason in message.blocked_reasons
    assert message.recipient == ""
    assert fake_notify.sent == []
    assert not ContactAttempt.objects.filter(case=case).exists()
    event = CaseEvent.objects.get(case=case, kind="outbox_message_blocked")
    assert reason in event.summary


def test_an_email_that_is_not_safe_is_blocked(vf_case, personas, fake_notify):
    case = vf_case()
    make_safe(case.person, email_safe=False)
    message = _send(case, personas, "email")
    assert message.blocked_reasons == ["Email is not safe"]
    assert fake_notify.sent == []


def test_a_text_outside_the_safe_times_is_blocked(vf_case, personas, fake_notify):
    case = vf_case(contact_method="sms")
    # safe only one minute a week, long past: never now
    make_safe(case.person, safe_times=[{"days": [6], "start": "03:00", "end": "03:01"}])
    prepared = message_prepare(
        case=case,
        template_key="first_contact",
        channel="sms",
        at=dt.datetime(2026, 12, 7, 12, 0, tzinfo=ZoneInfo("Europe/London")),
    )
    assert not prepared.check.allowed
    assert prepared.check.reasons[0].startswith("It is outside the safe times")


def test_a_text_goes_only_to_the_safe_phone(vf_case, personas, fake_notify):
    case = vf_case(contact_method="sms")
    case.person.phone = "07700 900999"  # the home phone, not safe
    case.person.save(update_fields=["phone"])
    message = _send(case, personas, "sms")
    assert message.status == MessageStatus.SENT
    assert fake_notify.sent[0]["to"] == "07700 900123"


def test_a_letter_goes_only_to_a_safe_address(vf_case, personas):
    # letters allowed to any address, but Haven addresses a letter only to a safe address
    case = vf_case(contact_method="post")
    case.person.address_line_1 = "1 Home Street"
    case.person.save(update_fields=["address_line_1"])
    make_safe(case.person, letters="any_address", safe_address="")
    message = _send(case, personas, "letter")
    assert message.status == MessageStatus.BLOCKED
    assert message.blocked_reasons == [
        "No safe address is recorded: letters go only to a safe address"
    ]
    assert "Home Street" not in message.recipient


def test_the_harmer_at_the_address_blocks_a_letter(vf_case, personas):
    case = vf_case(contact_method="post")
    make_safe(case.person, letters="any_address", safe_address="", harmer_at_address="yes")
    message = _send(case, personas, "letter")
    assert "The person causing harm lives at the address" in message.blocked_reasons


def test_the_code_word_is_never_written_into_a_message(vf_case, personas, fake_notify):
    case = vf_case()
    # the code word checks identity on calls; here it happens to be the person's first name
    make_safe(case.person, code_word=case.person.given_name)
    message = _send(case, personas, "email")
    assert message.status == MessageStatus.BLOCKED
    assert message.blocked_reasons == ["The message contains the person's code word"]
    assert fake_notify.sent == []


def test_the_text_never_names_the_service_unless_the_template_may(vf_case, personas):
    # the discreet default (no "what may be said" field is recorded): reference §5.1
    case = vf_case()
    template = wording_for("victim-first-2018").template("first_contact")
    check = message_check(
        person=case.person,
        channel="email",
        rendered=Rendered("Support", "Our domestic abuse service can help"),
        template=template,
        at=dt.datetime.now(tz=ZoneInfo("Europe/London")),
    )
    assert not check.allowed
    assert check.reasons == [
        "The message would reveal what the service is about (domestic, abuse); it must stay "
        "discreet"
    ]
    marked = template.model_copy(update={"names_service": True})
    check = message_check(
        person=case.person,
        channel="email",
        rendered=Rendered("Support", "Our domestic abuse service can help"),
        template=marked,
        at=dt.datetime.now(tz=ZoneInfo("Europe/London")),
    )
    assert check.allowed


def test_a_blocked_message_is_stored_with_its_text(vf_case, personas):
    case = vf_case(safe=False)
    message = _send(case, personas, "sms")
    stored = Message.objects.get(pk=message.pk)
    assert stored.body
    assert stored.status == MessageStatus.BLOCKED
    assert stored.created_by == personas.caseworker
