"""The needs assessment page (seed 002 s3.9): one radios group per profile area with notes,
errors on each field, the open needs-assessment deadline met, the latest levels on the case
page, and the exit reassessment page scoring the same areas."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import NeedsAssessment, NeedsAssessmentArea, NeedsLevel, TaskStatus
from haven.casework.services import needs_areas
from haven.casework.tests.exit_fixtures import opened_days_ago
from haven.testing.casework import TaskFactory

pytestmark = pytest.mark.django_db


def url(case, name="needs_assessment"):
    return reverse(f"casework:{name}", args=[case.pk])


def when_fields(at=None):
    at = timezone.localtime(at or timezone.now() - dt.timedelta(minutes=5))
    return {
        "assessed_at-day": at.day,
        "assessed_at-month": at.month,
        "assessed_at-year": at.year,
        "assessed_at-hour": at.hour,
        "assessed_at-minute": at.minute,
    }


def levels(case, level=NeedsLevel.MEDIUM, **overrides):
    fields = {f"level_{area.key}": str(int(level)) for area in needs_areas(case)}
    return fields | {f"level_{key}": str(value) for key, value in overrides.items()}


def assessment(case, **overrides):
    return when_fields() | {"stage": "initial", "summary": ""} | levels(case) | overrides


def test_the_page_has_a_radios_group_per_area_of_seed_002_s39(client, victim_first_case, personas):
    client.force_login(personas.caseworker)
    body = client.get(url(victim_first_case)).content.decode()
    for area in needs_areas(victim_first_case):
        assert f'name="level_{area.key}"' in body
        assert f'name="notes_{area.key}"' in body
    assert "No need now" in body
    assert url(victim_first_case) in client.get(url(victim_first_case, "detail")).content.decode()


def test_a_caseworker_records_it_meets_the_deadline_and_sees_the_levels_on_the_case(
    client, victim_first_case, personas
):
    task = TaskFactory(
        case=victim_first_case,
        action="needs_assessment",
        rule_key="needs_assessment",
        label="Needs assessment",
        due_at=timezone.now() + dt.timedelta(days=1),
    )
    client.force_login(personas.caseworker)
    data = assessment(victim_first_case, notes_accommodation="Sofa-surfing") | levels(
        victim_first_case, accommodation=3
    )
    response = client.post(url(victim_first_case), data)
    assert response.status_code == 302
    row = NeedsAssessment.objects.get(case=victim_first_case)
    assert row.task == task
    assert NeedsAssessmentArea.objects.get(assessment=row, area="accommodation").level == 3
    task.refresh_from_db()
    assert task.status == TaskStatus.MET
    body = client.get(url(victim_first_case, "detail")).content.decode()
    assert "Latest needs assessment" in body
    assert "Sofa-surfing" in body


def test_a_missing_level_is_an_error_on_its_field_and_keeps_what_was_typed(
    client, victim_first_case, personas
):
    client.force_login(personas.caseworker)
    data = assessment(victim_first_case, notes_family="Synthetic note")
    del data["level_family"]
    response = client.post(url(victim_first_case), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Select the level of need for family" in body
    assert "Synthetic note" in body
    assert not NeedsAssessment.objects.exists()


def test_an_outsider_gets_404(client, victim_first_case, personas):
    client.force_login(personas.outsider)
    assert client.get(url(victim_first_case)).status_code == 404
    assert client.post(url(victim_first_case), assessment(victim_first_case)).status_code == 404
    assert not NeedsAssessment.objects.exists()


def test_the_exit_reassessment_scores_the_areas_too(client, victim_first_case, personas):
    client.force_login(personas.caseworker)
    body = client.get(url(victim_first_case, "needs_reassessment")).content.decode()
    assert 'name="level_personal_safety"' in body
    data = when_fields() | {"summary": "Synthetic: settled"} | levels(victim_first_case, level=0)
    response = client.post(url(victim_first_case, "needs_reassessment"), data)
    assert response.status_code == 302
    row = NeedsAssessment.objects.get(case=victim_first_case, stage="exit")
    assert row.areas.count() == len(needs_areas(victim_first_case))


def test_without_areas_the_exit_reassessment_is_a_summary_only(
    client, open_case, contract_for, personas
):
    # Wokingham's profile scores no areas (Cornwall's does since issue 11: seed 004 s7.5)
    refuge_case = opened_days_ago(open_case(contract_for("wokingham-da-2017")))
    client.force_login(personas.caseworker)
    body = client.get(url(refuge_case, "needs_reassessment")).content.decode()
    assert "level_" not in body
    data = when_fields() | {"summary": "Synthetic: settled"}
    assert client.post(url(refuge_case, "needs_reassessment"), data).status_code == 302
    assert not NeedsAssessment.objects.get(case=refuge_case).areas.exists()


def test_the_stage_defaults_to_initial(client, victim_first_case, personas):
    client.force_login(personas.caseworker)
    body = client.get(url(victim_first_case)).content.decode()
    assert 'value="initial" checked' in body
