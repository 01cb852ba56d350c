"""Keeping staff records (services.py): a worker's leaving with its reason (seed 004 s10:
turnover), the link to a Haven login, and the training catalogue."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from haven.core.models import AuditAction, AuditEvent
from haven.workforce.services import (
    LEAVING_NOTICE_DAYS,
    course_create,
    staff_member_leave,
    staff_member_link_user,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _problems(refused):
    return set(refused.value.message_dict)


def test_seed_004_s10_leaving_keeps_the_day_and_reason_and_is_audited(personas, volunteer):
    staff_member_leave(
        staff=volunteer, left_on=TODAY(), reason="resignation", recorded_by=personas.team_leader
    )
    volunteer.refresh_from_db()
    assert (volunteer.left_on, volunteer.leaving_reason) == (TODAY(), "resignation")
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_id=str(volunteer.pk))
    assert event.changes["leaving_reason"] == ["", "resignation"]


def test_a_leaving_day_before_the_start_or_far_ahead_is_refused(personas, volunteer):
    for day in (
        volunteer.started_on - timedelta(days=1),
        TODAY() + timedelta(days=LEAVING_NOTICE_DAYS + 1),
    ):
        with pytest.raises(ValidationError) as refused:
            staff_member_leave(staff=volunteer, left_on=day, recorded_by=personas.team_leader)
        assert _problems(refused) == {"left_on"}
    with pytest.raises(ValidationError) as refused:
        staff_member_leave(
            staff=volunteer, left_on=TODAY(), reason="bored", recorded_by=personas.team_leader
        )
    assert _problems(refused) == {"reason"}
    # notice given: a day ahead within the notice period is kept
    ahead = TODAY() + timedelta(days=30)
    staff_member_leave(staff=volunteer, left_on=ahead, recorded_by=personas.team_leader)
    assert volunteer.left_on == ahead


def test_a_teammate_cannot_record_a_leaving(personas, volunteer):
    with pytest.raises(PermissionDenied):
        staff_member_leave(staff=volunteer, left_on=TODAY(), recorded_by=personas.teammate)


def test_a_record_is_linked_to_an_active_login_of_its_organisation_and_unlinked(
    personas, volunteer
):
    staff_member_link_user(
        staff=volunteer, user=personas.teammate, recorded_by=personas.team_leader
    )
    assert volunteer.user == personas.teammate
    staff_member_link_user(staff=volunteer, user=None, recorded_by=personas.team_leader)
    assert volunteer.user is None
    changes = [
        e.changes
        for e in AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(volunteer.pk))
    ]
    assert {"user": [None, str(personas.teammate.pk)]} in changes
    assert {"user": [str(personas.teammate.pk), None]} in changes


def test_a_login_of_another_organisation_inactive_or_already_linked_is_refused(
    personas, volunteer, caseworker_record
):
    personas.outsider.is_active = False
    personas.outsider.save()
    for user in (
        personas.other_provider_caseworker,
        personas.outsider,
        personas.caseworker,  # linked to caseworker_record
    ):
        with pytest.raises(ValidationError) as refused:
            staff_member_link_user(staff=volunteer, user=user, recorded_by=personas.team_leader)
        assert _problems(refused) == {"user"}
    with pytest.raises(PermissionDenied):
        staff_member_link_user(
            staff=volunteer, user=personas.teammate, recorded_by=personas.teammate
        )


def test_seed_004_s10_a_course_is_added_with_its_renewal_and_refused_per_field(personas):
    course = course_create(
        organisation=personas.organisation,
        name="Safeguarding adults",
        mandatory_for_staff=True,
        mandatory_for_volunteers=False,
        renewal_months=36,
        created_by=personas.team_leader,
    )
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(course.pk)).exists()
    with pytest.raises(ValidationError) as refused:
        course_create(
            organisation=personas.organisation,
            name="safeguarding ADULTS",
            mandatory_for_staff=True,
            mandatory_for_volunteers=False,
            renewal_months=0,
            created_by=personas.team_leader,
        )
    assert _problems(refused) == {"name", "renewal_months"}
    with pytest.raises(PermissionDenied):
        course_create(
            organisation=personas.organisation,
            name="First aid",
            mandatory_for_staff=False,
            mandatory_for_volunteers=False,
            renewal_months=None,
            created_by=personas.caseworker,
        )
