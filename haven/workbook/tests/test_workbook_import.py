"""Importing a police export: eligible incidents become accepted referrals (seed 000 s5)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from haven.casework.models import Case
from haven.core.models import AuditEvent
from haven.people.models import Person
from haven.referrals.models import Decision, Referral
from haven.workbook.engine.tests.exports import incident
from haven.workbook.models import IdentityReview, PoliceNominal, RunStatus, WorkbookRun
from haven.workbook.services import workbook_source

from .conftest import series

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
# A made-up victim name that no Faker provider produces, so a generated staff user's name
# (stored on the run as `started_by`) cannot collide with it.
VICTIM_NAME = {"victim_forename": "Zindelle", "victim_surname": "Quarrowmere"}


def test_eligible_incidents_become_accepted_referrals_with_open_cases(import_rows, dv360):
    # seed 000 s5: the 3rd and 4th incidents have 2 and 3 prior incidents in 365 days
    run = import_rows(series(4))
    assert run.status == RunStatus.SUCCEEDED
    referrals = Referral.objects.order_by("incident_at")
    assert [r.external_id for r in referrals] == ["IN1-3", "IN1-4"]
    assert {r.source for r in referrals} == {workbook_source(dv360)}
    assert {r.route for r in referrals} == {"police_workbook"}
    assert {r.decision for r in referrals} == {Decision.ACCEPTED}
    assert Case.objects.filter(referral__in=referrals).count() == 2
    assert Person.objects.count() == 1  # the same victim, one person
    assert (run.eligible, run.referrals_created, run.sent_to_review) == (2, 2, 0)


def test_first_contact_task_is_due_24_hours_after_the_incident_across_the_clock_change(
    import_rows,
):
    # seed 000 s5: phone within 24 h of the incident; contracts.md: Sat 24 Oct 2026 23:00 BST
    # incident -> due Sun 25 Oct 2026 22:00 GMT
    rows = [
        incident("A", "2026-10-20 10:00"),
        incident("B", "2026-10-22 10:00"),
        incident("C", "2026-10-24 23:00"),
    ]
    import_rows(rows)
    case = Case.objects.get(referral__external_id="C")
    (task,) = case.tasks.all()
    assert task.rule_key == "first_contact_phone"
    assert task.citation == "seed 000 s5"
    assert task.due_at == dt.datetime(2026, 10, 25, 22, 0, tzinfo=LONDON)
    assert case.referral.incident_at == dt.datetime(2026, 10, 24, 23, 0, tzinfo=LONDON)


def test_reimporting_the_same_export_creates_nothing_twice(import_rows):
    # seed 000 s5 referrals keyed by source and incident id
    import_rows(series(4))
    again = import_rows(series(4))
    assert (again.referrals_created, again.already_imported) == (0, 2)
    assert Referral.objects.count() == 2
    assert Case.objects.count() == 2
    assert Person.objects.count() == 1


def test_an_overlapping_export_imports_only_the_new_incidents(import_rows):
    # seed 000 s5: the next day's export repeats yesterday's incidents and adds one
    import_rows(series(3))
    later = import_rows(series(5))
    assert (later.referrals_created, later.already_imported) == (2, 1)
    assert sorted(Referral.objects.values_list("external_id", flat=True)) == [
        "IN1-3",
        "IN1-4",
        "IN1-5",
    ]
    assert Person.objects.count() == 1


def test_excluded_and_ineligible_incidents_create_no_referral(import_rows):
    # seed 000 s5 with the profile's exclusion of police high-risk incidents (seed 000 s2)
    rows = [*series(2), incident("IN1-3", "2026-03-03 10:00", risk_grade="high")]
    run = import_rows(rows)
    assert Referral.objects.count() == 0
    assert (run.eligible, run.excluded, run.rows_read) == (0, 1, 3)


def test_a_known_police_nominal_id_links_to_the_existing_person(import_rows, personas):
    import_rows(series(3, victim="N7"))
    person = Person.objects.get()
    assert PoliceNominal.objects.get(nominal_id="n7").person == person
    # later the police export spells the name differently; the nominal id decides
    import_rows(series(4, victim="n7", victim_forename="Alexandra"))
    assert Person.objects.count() == 1
    assert set(Referral.objects.values_list("person", flat=True)) == {person.pk}


def test_a_possible_match_goes_to_review_and_is_never_linked_automatically(import_rows, personas):
    from haven.people.services import person_create

    existing = person_create(
        created_by=personas.caseworker,
        details={
            "given_name": "Alex",
            "family_name": "Example",
            "date_of_birth": dt.date(1990, 5, 17),
        },
    )
    run = import_rows(series(3))
    assert (run.referrals_created, run.sent_to_review) == (0, 1)
    review = IdentityReview.objects.get()
    assert list(review.candidates.all()) == [existing]
    assert review.candidate_reasons[str(existing.pk)] == ["same date of birth", "similar name"]
    assert Referral.objects.count() == 0
    assert not PoliceNominal.objects.exists()
    assert Person.objects.count() == 1
    # importing again does not queue it twice
    assert import_rows(series(3)).already_imported == 1


def test_the_run_records_counts_hash_and_issues_but_not_the_content(import_rows, personas):
    rows = [
        *series(3, **VICTIM_NAME),
        series(3, **VICTIM_NAME)[0],
        incident("BAD", "2026-02-30 10:00", **VICTIM_NAME),
    ]
    run = import_rows(rows)
    run.refresh_from_db()
    assert run.started_by == personas.caseworker
    assert run.file_name == "export-0.csv"
    assert len(run.file_sha256) == 64
    assert (run.rows_read, run.duplicates, run.invalid, run.eligible) == (5, 1, 1, 1)
    assert {
        "row": 6,
        "field": "reported_at",
        "severity": "invalid",
        "reason": "cannot read '2026-02-30 10:00' as a date and time",
    } in run.issues
    stored = str([getattr(run, f.name) for f in WorkbookRun._meta.fields])
    assert "Zindelle" not in stored
    assert "Quarrowmere" not in stored


def test_the_import_is_audited(import_rows, personas):
    run = import_rows(series(3))
    event = AuditEvent.objects.get(action="import", object_id=str(run.pk))
    assert event.actor == personas.caseworker
    assert event.changes["referrals_created"] == 1
    assert "Example" not in str(event.changes)


def test_a_run_that_cannot_read_the_file_records_its_error_and_imports_nothing(import_rows):
    run = import_rows([{"incident_id": "A"}], columns=["incident_id"])
    assert run.status == RunStatus.FAILED
    assert "missing required column" in run.error
    assert Referral.objects.count() == 0


def test_a_failure_part_way_through_imports_nothing(import_rows, monkeypatch):
    import haven.workbook.bulk as bulk

    def fail(events):
        # people, referrals, cases and tasks are written by now; the audit events are last
        assert Referral.objects.exists()
        raise RuntimeError("disk full, say 'Alex Example'")

    monkeypatch.setattr(bulk, "audit_events_append", fail)
    other = series(3, victim="N2", day=10, victim_forename="Sam", victim_dob="1985-01-02")
    run = import_rows([*series(3), *other])
    assert run.status == RunStatus.FAILED
    assert run.error == "The run failed (RuntimeError); nothing was imported"
    assert Referral.objects.count() == 0
    assert Person.objects.count() == 0
    assert Case.objects.count() == 0
    assert PoliceNominal.objects.count() == 0
    assert WorkbookRun.objects.get().referrals_created == 0


def test_an_incident_id_too_long_to_keep_is_an_invalid_row(import_rows):
    long_id = "I" * 101
    rows = [*series(2), incident(long_id, "2026-03-03 10:00")]
    run = import_rows(rows)
    assert run.status == RunStatus.SUCCEEDED
    assert (run.invalid, run.eligible, run.referrals_created) == (1, 0, 0)
    assert {
        "row": 4,
        "field": "incident_id",
        "severity": "invalid",
        "reason": "longer than 100 characters",
    } in run.issues


def test_a_nominal_id_too_long_to_keep_is_an_invalid_row(import_rows):
    rows = [*series(2), incident("IN1-3", "2026-03-03 10:00", victim="N" * 101)]
    run = import_rows(rows)
    assert run.status == RunStatus.SUCCEEDED
    assert (run.invalid, run.referrals_created) == (1, 0)
    assert {
        "row": 4,
        "field": "victim_nominal_id",
        "severity": "invalid",
        "reason": "longer than 100 characters",
    } in run.issues
