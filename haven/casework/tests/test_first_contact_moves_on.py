"""A successful contact moves a new or contacting case on as the profile says
(`first_contact.on_success`): to engaged, or to what the worker chooses when the profile asks;
the timeline says why, citing the profile's rule."""

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState, ContactAttempt
from haven.casework.services import (
    AttemptRefusedError,
    contact_attempt_record,
    success_state_choices,
)
from haven.people.models import SafeContact

pytestmark = pytest.mark.django_db


def make_safe(case):
    SafeContact.objects.create(
        person=case.person, safe_phone="07700 900123", harmer_at_address="no", letters="never"
    )
    return case


@pytest.fixture
def vf_case(open_case, contract_for):
    return make_safe(open_case(contract_for("victim-first-2018"), contact_method="mobile_phone"))


@pytest.fixture
def wokingham_case(open_case, contract_for):
    return make_safe(open_case(contract_for("wokingham-da-2017"), route="professional"))


def record(case, user, outcome="reached", **kwargs):
    return contact_attempt_record(
        case=case,
        channel="phone",
        outcome=outcome,
        attempted_at=timezone.now(),
        recorded_by=user,
        **kwargs,
    )


def test_speaking_to_the_person_engages_the_case_and_the_timeline_cites_the_rule(vf_case, personas):
    record(vf_case, personas.caseworker, "no_answer")
    vf_case.refresh_from_db()
    assert vf_case.state == CaseState.CONTACTING
    record(vf_case, personas.caseworker)
    vf_case.refresh_from_db()
    assert vf_case.state == CaseState.ENGAGED
    event = CaseEvent.objects.filter(case=vf_case, kind="state_changed").latest("created_at")
    assert event.summary.startswith("State changed from Contacting to Engaged")
    assert "first successful contact" in event.summary
    # seed 002 s3.7 is the first_contact section's citation in the Victim First profile
    assert "first-contact rule (seed 002 s3.7)" in event.summary
    assert event.data["rule"] == "first_contact.on_success"


def test_an_unsuccessful_attempt_leaves_the_case_contacting(vf_case, personas):
    record(vf_case, personas.caseworker, "no_answer")
    vf_case.refresh_from_db()
    assert vf_case.state == CaseState.CONTACTING


def test_a_profile_that_asks_refuses_a_successful_contact_without_an_answer(
    wokingham_case, personas
):
    # seed 003 s7: "a waiting list will operate when necessary": the worker says which
    with pytest.raises(AttemptRefusedError) as refused:
        record(wokingham_case, personas.caseworker)
    assert refused.value.field == "next_state"
    assert not ContactAttempt.objects.exists()
    wokingham_case.refresh_from_db()
    assert wokingham_case.state == CaseState.NEW


def test_a_profile_that_asks_moves_the_case_to_the_workers_answer(wokingham_case, personas):
    record(
        wokingham_case, personas.caseworker, next_state="waiting_list", waiting_reason="no_capacity"
    )
    wokingham_case.refresh_from_db()
    assert wokingham_case.state == CaseState.WAITING_LIST
    event = CaseEvent.objects.get(case=wokingham_case, kind="state_changed")
    assert "seed 003 s7" in event.summary
    assert "asks the worker what happens next" in event.summary


def test_people_who_must_not_wait_are_not_offered_the_waiting_list(
    open_case, contract_for, personas
):
    # seed 003 s7: never a waiting list for looked-after children
    case = open_case(
        contract_for("wokingham-da-2017"), route="professional", cohorts=["looked_after_child"]
    )
    assert success_state_choices(case) == [CaseState.ENGAGED, CaseState.DECLINED]
    with pytest.raises(AttemptRefusedError):
        record(make_safe(case), personas.caseworker, next_state="waiting_list")


def test_the_attempt_form_asks_what_happens_next_where_the_profile_asks(
    client, wokingham_case, vf_case, personas
):
    client.force_login(personas.caseworker)
    url = reverse("casework:attempt_record", args=[wokingham_case.pk])
    assert "what happens next?" in client.get(url).content.decode()
    vf_url = reverse("casework:attempt_record", args=[vf_case.pk])
    assert "what happens next?" not in client.get(vf_url).content.decode()
    now = timezone.localtime()
    data = {
        "channel": "phone",
        "direction": "outbound",
        "outcome": "reached",
        "attempted_at-day": now.day,
        "attempted_at-month": now.month,
        "attempted_at-year": now.year,
        "attempted_at-hour": now.hour,
        "attempted_at-minute": now.minute,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Select what happens next" in response.content.decode()
    response = client.post(url, data | {"next_state": "engaged"})
    assert response.status_code == 302
    wokingham_case.refresh_from_db()
    assert wokingham_case.state == CaseState.ENGAGED
