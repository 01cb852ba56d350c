"""The chat's WebSockets (issue 14 item 4) through haven.asgi's whole stack (origin check,
session and user, URL router) with Channels' WebsocketCommunicator and the in-memory layer.
Transactional database: the consumers' queries run in other threads."""

import pytest
from channels.db import database_sync_to_async
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from haven.asgi import application
from haven.core.middleware import SESSION_LAST_SEEN, SESSION_MFA_PASSED
from haven.portal.models import ChatBooking
from haven.testing.websockets import WebsocketCommunicator
from haven.webchat.consumers import REFUSED
from haven.webchat.models import MESSAGE_MAX_LENGTH, ChatEntry, ChatMessage
from haven.webchat.selectors import SESSION_BOOKING, SESSION_JOINED
from haven.webchat.services import chat_join, chat_take, session_hash

# async tests run on their own loop in their own thread (conftest.py's pytest_pyfunc_call)
pytestmark = [pytest.mark.django_db(transaction=True)]

ORIGIN = (b"origin", b"http://testserver")


def _person_session(booking):
    """A browser session bound to the booking by its code, as the code page leaves it."""
    store = SessionStore()
    store[SESSION_BOOKING] = str(booking.pk)
    store[SESSION_JOINED] = True
    store.create()
    ChatEntry.objects.create(
        booking=booking, session_hash=session_hash(store.session_key), entered_at=timezone.now()
    )
    chat_join(booking=booking, consent_to_transcript=True)
    return store.session_key


def _staff_session(user, *, mfa=True):
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = SessionStore()
    if mfa:
        store[SESSION_MFA_PASSED] = str(user.pk)
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def _cookie(key):
    return (b"cookie", f"{settings.SESSION_COOKIE_NAME}={key}".encode())


def _communicator(path, key=None, origin=ORIGIN):
    headers = [origin] + ([_cookie(key)] if key else [])
    return WebsocketCommunicator(application, path, headers=headers)


@pytest.fixture
def live_chat(personas, booking):
    """A booking the person has joined and the caseworker has taken, with both sessions."""
    person_key = _person_session(booking)
    chat_take(booking=ChatBooking.objects.get(pk=booking.pk), user=personas.caseworker)
    return booking, person_key, _staff_session(personas.caseworker)


async def test_person_and_caseworker_chat_live(live_chat):
    booking, person_key, staff_key = live_chat
    person = _communicator("/ws/chat/", person_key)
    staff = _communicator(f"/ws/chat/staff/{booking.pk}/", staff_key)
    assert (await person.connect())[0]
    assert (await staff.connect())[0]
    assert (await person.receive_json_from())["status"] == "in_progress"
    assert (await staff.receive_json_from())["type"] == "status"

    await person.send_json_to({"body": "Hello, is anyone there?"})
    for side in (person, staff):
        event = await side.receive_json_from()
        assert event["type"] == "message"
        assert event["sender"] == "person"
        assert event["body"] == "Hello, is anyone there?"
    await staff.send_json_to({"body": "Yes. You are safe to talk here."})
    event = await person.receive_json_from()
    assert (event["sender"], event["body"]) == ("staff", "Yes. You are safe to talk here.")
    senders = await database_sync_to_async(
        lambda: list(ChatMessage.objects.filter(booking=booking).values_list("sender", flat=True))
    )()
    assert senders == ["person", "staff"]
    await person.disconnect()
    await staff.disconnect()


async def test_a_too_long_or_empty_message_is_refused_with_an_error(live_chat):
    _booking, person_key, _ = live_chat
    person = _communicator("/ws/chat/", person_key)
    await person.connect()
    await person.receive_json_from()
    await person.send_json_to({"body": "x" * (MESSAGE_MAX_LENGTH + 1)})
    assert "2,000 characters or less" in (await person.receive_json_from())["message"]
    await person.send_json_to({"body": "  "})
    assert (await person.receive_json_from())["message"] == "Enter a message"
    await person.send_to(text_data="not json")
    assert (await person.receive_json_from())["message"] == "Enter a message"
    assert not await database_sync_to_async(ChatMessage.objects.exists)()
    await person.disconnect()


async def test_a_browser_without_the_bound_session_is_refused(live_chat):
    booking, _, _ = live_chat
    connected, code = await _communicator("/ws/chat/").connect()  # no session at all
    assert (connected, code) == (False, REFUSED)

    def forged():
        """A session naming the booking, but not the one its code was used in."""
        store = SessionStore()
        store[SESSION_BOOKING] = str(booking.pk)
        store.create()
        return store.session_key

    key = await database_sync_to_async(forged)()
    connected, code = await _communicator("/ws/chat/", key).connect()
    assert (connected, code) == (False, REFUSED)


async def test_only_the_caseworker_who_took_the_chat_joins_it(personas, live_chat):
    booking, _, _ = live_chat
    for user in (personas.team_leader, personas.other_provider_caseworker):
        key = await database_sync_to_async(_staff_session)(user)
        connected, code = await _communicator(f"/ws/chat/staff/{booking.pk}/", key).connect()
        assert (connected, code) == (False, REFUSED)
    connected, _ = await _communicator(f"/ws/chat/staff/{booking.pk}/").connect()
    assert not connected  # signed out


async def test_a_session_that_has_not_passed_mfa_is_refused(personas, live_chat):
    booking, _, _ = live_chat
    key = await database_sync_to_async(_staff_session)(personas.caseworker, mfa=False)
    connected, code = await _communicator(f"/ws/chat/staff/{booking.pk}/", key).connect()
    assert (connected, code) == (False, REFUSED)


async def test_chatting_keeps_the_caseworker_signed_in(live_chat):
    booking, _, staff_key = live_chat
    staff = _communicator(f"/ws/chat/staff/{booking.pk}/", staff_key)
    await staff.connect()
    await staff.receive_json_from()
    await staff.send_json_to({"body": "Still here"})
    await staff.receive_json_from()
    session = await database_sync_to_async(lambda: SessionStore(staff_key).load())()
    assert SESSION_LAST_SEEN in session
    await staff.disconnect()


async def test_a_page_of_another_site_cannot_open_the_socket(live_chat):
    _, person_key, _ = live_chat
    evil = (b"origin", b"https://attacker.example")
    connected, _ = await _communicator("/ws/chat/", person_key, origin=evil).connect()
    assert not connected


async def test_ending_the_chat_tells_the_person_and_closes_their_socket(personas, live_chat):
    from haven.webchat import live
    from haven.webchat.services import chat_end

    booking, person_key, _ = live_chat
    person = _communicator("/ws/chat/", person_key)
    await person.connect()
    await person.receive_json_from()

    def end():
        ending = chat_end(booking=ChatBooking.objects.get(pk=booking.pk), user=personas.caseworker)
        return live.status_event(ending.booking)

    event = await database_sync_to_async(end)()
    from channels.layers import get_channel_layer

    await get_channel_layer().group_send(live.group_name(booking.pk), event)
    received = await person.receive_json_from()
    assert received["status"] == "ended"
    assert received["person"] == "The chat has ended."
    assert (await person.receive_output())["type"] == "websocket.close"
