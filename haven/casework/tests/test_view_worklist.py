"""My and team worklists: outstanding deadlines soonest first, counts, filters kept, HTMX partial."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import CaseAccess
from haven.testing.casework import CaseFactory, TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tasks(team_case, personas):
    now = timezone.now()
    overdue = TaskFactory(case=team_case, label="Overdue call", due_at=now - dt.timedelta(hours=2))
    later = TaskFactory(case=team_case, label="Later visit", due_at=now + dt.timedelta(days=3))
    TaskFactory(
        case=team_case,
        label="Done already",
        due_at=now - dt.timedelta(days=1),
        completed_at=now,
        status="met",
    )
    return overdue, later


def test_my_worklist_lists_outstanding_tasks_overdue_first_with_counts(client, tasks, personas):
    client.force_login(personas.caseworker)
    body = client.get(reverse("casework:worklist")).content.decode()
    assert body.index("Overdue call") < body.index("Later visit")
    assert "Done already" not in body
    assert "1 overdue" in body


def test_my_worklist_shows_only_cases_allocated_to_me(client, tasks, personas):
    client.force_login(personas.teammate)
    body = client.get(reverse("casework:worklist")).content.decode()
    assert "Overdue call" not in body
    body = client.get(reverse("casework:team_worklist")).content.decode()
    assert "Overdue call" in body


def test_another_team_sees_none_of_it(client, tasks, personas):
    client.force_login(personas.outsider)
    for name in ("casework:worklist", "casework:team_worklist", "casework:all_worklist"):
        assert "Overdue call" not in client.get(reverse(name)).content.decode()


def test_a_service_manager_sees_everything_in_the_organisation(client, tasks, personas):
    client.force_login(personas.service_manager)
    assert "Overdue call" in client.get(reverse("casework:all_worklist")).content.decode()


def test_a_commissioner_is_refused(client, personas):
    client.force_login(personas.commissioner)
    assert client.get(reverse("casework:worklist")).status_code == 403


def test_filters_narrow_the_list_and_htmx_gets_only_the_table(client, tasks, personas):
    other = CaseFactory(
        contract=personas.contract,
        team=personas.team,
        allocated_to=personas.caseworker,
        risk_level="high",
    )
    TaskFactory(case=other, label="High risk call")
    client.force_login(personas.caseworker)
    response = client.get(
        reverse("casework:worklist"), {"risk_level": "high"}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert "High risk call" in body
    assert "Overdue call" not in body
    assert "<html" not in body


def test_restricted_cases_are_left_out_unless_named(client, tasks, team_case, personas):
    team_case.is_restricted = True
    team_case.save()
    client.force_login(personas.teammate)
    assert "Overdue call" not in client.get(reverse("casework:team_worklist")).content.decode()
    CaseAccess.objects.create(case=team_case, user=personas.teammate)
    assert "Overdue call" in client.get(reverse("casework:team_worklist")).content.decode()
