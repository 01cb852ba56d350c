"""The person's side (issue 14 item 4; seed 002 Lot 1 s3.6: self-referral "with secure web chat
booked within 5 working days"): the one-time code, the transcript consent, and the chat without
JavaScript or WebSockets (form POSTs and reloads; the messages fragment the page polls)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from haven.core.models import AuditEvent
from haven.portal.models import ChatBooking
from haven.webchat.models import MESSAGE_MAX_LENGTH, ChatCodeTry, ChatMessage
from haven.webchat.services import CODE_TRIES_ALLOWED

pytestmark = pytest.mark.django_db

ENTER = "/chat/"


def _join(client, booking, consent="yes"):
    response = client.post(ENTER, {"code": booking.code})
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == reverse("webchat:consent")
    response = client.post(reverse("webchat:consent"), {"consent": consent})
    assert response.status_code == 302
    assert response["Location"] == reverse("webchat:room")


def test_the_code_page_is_public_with_exit_this_page(client):
    response = client.get(ENTER)
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-exit-this-page" in body
    assert 'method="post"' in body


def test_a_valid_code_binds_the_booking_and_the_person_waits(client, booking):
    # seed 002 s3.6: the person joins the booked chat with the code from the booking
    _join(client, booking)
    booking.refresh_from_db()
    assert booking.status == "waiting"
    assert booking.person_joined_at is not None
    response = client.get(reverse("webchat:room"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Waiting for a caseworker to join" in body
    assert "govuk-exit-this-page" in body
    assert "webchat/chat.js" in body


def test_the_code_may_be_typed_loosely(client, booking):
    typed = booking.code.lower().replace("-", " ")
    assert client.post(ENTER, {"code": typed}).status_code == 302


def test_a_code_works_once_a_second_browser_is_refused(client, booking):
    _join(client, booking)
    other = Client()
    response = other.post(ENTER, {"code": booking.code})
    assert response.status_code == 200
    assert "already been used" in response.content.decode()
    assert other.get(reverse("webchat:room")).status_code == 302  # back to the code page


def test_the_same_browser_may_leave_and_rejoin(client, booking):
    _join(client, booking)
    assert client.get(reverse("webchat:room")).status_code == 200
    assert client.post(ENTER, {"code": booking.code}).status_code == 302  # same session


def test_too_early_says_when_to_come_back(client, make_booking):
    booking = make_booking(starts_in=timedelta(hours=3))
    response = client.post(ENTER, {"code": booking.code})
    assert response.status_code == 200
    assert "You can join from" in response.content.decode()
    assert ChatBooking.objects.get(pk=booking.pk).status == "booked"


def test_after_the_booked_time_the_code_is_refused(client, make_booking):
    booking = make_booking(starts_in=timedelta(hours=-2))
    response = client.post(ENTER, {"code": booking.code})
    assert "has passed" in response.content.decode()


def test_a_wrong_code_names_the_field(client, booking):
    response = client.post(ENTER, {"code": "AAAAA-AAAAA"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "The code is not right" in body
    assert 'href="#id_code"' in body or "#code" in body
    assert ChatCodeTry.objects.count() == 1


def test_wrong_codes_are_rate_limited_per_client_address(client, booking):
    for _ in range(CODE_TRIES_ALLOWED):
        client.post(ENTER, {"code": "AAAAA-AAAAA"}, REMOTE_ADDR="192.0.2.7")
    response = client.post(ENTER, {"code": booking.code}, REMOTE_ADDR="192.0.2.7")
    assert "Too many codes" in response.content.decode()
    # another address is not held back, and the table keeps no address
    assert Client().post(ENTER, {"code": booking.code}, REMOTE_ADDR="192.0.2.8").status_code == 302
    assert not ChatCodeTry.objects.filter(address_hash__contains="192.0.2").exists()


def test_a_code_in_the_address_is_ignored(client, booking):
    response = client.get(ENTER, {"code": booking.code})
    assert response.status_code == 200
    assert ChatBooking.objects.get(pk=booking.pk).status == "booked"


def test_consent_is_pre_filled_from_the_booking_and_can_be_changed(client, make_booking):
    booking = make_booking(consent=True)
    client.post(ENTER, {"code": booking.code})
    body = client.get(reverse("webchat:consent")).content.decode()
    assert 'value="yes" checked' in body
    client.post(reverse("webchat:consent"), {"consent": "no"})
    booking.refresh_from_db()
    assert booking.consent_to_transcript is False


def test_the_room_asks_for_consent_first(client, booking):
    client.post(ENTER, {"code": booking.code})
    response = client.get(reverse("webchat:room"))
    assert response["Location"] == reverse("webchat:consent")


def test_polling_fallback_a_message_by_form_post_then_reload(client, booking):
    """Without JavaScript or WebSockets: the form POSTs, the page reloads with the message."""
    _join(client, booking)
    response = client.post(reverse("webchat:room"), {"body": "Is it safe to talk now?"})
    assert response.status_code == 302
    message = ChatMessage.objects.get(booking=booking)
    assert message.sender == "person"
    assert "Is it safe to talk now?" in client.get(reverse("webchat:room")).content.decode()
    fragment = client.get(reverse("webchat:room_messages")).content.decode()
    assert "Is it safe to talk now?" in fragment
    assert f'data-id="{message.pk}"' in fragment


@pytest.mark.parametrize(
    ("body", "error"),
    [("   ", "Enter a message"), ("x" * (MESSAGE_MAX_LENGTH + 1), "2,000 characters or less")],
)
def test_an_empty_or_too_long_message_is_refused_on_the_field(client, booking, body, error):
    _join(client, booking)
    response = client.post(reverse("webchat:room"), {"body": body})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not ChatMessage.objects.exists()


def test_a_person_cannot_read_another_booking(client, make_booking):
    mine, theirs = make_booking(), make_booking()
    other = Client()
    _join(other, theirs)
    other.post(reverse("webchat:room"), {"body": "Their private words"})
    _join(client, mine)
    assert "Their private words" not in client.get(reverse("webchat:room")).content.decode()
    assert (
        "Their private words" not in client.get(reverse("webchat:room_messages")).content.decode()
    )
    assert Client().get(reverse("webchat:room_messages")).status_code == 403


def test_joining_is_audited_without_the_code(client, booking):
    _join(client, booking)
    events = AuditEvent.objects.filter(object_id=str(booking.pk))
    assert events.exists()
    assert all(booking.code not in str(event.changes) for event in events)


def test_a_message_is_kept_when_live_delivery_fails(client, booking, monkeypatch, caplog):
    """Redis down: the message is saved, the page goes on, and the log holds no text."""
    from channels.layers import InMemoryChannelLayer

    async def unreachable(self, group, message):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(InMemoryChannelLayer, "group_send", unreachable)
    _join(client, booking)
    response = client.post(reverse("webchat:room"), {"body": "Synthetic words"})
    assert response.status_code == 302
    assert ChatMessage.objects.filter(body="Synthetic words").exists()
    assert "live delivery failed (" in caplog.text
    assert "Synthetic words" not in caplog.text
