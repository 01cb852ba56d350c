"""Importing past events from CSV (issue 16 item 2): every row checked before anything is saved,
problems named by row and column, idempotent by the row's reference."""

from __future__ import annotations

import pytest

from haven.events.imports import events_import
from haven.events.models import Event, EventStatus

pytestmark = pytest.mark.django_db

HEADER = (
    "reference,contracts,kind,title,date,start_time,duration_minutes,venue,location_type,"
    "audience,status,cancelled_reason,attended,feedback_forms,awareness_increased,"
    "more_confident,feedback_themes,materials\n"
)
GOOD = (
    "EV-1,leicester-family-2012,school_session,Healthy relationships,2025-03-04,10:00,60,"
    "Synthetic Academy,school,young_people,delivered,,28,20,16,12,More on consent,Slides\n"
    "EV-2,leicester-family-2012;leicester-perpetrator-2012,training,DA awareness for GPs,"
    "2025-03-11,13:30,120,Synthetic Surgery,gp_practice,practitioners,delivered,,14,14,13,11,,\n"
    "EV-3,leicester-family-2012,community_event,Summer fair stall,2025-06-01,11:00,240,"
    "Synthetic Park,other,public,cancelled,Rained off,,,,,,\n"
)


@pytest.fixture
def contracts(contract_for):
    return contract_for("leicester-family-2012"), contract_for("leicester-perpetrator-2012")


def test_a_good_file_imports_every_row(contracts, personas):
    result = events_import(content=(HEADER + GOOD).encode(), imported_by=personas.caseworker)
    assert (result.created, result.skipped, result.problems) == (3, 0, ())
    two = Event.objects.get(external_ref="EV-2")
    assert two.contracts.count() == 2
    assert (two.status, two.attended, two.awareness_increased) == (EventStatus.DELIVERED, 14, 13)
    assert Event.objects.get(external_ref="EV-3").status == EventStatus.CANCELLED


def test_importing_the_same_file_again_adds_nothing(contracts, personas):
    content = (HEADER + GOOD).encode()
    events_import(content=content, imported_by=personas.caseworker)
    again = events_import(content=content, imported_by=personas.caseworker)
    assert (again.created, again.skipped) == (0, 3)
    assert Event.objects.count() == 3


def test_a_bad_row_saves_nothing_and_is_named_by_row_and_column(contracts, personas):
    bad = GOOD + (
        "EV-4,leicester-family-2012,school_session,Too much feedback,2025-03-05,10:00,60,"
        "Synthetic Academy,school,young_people,delivered,,10,12,1,1,,\n"
        "EV-5,nowhere-2099,training,Unknown contract,2025-03-05,10:00,60,X,school,public,,,1,,,,,\n"
        "EV-1,leicester-family-2012,training,Repeat,2025-03-05,25:00,60,X,school,public,,,1,,,,,\n"
    )
    result = events_import(content=(HEADER + bad).encode(), imported_by=personas.caseworker)
    assert Event.objects.count() == 0
    found = {(p.row, p.column) for p in result.problems}
    assert (5, "feedback_forms") in found
    assert (6, "contracts") in found
    assert (7, "start_time") in found
    assert (7, "reference") in found


def test_a_file_without_the_required_columns_is_refused(contracts, personas):
    result = events_import(content=b"reference,title\nX,Y\n", imported_by=personas.caseworker)
    assert {p.column for p in result.problems} >= {"contracts", "kind", "date"}


def test_another_providers_staff_cannot_import_into_these_contracts(contracts, personas):
    result = events_import(
        content=(HEADER + GOOD).encode(), imported_by=personas.other_provider_caseworker
    )
    assert result.problems
    assert Event.objects.count() == 0
