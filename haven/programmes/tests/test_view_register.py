"""The register (issue 16 item 1): a facilitator records a group session with everyone's mark on
one form; missing and bad marks come back on their rows and nothing is saved."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.programmes.models import EnrolmentStatus, ProgrammeSession, SessionAttendance

pytestmark = pytest.mark.django_db


def _day(prefix, day):
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


def _form(day, marks):
    return {**_day("held_on", day), "duration_minutes": "120", "topic": "Week 5", **marks}


def test_a_facilitator_takes_the_register_for_the_whole_group(
    client, run, place, started, perp_contract, personas
):
    from haven.testing.casework import CaseFactory

    other = started(
        run,
        CaseFactory(
            contract=perp_contract, team=personas.other_team, allocated_to=personas.outsider
        ),
        personas,
    )
    client.force_login(personas.outsider)
    url = reverse("programmes:register", args=[run.pk])
    page = client.get(url).content.decode()
    assert place.case.person.reference_code in page
    assert other.case.person.reference_code in page
    day = timezone.localdate() - timedelta(days=1)
    response = client.post(
        url, _form(day, {f"mark_{place.pk}": "attended", f"mark_{other.pk}": "apologies"})
    )
    assert response.status_code == 302
    session = ProgrammeSession.objects.get(run=run, held_on=day)
    assert dict(
        SessionAttendance.objects.filter(session=session).values_list("enrolment_id", "mark")
    ) == {
        place.pk: "attended",
        other.pk: "apologies",
    }


def test_a_missing_mark_is_an_error_on_that_row_and_nothing_is_saved(client, run, place, personas):
    client.force_login(personas.outsider)
    before = ProgrammeSession.objects.count()
    response = client.post(
        reverse("programmes:register", args=[run.pk]), _form(timezone.localdate(), {})
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Select whether {place.case.person.reference_code} attended" in html
    assert ProgrammeSession.objects.count() == before


def test_a_drop_out_is_recorded_from_the_group_page(client, run, place, personas):
    client.force_login(personas.outsider)
    today = timezone.localdate()
    response = client.post(
        reverse("programmes:place_drop_out", args=[run.pk, place.pk]),
        {**_day("ended_on", today), "reason": "non_attendance", "detail": ""},
    )
    assert response.status_code == 302
    place.refresh_from_db()
    assert place.status == EnrolmentStatus.DROPPED_OUT
    assert place.drop_out_reason == "non_attendance"


def test_a_one_to_one_session_is_with_one_person(client, run, place, personas):
    client.force_login(personas.outsider)
    response = client.post(
        reverse("programmes:one_to_one", args=[run.pk, place.pk]),
        _form(timezone.localdate(), {f"mark_{place.pk}": "attended"}),
    )
    assert response.status_code == 302
    session = ProgrammeSession.objects.get(run=run, format="one_to_one")
    assert session.enrolment_id == place.pk
