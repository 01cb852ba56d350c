"""Restorative justice services (seed 002 Lot 1 s3.10; reference.md §6): victim-initiated,
the offender's admission, exceptional circumstances for the listed offences, the stages."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent
from haven.core.models import AuditEvent
from haven.restorative.models import RestorativeProcess
from haven.restorative.services import rj_referral_create, rj_step_record
from haven.restorative.tests.conftest import referral_kwargs

pytestmark = pytest.mark.django_db


def _refer(case, personas, **changes):
    return rj_referral_create(
        case=case, referred_by=personas.caseworker, **referral_kwargs(personas, **changes)
    )


def test_seed_002_s3_10_a_referral_not_asked_for_by_the_victim_is_refused(vf_case, personas):
    with pytest.raises(ValidationError) as refused:
        _refer(vf_case, personas, victim_requested=False)
    assert "victim_requested" in refused.value.message_dict
    assert not RestorativeProcess.objects.exists()


def test_seed_002_s3_10_the_offender_must_have_admitted_guilt(vf_case, personas):
    with pytest.raises(ValidationError) as refused:
        _refer(vf_case, personas, offender_admitted=False)
    assert "offender_admitted" in refused.value.message_dict


@pytest.mark.parametrize(
    "offence",
    [
        "sexual_violence",
        "domestic_violence",
        "human_trafficking",
        "stalking",
        "child_sexual_exploitation",
        "death",
    ],
)
def test_seed_002_s3_10_listed_offences_need_the_justification_and_an_experienced_facilitator(
    vf_case, personas, offence
):
    with pytest.raises(ValidationError) as refused:
        _refer(vf_case, personas, sensitive_offence=offence)
    assert set(refused.value.message_dict) == {
        "exceptional_justification",
        "facilitator_experienced",
    }
    process = _refer(
        vf_case,
        personas,
        sensitive_offence=offence,
        exceptional_justification="Victim's clear wish; risk assessed as low; offender in custody",
        facilitator_experienced=True,
    )
    assert process.is_exceptional


def test_a_referral_is_audited_and_on_the_timeline(process, personas):
    assert AuditEvent.objects.filter(object_id=str(process.pk), action="create").exists()
    event = CaseEvent.objects.get(kind="restorative_referral")
    assert "victim's request" in event.summary


def test_the_facilitator_is_one_of_the_providers_staff(vf_case, personas):
    with pytest.raises(ValidationError) as refused:
        _refer(vf_case, personas, facilitator=personas.other_provider_caseworker)
    assert "facilitator" in refused.value.message_dict


def test_the_victims_request_date_is_not_in_the_future(vf_case, personas):
    with pytest.raises(ValidationError) as refused:
        _refer(vf_case, personas, requested_on=timezone.localdate() + dt.timedelta(days=1))
    assert "requested_on" in refused.value.message_dict


def test_someone_outside_the_case_may_not_refer(vf_case, personas):
    with pytest.raises(PermissionDenied):
        rj_referral_create(case=vf_case, referred_by=personas.outsider, **referral_kwargs(personas))


def test_a_process_goes_from_referral_to_close_with_outcome_and_victims_view(process, personas):
    step = {"process": process, "recorded_by": personas.caseworker}
    rj_step_record(**step, to="suitable", note="Risk assessed: safe and suitable")
    rj_step_record(**step, to="preparation")
    rj_step_record(**step, to="held", held_on=timezone.localdate())
    rj_step_record(**step, to="follow_up")
    closed = rj_step_record(
        **step, to="closed", outcome="agreement", victim_view="satisfied", note="Letter sent"
    )
    assert (closed.stage, closed.outcome, closed.victim_view) == (
        "closed",
        "agreement",
        "satisfied",
    )
    assert closed.ended_at is not None
    assert closed.assessed_at is not None
    assert CaseEvent.objects.filter(kind="restorative_step").count() == 5


def test_a_step_out_of_order_is_refused(process, personas):
    with pytest.raises(ValidationError) as refused:
        rj_step_record(process=process, recorded_by=personas.caseworker, to="held")
    assert "to" in refused.value.message_dict


def test_suitability_needs_the_risk_assessment_and_unsuitable_its_reason(process, personas):
    for to in ("suitable", "unsuitable", "withdrawn"):
        with pytest.raises(ValidationError) as refused:
            rj_step_record(process=process, recorded_by=personas.caseworker, to=to)
        assert "note" in refused.value.message_dict
    ended = rj_step_record(
        process=process, recorded_by=personas.caseworker, to="unsuitable", note="Risk too high"
    )
    assert (ended.stage, ended.end_reason) == ("unsuitable", "Risk too high")
    with pytest.raises(ValidationError):
        rj_step_record(process=process, recorded_by=personas.caseworker, to="withdrawn", note="x")


def test_closing_needs_the_outcome_and_the_victims_view(process, personas):
    step = {"process": process, "recorded_by": personas.caseworker}
    rj_step_record(**step, to="suitable", note="ok")
    rj_step_record(**step, to="preparation")
    with pytest.raises(ValidationError) as refused:
        rj_step_record(**step, to="held")
    assert "held_on" in refused.value.message_dict
    rj_step_record(**step, to="held", held_on=timezone.localdate())
    with pytest.raises(ValidationError) as refused:
        rj_step_record(**step, to="closed")
    assert {"outcome", "victim_view"} <= set(refused.value.message_dict)
