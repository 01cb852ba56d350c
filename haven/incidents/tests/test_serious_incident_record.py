"""`serious_incident_record`, `serious_incident_notify`, `serious_incident_review` (seed 004 s9:
"reporting of incidents, including domestic homicides and near misses, serious case reviews,
safeguarding adult reviews, drug related deaths and serious and untoward incidents to the
commissioner within 3 days of the incident"; "investigation, reporting of findings, learning to
be gained (if any), and an action plan to implement that learning")."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import TaskStatus
from haven.core.models import AuditEvent
from haven.incidents.models import SeriousIncident
from haven.incidents.services import (
    serious_incident_notify,
    serious_incident_record,
    serious_incident_review,
)

pytestmark = pytest.mark.django_db


def _record(contract, personas, **overrides):
    fields = {
        "contract": contract,
        "recorded_by": personas.team_leader,
        "kind": "domestic_homicide",
        "occurred_at": timezone.now() - dt.timedelta(hours=2),
        "summary": "Synthetic: reported by the police",
    } | overrides
    return serious_incident_record(**fields)


def _due_day(incident):
    """3 calendar days: the due time is the end of the third day after (the profile's note)."""
    due = timezone.localtime(incident.notification_due_at)
    assert (due.hour, due.minute) == (23, 59)
    return due.date()


def test_seed_004_s9_the_report_is_due_3_days_after_the_incident_not_the_referral(
    cornwall_case, personas
):
    occurred = timezone.now() - dt.timedelta(days=1)
    incident = _record(cornwall_case.contract, personas, case=cornwall_case, occurred_at=occurred)
    assert _due_day(incident) == timezone.localdate(occurred) + dt.timedelta(days=3)
    assert incident.notification_rule == "serious_incident_report"
    task = incident.task
    assert task.rule_key == "serious_incident_report"
    assert task.due_at == incident.notification_due_at
    assert task.status == TaskStatus.OPEN
    kinds = set(cornwall_case.events.values_list("kind", flat=True))
    assert CaseEventKind.SERIOUS_INCIDENT in kinds


def test_seed_004_s9_a_service_level_incident_carries_its_own_due_time(cornwall, personas):
    occurred = timezone.now() - dt.timedelta(hours=1)
    incident = _record(cornwall, personas, kind="drug_related_death", occurred_at=occurred)
    assert incident.case is None
    assert incident.task is None
    assert _due_day(incident) == timezone.localdate(occurred) + dt.timedelta(days=3)


def test_a_contract_without_the_duty_sets_no_deadline(personas, team_case):
    incident = _record(personas.contract, personas, case=team_case)
    assert incident.notification_due_at is None
    assert incident.task is None


def test_a_second_incident_on_a_case_gets_its_own_task(cornwall_case, personas):
    first = _record(cornwall_case.contract, personas, case=cornwall_case)
    second = _record(cornwall_case.contract, personas, case=cornwall_case, kind="near_miss")
    assert first.task.rule_key == "serious_incident_report"
    assert second.task.rule_key == "serious_incident_report_2"


def test_opening_a_cornwall_case_still_sets_no_serious_incident_task(cornwall_case):
    assert not cornwall_case.tasks.filter(rule_key__startswith="serious_incident").exists()


def test_bad_input_is_refused_on_its_field_and_nothing_is_saved(cornwall, personas):
    with pytest.raises(ValidationError) as refused:
        _record(
            cornwall,
            personas,
            kind="burglary",
            occurred_at=timezone.now() + dt.timedelta(days=1),
            summary="   ",
        )
    assert set(refused.value.message_dict) == {"kind", "occurred_at", "summary"}
    assert not SeriousIncident.objects.exists()


def test_reporting_in_time_meets_the_task_and_is_audited(incident, personas):
    at = timezone.now().replace(second=0, microsecond=0)
    serious_incident_notify(
        incident=incident, notified_by=personas.team_leader, notified_at=at, notified_to="Council"
    )
    incident.refresh_from_db()
    incident.task.refresh_from_db()
    assert incident.notified_at == at
    assert incident.notified_to == "Council"
    assert incident.task.status == TaskStatus.MET
    assert not incident.notified_late
    assert AuditEvent.objects.filter(object_id=str(incident.pk), action="update").exists()
    kinds = set(incident.case.events.values_list("kind", flat=True))
    assert CaseEventKind.SERIOUS_INCIDENT_NOTIFIED in kinds


def test_reporting_after_3_days_is_late(cornwall_case, personas):
    occurred = timezone.now() - dt.timedelta(days=5)
    incident = _record(cornwall_case.contract, personas, case=cornwall_case, occurred_at=occurred)
    serious_incident_notify(
        incident=incident,
        notified_by=personas.team_leader,
        notified_at=occurred + dt.timedelta(days=4),
        notified_to="Council",
    )
    incident.refresh_from_db()
    incident.task.refresh_from_db()
    assert incident.notified_late
    assert incident.task.status == TaskStatus.BREACHED


def test_a_report_is_recorded_once_and_not_before_the_incident(incident, personas):
    with pytest.raises(ValidationError) as refused:
        serious_incident_notify(
            incident=incident,
            notified_by=personas.team_leader,
            notified_at=incident.occurred_at - dt.timedelta(days=1),
            notified_to="",
        )
    assert set(refused.value.message_dict) == {"notified_at", "notified_to"}
    serious_incident_notify(
        incident=incident,
        notified_by=personas.team_leader,
        notified_at=timezone.now(),
        notified_to="Council",
    )
    with pytest.raises(ValidationError):
        serious_incident_notify(
            incident=incident,
            notified_by=personas.team_leader,
            notified_at=timezone.now(),
            notified_to="Council",
        )


def test_seed_004_s9_a_completed_review_records_findings_learning_and_its_date(incident, personas):
    with pytest.raises(ValidationError) as refused:
        serious_incident_review(
            incident=incident,
            reviewed_by=personas.service_manager,
            review_status="completed",
            findings="",
            learning="",
            action_plan="",
            review_completed_on=None,
        )
    assert set(refused.value.message_dict) == {"review_completed_on"}
    serious_incident_review(
        incident=incident,
        reviewed_by=personas.service_manager,
        review_status="completed",
        findings="Synthetic findings",
        learning="Synthetic learning",
        action_plan="Synthetic plan",
        review_completed_on=timezone.localdate(),
    )
    incident.refresh_from_db()
    assert incident.review_status == "completed"
    assert incident.learning == "Synthetic learning"
