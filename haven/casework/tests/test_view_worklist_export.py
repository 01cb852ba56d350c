"""Worklist export (issue 10 s5): team leaders and service managers download a worklist's
deadlines (reference codes, no names), audited; caseworkers and commissioners cannot."""

import csv
import io

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent
from haven.testing.casework import TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(team_case):
    return TaskFactory(case=team_case, label="+Call back")


def export(client, user, **query):
    client.force_login(user)
    return client.get(reverse("casework:worklist_export"), query)


def test_a_team_leader_exports_the_team_worklist(client, task, personas):
    response = export(client, personas.team_leader, scope="team")
    assert response.status_code == 200
    header, row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header[:3] == ["Due", "Duty", "Reference"]
    assert row[1] == "'+Call back"  # formula-like text neutralised
    assert row[2] == task.case.person.reference_code
    assert task.case.person.family_name not in response.content.decode("utf-8-sig")
    event = AuditEvent.objects.get(action=AuditAction.EXPORT, actor=personas.team_leader)
    assert event.changes["page"] == "worklist:team"
    assert event.changes["exported"] == [str(task.pk)]


def test_a_service_manager_exports_everything_they_see_as_xlsx(client, task, personas):
    response = export(client, personas.service_manager, scope="all", format="xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_export_keeps_to_the_scope(client, task, personas):
    response = export(client, personas.team_leader, scope="mine")
    assert task.case.person.reference_code not in response.content.decode("utf-8-sig")


def test_the_worklist_page_offers_the_export_to_managers_only(client, task, personas):
    client.force_login(personas.team_leader)
    assert (
        reverse("casework:worklist_export")
        in client.get(reverse("casework:team_worklist")).content.decode()
    )
    client.force_login(personas.caseworker)
    assert (
        reverse("casework:worklist_export")
        not in client.get(reverse("casework:worklist")).content.decode()
    )


@pytest.mark.parametrize("who", ["caseworker", "teammate", "outsider", "commissioner"])
def test_others_are_refused(client, personas, who):
    assert export(client, getattr(personas, who)).status_code == 403
