"""Team caseloads (issue 10 s5): per-worker counts (open, high risk, overdue, contacts this
week) and the unallocated queue, for team leaders (their teams) and service managers (every
team of the organisation, grouped by team); restricted cases counted for named staff only."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from markupsafe import escape  # Jinja2 escapes an apostrophe as &#39;, Django as &#x27;

from haven.casework.caseload_selectors import WorkerCounts, caseload_overview, week_start
from haven.casework.models import CaseAccess, CaseState
from haven.testing.casework import (
    CaseFactory,
    CaseNoteFactory,
    ContactAttemptFactory,
    TaskFactory,
)
from haven.testing.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(personas):
    now = timezone.now()
    monday = week_start(now)

    def case(team, worker, **fields):
        return CaseFactory(contract=personas.contract, team=team, allocated_to=worker, **fields)

    mine_high = case(personas.team, personas.caseworker, risk_level="high")
    TaskFactory(case=mine_high, due_at=now - dt.timedelta(hours=1))  # overdue
    TaskFactory(case=mine_high, due_at=now - dt.timedelta(hours=2))  # overdue
    TaskFactory(case=mine_high, due_at=now + dt.timedelta(days=1))  # not yet
    ContactAttemptFactory(case=mine_high, attempted_at=monday + dt.timedelta(minutes=1))
    ContactAttemptFactory(
        case=mine_high, attempted_at=monday - dt.timedelta(minutes=1)
    )  # last week
    CaseNoteFactory(case=mine_high, note_type="contact", happened_at=monday)
    CaseNoteFactory(case=mine_high, note_type="case_note", happened_at=monday)  # not a contact
    engaged = case(personas.team, personas.caseworker, state=CaseState.ENGAGED)  # no task
    case(personas.team, personas.caseworker, state=CaseState.CLOSED, closed_at=now)  # not open
    case(personas.team, personas.teammate)
    queued = case(personas.team, None, risk_level="high")
    TaskFactory(case=queued, due_at=now - dt.timedelta(hours=1))
    refuge = case(personas.other_team, personas.outsider)
    return {"engaged": engaged, "queued": queued, "refuge": refuge}


def counts_of(teams, name):
    group = next(g for g in teams if (g.team.name if g.team else None) == name)
    return {c.worker.get_full_name(): c for c in group.workers}, group.unallocated


def test_a_team_leader_gets_each_workers_figures_and_the_queue(world, personas):
    teams = caseload_overview(personas.team_leader)
    assert [g.team.name for g in teams] == ["Outreach"]  # only the team they lead
    workers, queue = counts_of(teams, "Outreach")
    caseworker = workers[personas.caseworker.get_full_name()]
    # two open cases (closed one left out), one high risk, two overdue tasks, two contacts since
    # Monday 00:00 (an attempt and a contact note; last week's attempt and a case note are not)
    assert (caseworker.open_cases, caseworker.high_risk) == (2, 1)
    assert (caseworker.overdue, caseworker.contacts_this_week) == (2, 2)
    assert workers[personas.teammate.get_full_name()].open_cases == 1
    # the team leader is a member with no case: listed with zeros
    assert workers[personas.team_leader.get_full_name()] == WorkerCounts(personas.team_leader)
    assert (queue.open_cases, queue.high_risk, queue.overdue) == (1, 1, 1)


def test_overdue_only_keeps_the_workers_with_an_overdue_deadline(world, personas):
    workers, _ = counts_of(caseload_overview(personas.team_leader, overdue_only=True), "Outreach")
    assert list(workers) == [personas.caseworker.get_full_name()]


def test_a_service_manager_gets_every_team_grouped_by_team(world, personas):
    teams = caseload_overview(personas.service_manager)
    assert [g.team.name for g in teams] == ["Outreach", "Refuge"]
    refuge, _ = counts_of(teams, "Refuge")
    assert refuge[personas.outsider.get_full_name()].open_cases == 1


def test_cases_held_by_no_team_come_last_for_a_service_manager(world, personas):
    CaseFactory(contract=personas.contract, team=None, allocated_to=None)
    teams = caseload_overview(personas.service_manager)
    assert [g.team.name if g.team else None for g in teams] == ["Outreach", "Refuge", None]
    assert teams[-1].unallocated.open_cases == 1
    # a team leader never sees them (outside the team they lead)
    assert [g.team.name for g in caseload_overview(personas.team_leader)] == ["Outreach"]


def test_a_restricted_case_counts_only_for_staff_named_on_it(world, personas):
    world["engaged"].is_restricted = True
    world["engaged"].save()
    workers, _ = counts_of(caseload_overview(personas.team_leader), "Outreach")
    assert workers[personas.caseworker.get_full_name()].open_cases == 1
    CaseAccess.objects.create(case=world["engaged"], user=personas.team_leader)
    workers, _ = counts_of(caseload_overview(personas.team_leader), "Outreach")
    assert workers[personas.caseworker.get_full_name()].open_cases == 2


def test_the_page_links_each_worker_to_their_caseload(client, world, personas):
    client.force_login(personas.team_leader)
    response = client.get(reverse("casework:caseloads"))
    assert response.status_code == 200
    html = parse(response.content.decode())
    assert html.find("caption").text.strip() == "Outreach"
    assert {th.attrs.get("scope") for th in html.find_all("th")} == {"col", "row"}
    href = f"{reverse('casework:caseload')}?worker={personas.caseworker.pk}"
    html.find("a", href=href)
    assert client.get(href).status_code == 200
    assert world["refuge"].person.reference_code not in response.content.decode()


def test_the_overdue_filter_on_the_page(client, world, personas):
    client.force_login(personas.team_leader)
    body = client.get(reverse("casework:caseloads"), {"overdue": "yes"}).content.decode()
    assert escape(personas.caseworker.get_full_name()) in body
    assert personas.teammate.get_full_name() not in body


@pytest.mark.parametrize("who", ["caseworker", "teammate", "outsider", "commissioner", "analyst"])
def test_only_team_leaders_and_service_managers_reach_it(client, personas, who):
    client.force_login(getattr(personas, who))
    assert client.get(reverse("casework:caseloads")).status_code == 403


def add_cases(personas, n):
    for i in range(n):
        team = personas.team if i % 2 else personas.other_team
        case = CaseFactory(contract=personas.contract, team=team, allocated_to=personas.caseworker)
        TaskFactory(case=case, due_at=timezone.now() - dt.timedelta(hours=1))
        ContactAttemptFactory(case=case)
        CaseNoteFactory(case=case, note_type="contact")


@pytest.mark.parametrize("who", ["team_leader", "service_manager"])
def test_the_query_count_does_not_grow_with_the_cases(
    client, personas, django_assert_max_num_queries, who
):
    client.force_login(getattr(personas, who))
    url = reverse("casework:caseloads")
    add_cases(personas, 4)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add_cases(personas, 40)
    with django_assert_max_num_queries(len(few)):
        assert client.get(url).status_code == 200
