"""Staff's side (issue 14 item 4): today's chats and who is waiting, taking, chatting, ending;
the transcript kept on the case with the person's consent, only the fact of the chat without;
bookings whose slot ended without the person are missed. Scoped to the contract's provider."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from haven.casework.models import CaseEvent, CaseNote
from haven.core.models import AuditEvent
from haven.webchat.models import ChatMessage

pytestmark = pytest.mark.django_db

LIST = "/chat/staff/"


def _person_joins(booking, consent="yes"):
    person = Client()
    person.post("/chat/", {"code": booking.code})
    person.post(reverse("webchat:consent"), {"consent": consent})
    return person


@pytest.mark.parametrize("who", ["caseworker", "team_leader", "service_manager"])
def test_provider_staff_see_todays_chats_and_who_is_waiting(client, personas, booking, who):
    _person_joins(booking)
    client.force_login(getattr(personas, who))
    response = client.get(LIST)
    assert response.status_code == 200
    body = response.content.decode()
    assert "1 person is waiting." in body
    assert "Take chat" in body
    assert 'href="/chat/staff/"' in body  # the navigation item


@pytest.mark.parametrize("who", ["analyst", "commissioner", "auditor"])
def test_others_are_refused_the_list(client, personas, booking, who):
    client.force_login(getattr(personas, who))
    assert client.get(LIST).status_code == 403


def test_staff_of_another_provider_cannot_see_or_take_the_chat(client, personas, booking):
    _person_joins(booking)
    client.force_login(personas.other_provider_caseworker)
    assert "Take chat" not in client.get(LIST).content.decode()
    assert client.get(reverse("webchat:staff_chat", args=[booking.pk])).status_code == 404
    assert client.post(reverse("webchat:staff_take", args=[booking.pk])).status_code == 404
    booking.refresh_from_db()
    assert booking.status == "waiting"


def _take(client, personas, booking):
    client.force_login(personas.caseworker)
    response = client.post(reverse("webchat:staff_take", args=[booking.pk]))
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == "in_progress"
    assert booking.taken_by == personas.caseworker


def test_a_caseworker_takes_chats_and_ends_the_chat_without_javascript(client, personas, booking):
    person = _person_joins(booking)
    _take(client, personas, booking)
    assert "A caseworker has joined" in person.get(reverse("webchat:room")).content.decode()
    chat = reverse("webchat:staff_chat", args=[booking.pk])
    client.post(chat, {"body": "Hello, I am a caseworker. Are you safe to talk?"})
    person.post(reverse("webchat:room"), {"body": "Yes, for ten minutes."})
    page = client.get(chat).content.decode()
    assert "Are you safe to talk?" in page
    assert "Yes, for ten minutes." in page
    assert "Yes, for ten minutes." in person.get(reverse("webchat:room")).content.decode()
    assert client.post(reverse("webchat:staff_end", args=[booking.pk])).status_code == 302
    booking.refresh_from_db()
    assert booking.status == "ended"
    assert booking.ended_at is not None
    assert "The chat has ended" in person.get(reverse("webchat:room")).content.decode()
    assert AuditEvent.objects.filter(object_id=str(booking.pk), reason="web chat ended").exists()


def test_a_second_caseworker_cannot_take_a_taken_chat(client, personas, booking):
    _person_joins(booking)
    _take(client, personas, booking)
    other = Client()
    other.force_login(personas.team_leader)
    other.post(reverse("webchat:staff_take", args=[booking.pk]))
    booking.refresh_from_db()
    assert booking.taken_by == personas.caseworker
    other.post(reverse("webchat:staff_chat", args=[booking.pk]), {"body": "Not mine"})
    assert not ChatMessage.objects.filter(body="Not mine").exists()


def test_with_consent_the_transcript_is_saved_to_the_case_as_a_note(
    client, personas, make_booking, open_case
):
    case = open_case()
    booking = make_booking(referral=case.referral, consent=True)
    person = _person_joins(booking)
    _take(client, personas, booking)
    person.post(reverse("webchat:room"), {"body": "I would like to talk about housing."})
    client.post(reverse("webchat:staff_end", args=[booking.pk]))
    note = CaseNote.objects.get(case=case)
    assert note.note_type == "contact"
    assert "I would like to talk about housing." in note.text
    assert ChatMessage.objects.filter(booking=booking).count() == 1  # kept with the chat too
    event = CaseEvent.objects.get(case=case, kind="web_chat")
    assert "transcript kept" in event.summary


def test_without_consent_only_the_fact_of_the_chat_is_kept(
    client, personas, make_booking, open_case
):
    case = open_case()
    booking = make_booking(referral=case.referral, consent=True)
    person = _person_joins(booking, consent="no")  # the person changes their mind
    _take(client, personas, booking)
    person.post(reverse("webchat:room"), {"body": "Please do not write this down."})
    client.post(reverse("webchat:staff_end", args=[booking.pk]))
    assert not ChatMessage.objects.filter(booking=booking).exists()
    assert not CaseNote.objects.filter(case=case).exists()
    event = CaseEvent.objects.get(case=case, kind="web_chat")
    assert "no transcript kept" in event.summary
    page = client.get(reverse("webchat:staff_chat", args=[booking.pk])).content.decode()
    assert "No transcript was kept" in page
    assert "Please do not write this down." not in page


def test_with_consent_and_no_case_the_transcript_stays_with_the_chat(client, personas, booking):
    person = _person_joins(booking)
    _take(client, personas, booking)
    person.post(reverse("webchat:room"), {"body": "Just some questions."})
    client.post(reverse("webchat:staff_end", args=[booking.pk]))
    listing = client.get(LIST).content.decode()
    assert reverse("webchat:staff_chat", args=[booking.pk]) in listing  # under recent chats
    assert (
        "Just some questions."
        in client.get(reverse("webchat:staff_chat", args=[booking.pk])).content.decode()
    )


def test_a_slot_that_ended_without_the_person_is_missed(client, personas, make_booking):
    missed = make_booking(starts_in=timedelta(hours=-1), length=timedelta(minutes=30))
    later = make_booking(starts_in=timedelta(minutes=30))
    call_command("chat_missed")
    missed.refresh_from_db()
    later.refresh_from_db()
    assert missed.status == "missed"
    assert later.status == "booked"


def test_the_list_marks_missed_chats_when_shown(client, personas, make_booking):
    missed = make_booking(starts_in=timedelta(minutes=-40), length=timedelta(minutes=30))
    client.force_login(personas.caseworker)
    client.get(LIST)
    missed.refresh_from_db()
    assert missed.status == "missed"


@pytest.mark.parametrize("name", ["staff_list", "staff_chat", "staff_messages"])
def test_the_staff_pages_are_read_audited(client, personas, booking, name):
    client.force_login(personas.caseworker)
    args = [] if name == "staff_list" else [booking.pk]
    response = client.get(reverse(f"webchat:{name}", args=args))
    assert response.status_code == 200
    events = AuditEvent.objects.filter(action="view", request_id=response["X-Request-Id"])
    assert events.exists()
    if name != "staff_list":
        assert events.filter(object_id=str(booking.pk)).exists()
