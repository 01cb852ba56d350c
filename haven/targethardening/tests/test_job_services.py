"""The target hardening job's services (seed 002 Lot 2): the visit meets the visit deadline and
sets the service level; items fitted within the level, the item's maximum and the property's
limit; refusals; additional needs fed back only with consent."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, Task, TaskStatus
from haven.core.models import AuditEvent
from haven.targethardening.models import RefusedBy
from haven.targethardening.services import (
    additional_needs_record,
    item_fit,
    job_over_limit_approve,
    job_visit_record,
    refusal_record,
)
from haven.targethardening.tests.conftest import LEVEL_2, SAFE, make_item

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def test_the_visit_meets_the_emergency_visit_task_seed_002_lot_2_s3_1(job, th_case):
    """seed 002 Lot 2 s3.1: "Attend emergency referrals within 4 hours"."""
    task = Task.objects.get(case=th_case, rule_key="emergency_visit")
    assert task.status == TaskStatus.MET
    assert not Task.objects.filter(case=th_case, rule_key="standard_visit", is_outstanding=True)
    assert (job.score, job.service_level) == (12, 3)
    assert job.explanation.startswith("score 12: 3 for front or back door lock")
    assert job.explanation.endswith("level 3 from 10 points")
    assert CaseEvent.objects.filter(case=th_case, kind="target_hardening_visit").exists()
    assert AuditEvent.objects.filter(object_id=str(job.pk), action="create").exists()


def test_a_standard_referral_visit_meets_the_5_working_day_task(open_case, th, personas):
    case = open_case(contract=th, route="victim_first")
    job_visit_record(
        case=case, recorded_by=personas.caseworker, visited_at=timezone.now(), **LEVEL_2
    )
    assert Task.objects.get(case=case, rule_key="standard_visit").status == TaskStatus.MET


def test_the_visit_is_recorded_once_and_not_before_the_referral(th_case, personas):
    with pytest.raises(ValidationError) as early:
        job_visit_record(
            case=th_case,
            recorded_by=personas.caseworker,
            visited_at=timezone.now() - dt.timedelta(days=2),
            **LEVEL_2,
        )
    assert "visited_at" in early.value.message_dict
    job_visit_record(
        case=th_case, recorded_by=personas.caseworker, visited_at=timezone.now(), **LEVEL_2
    )
    with pytest.raises(ValidationError, match="already recorded"):
        job_visit_record(
            case=th_case, recorded_by=personas.caseworker, visited_at=timezone.now(), **LEVEL_2
        )


def test_an_answer_not_in_the_profile_is_refused(th_case, personas):
    with pytest.raises(ValidationError) as refused:
        job_visit_record(
            case=th_case,
            recorded_by=personas.caseworker,
            visited_at=timezone.now(),
            concerns=["moat_missing"],
            vulnerabilities=[],
            override_reason=SAFE,
        )
    assert "concerns" in refused.value.message_dict


def test_items_fitted_keep_the_unit_price_of_the_time(job, items, personas):
    fitted = item_fit(
        job=job, item=items["chain"], quantity=1, fitted_on=TODAY(), recorded_by=personas.caseworker
    )
    items["chain"].unit_price = Decimal("99")
    items["chain"].save()
    fitted.refresh_from_db()
    assert fitted.cost == Decimal("25.00")
    assert CaseEvent.objects.filter(kind="target_hardening_item").count() == 1


def test_level_2_supplies_only_items_the_victim_fits_seed_002_lot_2_s3_1(
    open_case, th, items, personas
):
    case = open_case(contract=th, route="victim_first")
    job = job_visit_record(
        case=case, recorded_by=personas.caseworker, visited_at=timezone.now(), **LEVEL_2
    )
    assert job.service_level == 2
    with pytest.raises(ValidationError) as refused:
        item_fit(
            job=job,
            item=items["lock"],
            quantity=1,
            fitted_on=TODAY(),
            recorded_by=personas.caseworker,
        )
    assert "specialist" in refused.value.message_dict["item"][0]
    item_fit(
        job=job, item=items["alarm"], quantity=2, fitted_on=TODAY(), recorded_by=personas.caseworker
    )


def test_level_1_is_advice_only(open_case, th, items, personas):
    case = open_case(contract=th, route="victim_first")
    job = job_visit_record(
        case=case,
        recorded_by=personas.caseworker,
        visited_at=timezone.now(),
        concerns=["no_door_viewer"],
        vulnerabilities=[],
        override_reason=SAFE,
    )
    assert job.service_level == 1
    with pytest.raises(ValidationError, match="advice only"):
        item_fit(
            job=job,
            item=items["alarm"],
            quantity=1,
            fitted_on=TODAY(),
            recorded_by=personas.caseworker,
        )


def test_an_item_not_police_approved_is_refused_seed_002_lot_2_s3_1(job, items, personas):
    with pytest.raises(ValidationError, match="not police approved"):
        item_fit(
            job=job,
            item=items["cheap"],
            quantity=1,
            fitted_on=TODAY(),
            recorded_by=personas.caseworker,
        )


def test_more_than_the_items_maximum_per_property_is_refused(job, items, personas):
    item_fit(
        job=job, item=items["chain"], quantity=2, fitted_on=TODAY(), recorded_by=personas.caseworker
    )
    with pytest.raises(ValidationError) as refused:
        item_fit(
            job=job,
            item=items["chain"],
            quantity=1,
            fitted_on=TODAY(),
            recorded_by=personas.caseworker,
        )
    assert "At most 2" in refused.value.message_dict["quantity"][0]


def test_over_the_property_limit_needs_a_managers_approval(job, personas):
    """seed 002 Lot 2 s3.1: "provide and fit items up to an agreed price" (Haven: £400)."""
    door = make_item(personas.organisation, "Door lock set", "250.00")
    item_fit(job=job, item=door, quantity=1, fitted_on=TODAY(), recorded_by=personas.caseworker)
    with pytest.raises(ValidationError) as refused:
        item_fit(job=job, item=door, quantity=1, fitted_on=TODAY(), recorded_by=personas.caseworker)
    assert "over the £400.00 limit" in refused.value.message_dict["quantity"][0]
    with pytest.raises(PermissionDenied):
        job_over_limit_approve(job=job, approved_by=personas.caseworker, reason="Synthetic")
    job_over_limit_approve(job=job, approved_by=personas.team_leader, reason="Synthetic: two doors")
    job.refresh_from_db()
    fitted = item_fit(
        job=job, item=door, quantity=1, fitted_on=TODAY(), recorded_by=personas.caseworker
    )
    assert fitted.cost == Decimal("250.00")


def test_a_fitting_date_before_the_visit_or_in_the_future_is_refused(job, items, personas):
    for day in (TODAY() - dt.timedelta(days=3), TODAY() + dt.timedelta(days=1)):
        with pytest.raises(ValidationError) as refused:
            item_fit(
                job=job,
                item=items["chain"],
                quantity=1,
                fitted_on=day,
                recorded_by=personas.caseworker,
            )
        assert "fitted_on" in refused.value.message_dict


def test_landlord_repairs_are_recorded_as_refused_seed_002_lot_2_s3_1(job, personas):
    """seed 002 Lot 2 s3.1: "if a door is smashed down as part of a crime then the target
    hardening service should not be replacing this"."""
    refusal = refusal_record(
        job=job,
        recorded_by=personas.caseworker,
        refused_by=RefusedBy.LANDLORD_OR_OWNER,
        reason="Synthetic: housing association to replace",
        work="Replace the broken front door",
    )
    assert refusal.what == "Replace the broken front door"
    with pytest.raises(ValidationError) as refused:
        refusal_record(job=job, recorded_by=personas.caseworker, refused_by="victim", reason="x")
    assert "item" in refused.value.message_dict


def test_additional_needs_are_fed_back_only_with_consent_seed_002_lot_2_s6(job, personas):
    """seed 002 Lot 2 s6: additional needs "are fed back to the referrer (with the consent of
    the Victim)"."""
    with pytest.raises(ValidationError) as refused:
        additional_needs_record(
            job=job,
            recorded_by=personas.caseworker,
            needs="Synthetic: debt advice",
            consent_to_share=False,
            feed_back=True,
        )
    assert "consented" in refused.value.message_dict["feed_back"][0]
    job = additional_needs_record(
        job=job,
        recorded_by=personas.caseworker,
        needs="Synthetic: debt advice",
        consent_to_share=True,
        feed_back=True,
    )
    assert job.needs_fed_back_at is not None


def test_the_safe_contact_check_applies_to_the_visit(th_case, personas):
    """A visit where the person causing harm may live needs the reason it was safe."""
    with pytest.raises(ValidationError) as refused:
        job_visit_record(
            case=th_case,
            recorded_by=personas.caseworker,
            visited_at=timezone.now(),
            concerns=[],
            vulnerabilities=[],
        )
    assert "Safe-contact warning" in refused.value.message_dict["override_reason"][0]
