"""`incident_record`: a new incident on the case and its timeline; within 12 months of the
person's last MARAC referral it is a repeat MARAC with a referral task (reference.md s1.4)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, Task
from haven.core.models import AuditEvent
from haven.marac.models import Incident
from haven.marac.services import incident_record

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def record(case, personas, **overrides):
    fields = {
        "case": case,
        "recorded_by": personas.caseworker,
        "occurred_on": TODAY() - dt.timedelta(days=1),
        "summary": "Unwanted texts at night.",
    } | overrides
    return incident_record(**fields)


def test_it_records_the_incident_on_the_timeline_without_what_happened(personas, supported_case):
    incident = record(supported_case, personas, police_reference=" PR/1 ")
    assert (incident.police_reference, incident.repeat_marac) == ("PR/1", False)
    event = CaseEvent.objects.get(case=supported_case, kind="incident_recorded")
    assert event.summary == "New incident recorded"
    assert "texts" not in str(AuditEvent.objects.get(object_id=str(incident.pk)).changes)
    assert not Task.objects.filter(case=supported_case, action="marac_referral").exists()


def test_reference_s1_4_an_incident_within_12_months_of_the_last_referral_is_a_repeat(
    personas, supported_case, refer
):
    referral = refer(supported_case, referred_on=TODAY() - dt.timedelta(days=300))
    incident = record(supported_case, personas)
    assert incident.repeat_marac is True
    assert incident.last_referral == referral
    task = Task.objects.get(case=supported_case, action="marac_referral")
    assert "repeat marac" in task.explanation
    event = CaseEvent.objects.get(case=supported_case, kind="incident_recorded")
    assert event.summary == "New incident recorded: a repeat MARAC"


def test_reference_s1_4_the_last_referral_of_the_person_on_another_case_counts(
    personas, supported_case, refer
):
    from haven.testing.casework import CaseFactory

    earlier = CaseFactory(
        contract=personas.contract,
        person=supported_case.person,
        team=personas.team,
        allocated_to=personas.caseworker,
    )
    refer(earlier, referred_on=TODAY() - dt.timedelta(days=30))
    assert record(supported_case, personas).repeat_marac is True


def test_reference_s1_4_more_than_12_months_after_is_a_new_referral_not_a_repeat(
    personas, supported_case, refer
):
    refer(supported_case, referred_on=TODAY() - dt.timedelta(days=400))
    assert record(supported_case, personas).repeat_marac is False
    assert not Task.objects.filter(case=supported_case, action="marac_referral").exists()


def test_reference_s1_4_the_areas_number_of_incidents_in_12_months_is_potential_escalation(
    personas, supported_case
):
    # the personas' contract has no risk section: the default is 3 incidents in 12 months
    for days in (200, 100):
        record(supported_case, personas, occurred_on=TODAY() - dt.timedelta(days=days))
    assert not Task.objects.filter(case=supported_case, action="marac_referral").exists()
    record(supported_case, personas)
    task = Task.objects.get(case=supported_case, action="marac_referral")
    assert "potential escalation" in task.explanation


def test_bad_input_is_refused_on_its_field_and_nothing_is_saved(personas, supported_case):
    with pytest.raises(ValidationError) as refused:
        record(
            supported_case,
            personas,
            occurred_on=TODAY() + dt.timedelta(days=1),
            summary="   ",
            police_reference="x" * 51,
        )
    assert set(refused.value.message_dict) == {"occurred_on", "summary", "police_reference"}
    assert not Incident.objects.exists()
    assert not CaseEvent.objects.filter(kind="incident_recorded").exists()


def test_a_closed_case_takes_no_incident(personas, supported_case):
    supported_case.state = "closed"
    supported_case.save()
    with pytest.raises(ValidationError):
        record(supported_case, personas)


def test_seed_004_s4_2_a_new_incident_sets_a_risk_reassessment_where_the_profile_asks(
    personas, open_case, contract_for
):
    # seed 004 s4.2: Cornwall reassesses risk after any incident (risk.reassessments)
    cornwall = open_case(contract_for("cornwall-mens-refuge-2021"))
    record(cornwall, personas)
    task = Task.objects.get(case=cornwall, label="Risk reassessment after a new incident")
    assert task.action == "risk_assessment"
    # a profile without reassessments after a change of risk sets none
    record(open_case(contract_for("wokingham-da-2017")), personas)
    assert Task.objects.filter(label__startswith="Risk reassessment after").count() == 1
