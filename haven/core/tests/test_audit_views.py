"""The audit trail pages and export (issue 9 s5): each event worded for its kind, records named
by reference code, restricted records' values hidden from staff not named on them, and a CSV
export for auditors that is itself audited and safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.services import case_restriction_set
from haven.core.auditor import audit_event
from haven.core.models import AuditAction, AuditEvent
from haven.core.spreadsheet_cells import neutralise
from haven.people.services import person_create
from haven.testing.casework import CaseFactory

pytestmark = pytest.mark.django_db
LIST = reverse("audit:list")
EXPORT = reverse("audit:export")


@pytest.fixture
def person(personas):
    return person_create(
        created_by=personas.caseworker,
        details={
            "given_name": "Synthia",
            "family_name": "Testperson",
            "date_of_birth": dt.date(1988, 4, 2),
            "address_line_1": "12 Example Street",
        },
        organisation=personas.organisation,
    )


def _restrict(person, personas):
    case = CaseFactory(
        contract=personas.contract, person=person, referral__person=person, team=personas.team
    )
    case_restriction_set(case=case, restricted=True, changed_by=personas.caseworker, reason="DV")
    return case


def _body(client, url=LIST, **query):
    return client.get(url, query).content.decode()


def test_a_search_event_says_how_and_how_many(client, personas):
    audit_event(
        actor=personas.caseworker,
        action=AuditAction.SEARCH,
        object_type="people.person",
        changes={"searched_by": "reference_code", "results": 1, "restricted_results": 2},
    )
    client.force_login(personas.auditor)
    body = _body(client, action="search")
    assert "Searched by reference code: 1 result shown" in body
    assert "2 restricted records not shown" in body
    assert "r → e" not in body


def test_an_import_event_lists_its_counts(client, personas):
    audit_event(
        actor=None,
        action=AuditAction.IMPORT,
        object_type="workbook.workbookrun",
        object_id="0" * 32,
        changes={"incidents": 120, "referrals_created": 7},
    )
    client.force_login(personas.auditor)
    body = _body(client, action="import")
    assert "Incidents: 120" in body
    assert "Referrals created: 7" in body


def test_records_are_named_by_their_reference_code(client, personas, person):
    client.force_login(personas.auditor)
    body = _body(client, object_type="people.person")
    assert f"Person {person.reference_code}" in body
    assert ">people.person<" not in body


def test_a_restricted_persons_values_are_hidden_from_staff_not_named(client, personas, person):
    _restrict(person, personas)
    client.force_login(personas.service_manager)  # may read the trail, not named on the case
    body = _body(client, object_type="people.person")
    assert "Synthia" not in body
    assert "12 Example Street" not in body
    assert "1988" not in body
    assert "Details hidden: the record is restricted" in body
    assert personas.caseworker.email in body  # who did what and when stays


def test_named_staff_who_read_the_trail_see_the_values(client, personas, person):
    _restrict(person, personas)
    client.force_login(personas.service_manager)
    case = person.cases.get()
    case.accesses.create(user=personas.service_manager, granted_by=personas.caseworker)
    assert "Synthia" in _body(client, object_type="people.person")


def test_the_record_page_hides_values_of_a_restricted_record_too(client, personas, person):
    _restrict(person, personas)
    client.force_login(personas.service_manager)
    body = _body(client, reverse("audit:record", args=["people.person", person.pk]))
    assert "Synthia" not in body
    assert f"Person {person.reference_code}" in body


def test_reading_the_trail_is_audited(client, personas):
    client.force_login(personas.auditor)
    response = client.get(LIST, {"action": "login"})
    event = AuditEvent.objects.get(request_id=response["X-Request-Id"])
    assert (event.action, event.object_type) == (AuditAction.VIEW, "core.auditevent")
    assert event.changes["filters"] == {"action": "login"}


def _export(client, **query):
    response = client.get(EXPORT, query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    return response, rows


def test_an_auditor_exports_the_filtered_trail_and_the_export_is_audited(client, personas, person):
    client.force_login(personas.auditor)
    response, rows = _export(client, object_type="people.person", action="create")
    assert rows[0][:3] == ["When", "Who", "Action"]
    assert len(rows) == 2
    assert rows[1][2] == "Created"
    assert rows[1][4] == f"Person {person.reference_code}"
    export = AuditEvent.objects.get(request_id=response["X-Request-Id"])
    assert export.action == AuditAction.EXPORT
    assert export.changes["rows"] == 1
    assert export.changes["filters"] == {"object_type": "people.person", "action": "create"}


def test_the_export_filters_by_date_and_actor(client, personas, person):
    client.force_login(personas.auditor)
    _, rows = _export(client, actor_email="nobody@example.org")
    assert len(rows) == 1
    tomorrow = timezone.localdate() + dt.timedelta(days=2)
    _, rows = _export(
        client,
        **{"date_from-day": tomorrow.day, "date_from-month": tomorrow.month},
        **{"date_from-year": tomorrow.year},
    )
    assert len(rows) == 1


def test_the_export_hides_restricted_values_too(client, personas, person):
    _restrict(person, personas)
    client.force_login(personas.auditor)
    _, rows = _export(client, object_type="people.person")
    assert "Synthia" not in "".join(",".join(row) for row in rows)


def test_cells_that_would_run_as_formulas_are_written_as_text(client, personas):
    audit_event(
        actor=personas.caseworker,
        action=AuditAction.UPDATE,
        object_type="people.person",
        changes={"family_name": ["Smith", '=HYPERLINK("http://x")']},
        reason="+44 call",
    )
    client.force_login(personas.auditor)
    _, rows = _export(client, action="update")
    assert rows[1][7] == "'+44 call"
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_neutralise_prefixes_formula_starts(cell):
    assert neutralise(cell) == "'" + cell


def test_only_auditors_export(client, personas):
    client.force_login(personas.service_manager)
    assert client.get(EXPORT).status_code == 403
    assert "Download these events" not in _body(client)
