"""Attempts and notes refuse implausible times and over-long text in the service (issue 9 s4),
so a direct POST or another caller is refused like the form, with the field named."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from haven.casework.models import CaseNote, ContactAttempt
from haven.casework.services import case_note_add, case_note_edit, contact_attempt_record
from haven.validators import NOTE_MAX_LENGTH

LONDON = ZoneInfo("Europe/London")
NOW = dt.datetime(2026, 12, 3, 12, 0, tzinfo=LONDON)
RECEIVED = dt.datetime(2026, 12, 1, 10, 0, tzinfo=LONDON)
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_now")]


@pytest.fixture
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def case(open_case, contract_for):
    return open_case(contract_for("victim-first-2018"), received_at=RECEIVED)


def attempt(case, user, at, **extra):
    return contact_attempt_record(
        case=case,
        channel="phone",
        direction="inbound",
        outcome="reached",
        attempted_at=at,
        recorded_by=user,
        **extra,
    )


def problems(error):
    return {
        field: [str(m) for m in messages] for field, messages in error.value.message_dict.items()
    }


def test_an_attempt_before_the_referral_was_received_is_refused(case, personas):
    with pytest.raises(ValidationError) as error:
        attempt(case, personas.caseworker, RECEIVED - dt.timedelta(minutes=1))
    assert problems(error) == {
        "attempted_at": [
            "Date and time of the attempt must be the same as or after the time the referral "
            "was received, 1 December 2026 at 10:00am"
        ]
    }
    assert not ContactAttempt.objects.exists()


def test_an_attempt_in_the_minute_the_referral_arrived_is_accepted(case, personas):
    assert attempt(case, personas.caseworker, RECEIVED).pk


@pytest.mark.parametrize("year", [1000, 1899])
def test_an_attempt_in_an_implausible_year_is_refused(case, personas, year):
    with pytest.raises(ValidationError, match="must be the same as or after 1 January 1900"):
        attempt(case, personas.caseworker, RECEIVED.replace(year=year))


def test_an_attempt_more_than_five_minutes_ahead_is_in_the_future(case, personas):
    assert attempt(case, personas.caseworker, NOW + dt.timedelta(minutes=4)).pk
    with pytest.raises(ValidationError, match="attempt must be in the past"):
        attempt(case, personas.caseworker, NOW + dt.timedelta(minutes=6))


def test_attempt_notes_longer_than_the_limit_or_with_nul_are_refused(case, personas):
    with pytest.raises(ValidationError, match="Notes must be 20,000 characters or less"):
        attempt(case, personas.caseworker, NOW, notes="x" * (NOTE_MAX_LENGTH + 1))
    with pytest.raises(ValidationError, match="null characters"):
        attempt(case, personas.caseworker, NOW, notes="a\x00b")


def test_a_note_dated_before_the_case_opened_is_refused(case, personas):
    with pytest.raises(ValidationError) as error:
        case_note_add(
            case=case,
            author=personas.caseworker,
            note_type="contact",
            text="Synthetic",
            happened_at=case.opened_at - dt.timedelta(hours=1),
        )
    assert list(problems(error)) == ["happened_at"]
    assert "after the time the case was opened" in problems(error)["happened_at"][0]
    assert not CaseNote.objects.exists()


def test_a_note_cannot_be_edited_to_the_year_1000(case, personas):
    note = case_note_add(
        case=case,
        author=personas.caseworker,
        note_type="contact",
        text="Synthetic",
        happened_at=NOW,
    )
    with pytest.raises(ValidationError, match="1 January 1900"):
        case_note_edit(
            note=note,
            edited_by=personas.caseworker,
            text="Synthetic",
            note_type="contact",
            happened_at=NOW.replace(year=1000),
        )
    note.refresh_from_db()
    assert note.version == 1


def test_the_note_page_shows_the_services_refusal_on_the_field(client, case, personas):
    client.force_login(personas.caseworker)
    before = case.opened_at.astimezone(LONDON) - dt.timedelta(days=1)
    response = client.post(
        reverse("casework:note_add", args=[case.pk]),
        {
            "note_type": "contact",
            "happened_at-day": before.day,
            "happened_at-month": before.month,
            "happened_at-year": before.year,
            "happened_at-hour": before.hour,
            "happened_at-minute": before.minute,
            "text": "Synthetic",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "Date and time it happened must be the same as or after the time the case was opened"
        in page
    )
    assert 'href="#id_happened_at-day"' in page


def test_the_attempt_page_refuses_a_unicode_digit_with_a_field_error(client, case, personas):
    client.force_login(personas.caseworker)
    response = client.post(
        reverse("casework:attempt_record", args=[case.pk]),
        {
            "channel": "phone",
            "direction": "inbound",
            "outcome": "reached",
            "attempted_at-day": "²",
            "attempted_at-month": "12",
            "attempted_at-year": "2026",
            "attempted_at-hour": "10",
            "attempted_at-minute": "00",
        },
    )
    assert response.status_code == 200
    assert "Date and time of the attempt must be a real date" in response.content.decode()
