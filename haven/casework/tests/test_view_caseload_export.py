"""Caseload export (issue 10 s5): CSV and XLSX of the caseload the page shows, reference codes
and no names, formula-free, audited; caseworkers their own, managers any they oversee."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from haven.casework.models import CaseState
from haven.core.models import AuditAction, AuditEvent
from haven.testing.casework import CaseFactory, TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def engaged(personas):
    case = CaseFactory(
        contract=personas.contract,
        team=personas.team,
        allocated_to=personas.caseworker,
        state=CaseState.ENGAGED,
    )
    TaskFactory(case=case, label='=HYPERLINK("http://example.invalid")')
    return case


def export(client, user, **query):
    client.force_login(user)
    return client.get(reverse("casework:caseload_export"), query)


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_a_caseworker_exports_their_own_caseload_as_csv(client, engaged, personas):
    response = export(client, personas.caseworker)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, row = csv_rows(response)
    assert header[0] == "Reference"
    assert row[0] == engaged.person.reference_code
    assert row[4] == "Engaged"
    body = response.content.decode("utf-8-sig")
    assert engaged.person.given_name not in body  # no names leave Haven
    assert engaged.person.family_name not in body
    # the task label would run as a formula: it is written as text
    assert row[6].startswith("'=HYPERLINK")


def test_the_xlsx_holds_the_same_rows_and_no_formula(client, engaged, personas):
    response = export(client, personas.caseworker, format="xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == engaged.person.reference_code
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_the_export_is_audited_with_the_cases_in_it(client, engaged, personas):
    export(client, personas.caseworker, format="xlsx")
    event = AuditEvent.objects.get(action=AuditAction.EXPORT, actor=personas.caseworker)
    assert event.changes["format"] == "XLSX"
    assert event.changes["exported"] == [str(engaged.pk)]
    assert event.changes["page"] == "caseload:mine"


def test_filters_narrow_the_export_as_they_do_the_page(client, engaged, personas):
    other = CaseFactory(
        contract=personas.contract, team=personas.team, allocated_to=personas.caseworker
    )
    codes = [row[0] for row in csv_rows(export(client, personas.caseworker, state="engaged"))]
    assert engaged.person.reference_code in codes
    assert other.person.reference_code not in codes


def test_a_team_leader_exports_a_workers_caseload(client, engaged, personas):
    response = export(client, personas.team_leader, worker=str(personas.caseworker.pk))
    assert response.status_code == 200
    assert engaged.person.reference_code in response.content.decode("utf-8-sig")


def test_a_caseworker_may_not_export_anyone_elses(client, engaged, personas):
    response = export(client, personas.teammate, worker=str(personas.caseworker.pk))
    assert response.status_code == 403
    own = export(client, personas.teammate)
    assert engaged.person.reference_code not in own.content.decode("utf-8-sig")


def test_an_outsider_exports_none_of_it(client, engaged, personas):
    response = export(client, personas.outsider)
    assert engaged.person.reference_code not in response.content.decode("utf-8-sig")


@pytest.mark.parametrize("who", ["commissioner", "analyst", "auditor"])
def test_others_are_refused(client, personas, who):
    assert export(client, getattr(personas, who)).status_code == 403


def test_an_unknown_format_is_not_found(client, personas):
    assert export(client, personas.caseworker, format="pdf").status_code == 404
