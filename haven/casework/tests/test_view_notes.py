"""Notes pages: add, list, edit within 24 hours (author only), correct."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import CaseNote
from haven.casework.services import case_note_add

pytestmark = pytest.mark.django_db


def note_data(text="Talked through the safety plan"):
    now = timezone.localtime()
    return {
        "note_type": "contact",
        "text": text,
        "happened_at-day": now.day,
        "happened_at-month": now.month,
        "happened_at-year": now.year,
        "happened_at-hour": now.hour,
        "happened_at-minute": now.minute,
    }


@pytest.fixture
def note(team_case, personas):
    return case_note_add(
        case=team_case,
        author=personas.caseworker,
        note_type="contact",
        text="First wording",
        happened_at=timezone.now(),
    )


def test_a_caseworker_adds_a_note(client, team_case, personas):
    client.force_login(personas.caseworker)
    response = client.post(reverse("casework:note_add", args=[team_case.pk]), note_data())
    assert response.status_code == 302
    assert CaseNote.objects.get().text == "Talked through the safety plan"


def test_an_empty_note_is_an_error_on_the_field(client, team_case, personas):
    client.force_login(personas.caseworker)
    response = client.post(reverse("casework:note_add", args=[team_case.pk]), note_data(text=""))
    assert "Enter the note" in response.content.decode()
    assert not CaseNote.objects.exists()


def test_the_list_shows_notes_with_edit_for_the_author_only(client, note, personas):
    client.force_login(personas.caseworker)
    body = client.get(reverse("casework:note_list", args=[note.case_id])).content.decode()
    assert "First wording" in body
    assert reverse("casework:note_edit", args=[note.pk]) in body
    client.force_login(personas.teammate)
    body = client.get(reverse("casework:note_list", args=[note.case_id])).content.decode()
    assert reverse("casework:note_edit", args=[note.pk]) not in body


def test_the_author_edits_within_24_hours(client, note, personas):
    client.force_login(personas.caseworker)
    response = client.post(
        reverse("casework:note_edit", args=[note.pk]), note_data("Second wording")
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.text == "Second wording"
    assert note.versions.count() == 1


def test_editing_after_24_hours_is_refused(client, note, personas):
    CaseNote.objects.filter(pk=note.pk).update(recorded_at=timezone.now() - dt.timedelta(hours=25))
    client.force_login(personas.caseworker)
    assert client.get(reverse("casework:note_edit", args=[note.pk])).status_code == 403


def test_a_teammate_cannot_edit_but_can_correct(client, note, personas):
    client.force_login(personas.teammate)
    assert client.get(reverse("casework:note_edit", args=[note.pk])).status_code == 403
    response = client.post(
        reverse("casework:note_correct", args=[note.pk]), {"text": "It was at 3pm"}
    )
    assert response.status_code == 302
    assert note.corrections.get().text == "It was at 3pm"


def test_outsider_gets_404_and_commissioner_403(client, note, personas):
    for user, status in ((personas.outsider, 404), (personas.commissioner, 403)):
        client.force_login(user)
        assert client.get(reverse("casework:note_list", args=[note.case_id])).status_code == status
        assert client.get(reverse("casework:note_correct", args=[note.pk])).status_code == status
