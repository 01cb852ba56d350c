"""Workforce writes: who may record, what is refused per field, expiry from the course's
renewal period, and the audit."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from haven.core.models import AuditEvent
from haven.workforce.models import Course
from haven.workforce.services import (
    add_months,
    sickness_record,
    supervision_record,
    training_complete,
    training_session_record,
    vetting_record,
)

pytestmark = pytest.mark.django_db


def test_a_team_leader_records_a_supervision_seed_004_s13(personas, caseworker_record):
    today = timezone.localdate()
    supervision = supervision_record(
        staff=caseworker_record, held_on=today, kind="individual", recorded_by=personas.team_leader
    )
    assert supervision.supervisor == personas.team_leader
    assert AuditEvent.objects.filter(object_id=str(supervision.pk), action="create").exists()


@pytest.mark.parametrize("who", ["caseworker", "teammate", "analyst", "other_provider_caseworker"])
def test_only_managers_of_the_organisation_record(personas, caseworker_record, who):
    with pytest.raises(PermissionDenied):
        supervision_record(
            staff=caseworker_record,
            held_on=timezone.localdate(),
            kind="individual",
            recorded_by=getattr(personas, who),
        )


def test_a_future_supervision_and_an_unknown_kind_are_refused_per_field(
    personas, caseworker_record
):
    with pytest.raises(ValidationError) as refused:
        supervision_record(
            staff=caseworker_record,
            held_on=timezone.localdate() + timedelta(days=1),
            kind="chat",
            recorded_by=personas.team_leader,
        )
    assert set(refused.value.message_dict) == {"held_on", "kind"}
    assert not caseworker_record.supervisions.exists()


def test_vetting_expiring_before_issue_is_refused(personas, caseworker_record):
    with pytest.raises(ValidationError) as refused:
        vetting_record(
            staff=caseworker_record,
            level="dbs_enhanced",
            issued_on=date(2025, 1, 1),
            expires_on=date(2024, 1, 1),
            recorded_by=personas.service_manager,
        )
    assert "expires_on" in refused.value.message_dict


def test_training_expires_after_the_courses_renewal_period(personas, caseworker_record, volunteer):
    course = Course.objects.create(
        organisation=personas.organisation, name="Safeguarding", mandatory_for_staff=True,
        renewal_months=24,
    )  # fmt: skip
    done = training_complete(
        staff=caseworker_record,
        course=course,
        completed_on=date(2024, 2, 29),
        recorded_by=personas.team_leader,
    )
    assert done.expires_on == date(2026, 2, 28)
    session = training_session_record(
        course=course,
        held_on=timezone.localdate(),
        attendees=[caseworker_record, volunteer],
        recorded_by=personas.team_leader,
    )
    assert session.completions.count() == 2


def test_add_months_clamps_to_the_months_end():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)


def test_sickness_last_day_before_first_is_refused(personas, caseworker_record):
    with pytest.raises(ValidationError) as refused:
        sickness_record(
            staff=caseworker_record,
            first_day=date(2026, 3, 5),
            last_day=date(2026, 3, 1),
            reason="stress",
            recorded_by=personas.service_manager,
        )
    assert "last_day" in refused.value.message_dict
