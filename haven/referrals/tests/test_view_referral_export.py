"""Referral list export (issue 10 s5): team leaders and service managers, the list's rows and
columns (reference codes; "Restricted record" where the list hides the person), audited."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from haven.core.models import AuditAction, AuditEvent
from haven.referrals.models import Decision
from haven.testing.casework import CaseFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def export(client, user, **query):
    client.force_login(user)
    return client.get(reverse("referrals:export"), query)


def rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_a_team_leader_exports_the_pending_queue(client, personas):
    pending = ReferralFactory(contract=personas.contract, decision=Decision.PENDING)
    ReferralFactory(contract=personas.contract, decision=Decision.DECLINED)
    ReferralFactory(contract=personas.other_contract, decision=Decision.PENDING)
    response = export(client, personas.team_leader)
    assert response.status_code == 200
    header, *found = rows(response)
    assert header[:2] == ["Received", "Person"]
    assert [row[1] for row in found] == [pending.person.reference_code]
    assert pending.person.family_name not in response.content.decode("utf-8-sig")
    event = AuditEvent.objects.get(action=AuditAction.EXPORT, actor=personas.team_leader)
    assert event.changes["exported"] == [str(pending.pk)]
    assert event.changes["filters"] == {"decision": "pending"}


def test_a_restricted_person_is_a_restricted_record(client, personas):
    case = CaseFactory(contract=personas.contract, team=personas.team, is_restricted=True)
    ReferralFactory(contract=personas.contract, person=case.person, decision=Decision.PENDING)
    response = export(client, personas.service_manager, format="xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    people = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Restricted record" in people
    assert case.person.reference_code not in people


def test_the_list_offers_the_export_to_managers_only(client, personas):
    client.force_login(personas.team_leader)
    assert reverse("referrals:export") in client.get(reverse("referrals:list")).content.decode()
    client.force_login(personas.caseworker)
    assert reverse("referrals:export") not in client.get(reverse("referrals:list")).content.decode()


@pytest.mark.parametrize("who", ["caseworker", "outsider", "commissioner", "analyst"])
def test_others_are_refused(client, personas, who):
    assert export(client, getattr(personas, who)).status_code == 403
