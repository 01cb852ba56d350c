"""Record a contact attempt page: safe-contact blocking shown, override with reason, personas."""

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import ContactAttempt
from haven.people.models import SafeContact

pytestmark = pytest.mark.django_db


def url(case):
    return reverse("casework:attempt_record", args=[case.pk])


def form_data(**overrides):
    now = timezone.localtime()
    data = {
        "channel": "phone",
        "direction": "outbound",
        "outcome": "no_answer",
        "attempted_at-day": now.day,
        "attempted_at-month": now.month,
        "attempted_at-year": now.year,
        "attempted_at-hour": now.hour,
        "attempted_at-minute": now.minute,
        "notes": "",
    }
    return data | overrides


@pytest.fixture
def safe_case(team_case):
    SafeContact.objects.create(
        person=team_case.person, safe_phone="07700 900123", harmer_at_address="no", letters="never"
    )
    return team_case


def test_a_caseworker_records_a_safe_attempt(client, safe_case, personas):
    client.force_login(personas.caseworker)
    assert client.get(url(safe_case)).status_code == 200
    response = client.post(url(safe_case), form_data())
    assert response.status_code == 302
    assert ContactAttempt.objects.filter(case=safe_case, outcome="no_answer").exists()


def test_an_unsafe_channel_is_blocked_with_the_reason_shown(client, safe_case, personas):
    client.force_login(personas.caseworker)
    response = client.post(url(safe_case), form_data(channel="letter", outcome="letter_sent"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Letters must never be sent" in body
    assert not ContactAttempt.objects.exists()


def test_the_override_needs_a_reason(client, safe_case, personas):
    client.force_login(personas.caseworker)
    response = client.post(
        url(safe_case), form_data(channel="letter", outcome="letter_sent", override="yes")
    )
    assert "Enter why it is safe to use this channel now" in response.content.decode()
    assert not ContactAttempt.objects.exists()


def test_the_override_with_a_reason_records_it(client, safe_case, personas):
    client.force_login(personas.caseworker)
    response = client.post(
        url(safe_case),
        form_data(
            channel="letter",
            outcome="letter_sent",
            override="yes",
            override_reason="Agreed with her by phone today",
        ),
    )
    assert response.status_code == 302
    assert ContactAttempt.objects.get().override_reason == "Agreed with her by phone today"


def test_an_outcome_that_does_not_fit_the_channel_is_an_error(client, safe_case, personas):
    client.force_login(personas.caseworker)
    response = client.post(url(safe_case), form_data(channel="phone", outcome="letter_sent"))
    assert "Select an outcome that fits a phone call" in response.content.decode()


def test_teammate_may_record_outsider_may_not_and_commissioner_is_refused(
    client, safe_case, personas
):
    client.force_login(personas.teammate)
    assert client.get(url(safe_case)).status_code == 200
    client.force_login(personas.outsider)
    assert client.get(url(safe_case)).status_code == 404
    client.force_login(personas.commissioner)
    assert client.get(url(safe_case)).status_code == 403


def test_an_analyst_may_read_the_case_but_not_record(client, safe_case, personas):
    client.force_login(personas.analyst)
    assert client.get(url(safe_case)).status_code == 403


def test_the_notes_typed_on_an_attempt_are_shown_on_the_timeline_notes_page_and_audit(
    client, safe_case, personas
):
    from haven.core.models import AuditEvent

    client.force_login(personas.caseworker)
    notes = "Synthetic: a neighbour answered; try again after 6pm"
    client.post(url(safe_case), form_data(notes=notes))
    attempt = ContactAttempt.objects.get()
    case_page = client.get(reverse("casework:detail", args=[safe_case.pk])).content.decode()
    assert "a neighbour answered; try again after 6pm" in case_page
    notes_page = client.get(reverse("casework:note_list", args=[safe_case.pk])).content.decode()
    assert "Notes on contact attempts" in notes_page
    assert "a neighbour answered; try again after 6pm" in notes_page
    audit = AuditEvent.objects.get(object_id=str(attempt.pk))
    # ADR 0019: the notes are encrypted at rest, so the audit trail records that they were
    # written, never their plaintext
    assert audit.changes["notes"] == [None, "[encrypted field]"]


def test_the_safe_contact_box_names_each_channel_as_the_form_does(client, safe_case, personas):
    # texts and voicemail are not allowed by default: the box said "Sms: ..." before
    client.force_login(personas.caseworker)
    page = client.get(url(safe_case)).content.decode()
    assert "<li>Text message (SMS): Text messages are not allowed</li>" in page
    assert "<li>Voicemail: " in page
    assert "Sms:" not in page
