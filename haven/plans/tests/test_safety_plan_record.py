"""`safety_plan_record` and `safety_plan_change`: Haven's own safety plan for the survivor or a
child, apart from the support plan; audited by which sections changed, never their words."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState
from haven.core.models import AuditEvent
from haven.plans.models import SafetyPlan
from haven.plans.safety import safety_plan_change, safety_plan_record
from haven.plans.tests.conftest import a_moment_ago
from haven.testing.people import PersonFactory

pytestmark = pytest.mark.django_db


def record(case, personas, person=None, **fields):
    values = {
        "case": case,
        "person": person or case.person,
        "recorded_by": personas.caseworker,
        "completed_at": a_moment_ago(),
        "sections": {"safe_contacts": "Sister, on the safe number", "code_word": "Bluebell"},
    }
    return safety_plan_record(**(values | fields))


def refusal(case, personas, **fields):
    with pytest.raises(ValidationError) as refused:
        record(case, personas, **fields)
    return refused.value.message_dict


def test_it_records_a_childs_safety_plan_without_its_words_in_the_audit(
    refuge_case, child, personas
):
    plan = record(refuge_case, personas, person=child)
    assert (plan.person, plan.code_word) == (child, "Bluebell")
    audit = AuditEvent.objects.get(object_id=str(plan.pk), action="create")
    assert "Bluebell" not in str(audit.changes)
    event = CaseEvent.objects.get(case=refuge_case, kind="safety_plan")
    assert event.summary == "Safety plan completed for a child"


def test_it_refuses_empty_plans_strangers_second_plans_and_future_times(planning_case, personas):
    assert "__all__" in refusal(planning_case, personas, sections={"emergency": " "})
    assert "__all__" in refusal(planning_case, personas, sections={"weapons": "x"})
    stranger = PersonFactory(organisation=planning_case.person.organisation)
    assert "person" in refusal(planning_case, personas, person=stranger)
    future = timezone.now() + dt.timedelta(hours=1)
    assert "completed_at" in refusal(planning_case, personas, completed_at=future)
    record(planning_case, personas)
    assert "person" in refusal(planning_case, personas)
    assert SafetyPlan.objects.count() == 1


def test_a_change_names_the_sections_changed_and_a_closed_case_takes_none(planning_case, personas):
    plan = record(planning_case, personas)
    today = timezone.localdate()
    safety_plan_change(
        plan=plan,
        changed_by=personas.caseworker,
        sections={"safe_contacts": "Sister", "code_word": "Bluebell"},
        reviewed_on=today,
    )
    audit = AuditEvent.objects.get(object_id=str(plan.pk), action="update")
    assert audit.changes["sections_changed"][1] == ["safe_contacts"]
    tomorrow = today + dt.timedelta(days=1)
    with pytest.raises(ValidationError):
        safety_plan_change(
            plan=plan,
            changed_by=personas.caseworker,
            sections={"code_word": "x"},
            reviewed_on=tomorrow,
        )
    planning_case.state = CaseState.CLOSED
    planning_case.save()
    with pytest.raises(ValidationError):
        safety_plan_change(
            plan=plan, changed_by=personas.caseworker, sections={"code_word": "x"}, reviewed_on=None
        )
