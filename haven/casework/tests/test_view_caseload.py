"""The caseload (issue 10 s5): a worker's open cases with risk, state, last contact and next
deadline; an engaged case with no open deadline stays on it; scoped as the worklist is."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from haven.casework.caseload_selectors import CASELOAD_PAGE_SIZE
from haven.casework.models import CaseAccess, CaseState
from haven.core.formatting import when
from haven.core.models import AuditAction, AuditEvent
from haven.testing.casework import (
    CaseFactory,
    CaseNoteFactory,
    ContactAttemptFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


def page(client, user, **query):
    client.force_login(user)
    response = client.get(reverse("casework:caseload"), query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def engaged(personas):
    """Engaged, no outstanding task (its only deadline met): the case a deadline list loses."""
    case = CaseFactory(
        contract=personas.contract,
        team=personas.team,
        allocated_to=personas.caseworker,
        state=CaseState.ENGAGED,
        risk_level="medium",
    )
    TaskFactory(case=case, label="Met already", status="met", completed_at=timezone.now())
    return case


def test_an_engaged_case_with_no_open_deadline_is_on_the_owners_caseload(client, engaged, personas):
    body = page(client, personas.caseworker)
    assert engaged.person.reference_code in body
    assert "No open deadline" in body
    assert "Engaged" in body
    assert "Met already" not in body


def test_each_row_shows_risk_state_last_contact_and_next_deadline(client, team_case, personas):
    now = timezone.now()
    team_case.risk_level = "high"
    team_case.save()
    TaskFactory(case=team_case, label="Later visit", due_at=now + dt.timedelta(days=3))
    TaskFactory(case=team_case, label="Overdue call", due_at=now - dt.timedelta(hours=2))
    ContactAttemptFactory(case=team_case, attempted_at=now - dt.timedelta(days=3))
    latest = now.replace(microsecond=0) - dt.timedelta(days=1)
    CaseNoteFactory(case=team_case, note_type="contact", happened_at=latest)
    CaseNoteFactory(case=team_case, note_type="case_note", happened_at=now)  # not a contact
    body = page(client, personas.caseworker)
    assert "Overdue call" in body  # the earliest outstanding deadline
    assert "Later visit" not in body
    assert "overdue" in body
    assert "High" in body
    assert when(latest) in body  # the contact note is later than the attempt


def test_closed_cases_are_not_on_a_caseload(client, engaged, personas):
    engaged.state = CaseState.CLOSED
    engaged.closed_at = timezone.now()
    engaged.save()
    assert engaged.person.reference_code not in page(client, personas.caseworker)


def test_a_teammate_sees_their_own_caseload_not_the_owners(client, engaged, personas):
    assert engaged.person.reference_code not in page(client, personas.teammate)


def test_a_caseworker_may_not_open_another_workers_caseload(client, engaged, personas):
    client.force_login(personas.teammate)
    response = client.get(reverse("casework:caseload"), {"worker": personas.caseworker.pk})
    assert response.status_code == 403


@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker"])
def test_an_outsider_sees_none_of_it(client, engaged, personas, who):
    assert engaged.person.reference_code not in page(client, getattr(personas, who))


def test_the_team_leader_opens_a_workers_caseload(client, engaged, personas):
    body = page(client, personas.team_leader, worker=str(personas.caseworker.pk))
    assert engaged.person.reference_code in body
    assert f"Caseload: {personas.caseworker.get_full_name()}" in body


def test_the_unallocated_queue_lists_cases_with_no_worker(client, personas):
    queued = CaseFactory(contract=personas.contract, team=personas.team, allocated_to=None)
    body = page(client, personas.team_leader, worker="unallocated")
    assert queued.person.reference_code in body
    body = page(client, personas.service_manager, worker="unallocated")
    assert queued.person.reference_code in body


@pytest.mark.parametrize("who", ["commissioner", "analyst", "administrator", "auditor"])
def test_people_without_a_caseload_are_refused(client, personas, who):
    client.force_login(getattr(personas, who))
    assert client.get(reverse("casework:caseload")).status_code == 403


def test_filters_by_state_risk_and_overdue(client, engaged, team_case, personas):
    TaskFactory(case=team_case, due_at=timezone.now() - dt.timedelta(hours=1))
    mine, other = engaged.person.reference_code, team_case.person.reference_code
    body = page(client, personas.caseworker, state="engaged")
    assert mine in body
    assert other not in body
    body = page(client, personas.caseworker, risk_level="medium")
    assert mine in body
    assert other not in body
    body = page(client, personas.caseworker, overdue="yes")
    assert other in body
    assert mine not in body


def test_htmx_gets_only_the_table(client, engaged, personas):
    client.force_login(personas.caseworker)
    response = client.get(reverse("casework:caseload"), headers={"HX-Request": "true"})
    body = response.content.decode()
    assert engaged.person.reference_code in body
    assert "<html" not in body


def test_restricted_cases_are_left_out_unless_named(client, engaged, personas):
    engaged.is_restricted = True
    engaged.save()
    code = engaged.person.reference_code
    assert code not in page(client, personas.team_leader, worker=str(personas.caseworker.pk))
    CaseAccess.objects.create(case=engaged, user=personas.team_leader)
    assert code in page(client, personas.team_leader, worker=str(personas.caseworker.pk))


def test_the_page_audits_the_cases_it_showed(client, engaged, personas):
    page(client, personas.caseworker)
    event = AuditEvent.objects.filter(action=AuditAction.VIEW, actor=personas.caseworker).last()
    assert event.changes["page"] == "caseload:mine"
    assert event.changes["shown"] == [str(engaged.pk)]


def test_the_caseload_is_paginated(client, personas):
    for _ in range(CASELOAD_PAGE_SIZE + 1):
        CaseFactory(
            contract=personas.contract, team=personas.team, allocated_to=personas.caseworker
        )
    body = page(client, personas.caseworker)
    assert "govuk-pagination" in body


def add_cases(personas, n):
    for i in range(n):
        case = CaseFactory(
            contract=personas.contract,
            team=personas.team,
            allocated_to=personas.caseworker if i % 2 else personas.teammate,
            state=CaseState.ENGAGED,
        )
        TaskFactory(case=case)
        ContactAttemptFactory(case=case, recorded_by=personas.caseworker)
        CaseNoteFactory(case=case, note_type="contact", author=personas.caseworker)


@pytest.mark.parametrize(("user", "worker"), [("caseworker", ""), ("team_leader", "all")])
def test_the_query_count_does_not_grow_with_the_cases(
    client, personas, django_assert_max_num_queries, user, worker
):
    client.force_login(getattr(personas, user))
    url = reverse("casework:caseload") + (f"?worker={worker}" if worker else "")
    add_cases(personas, 4)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add_cases(personas, 40)
    with django_assert_max_num_queries(len(few)):
        assert client.get(url).status_code == 200
