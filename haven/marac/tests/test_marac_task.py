"""A completed checklist meeting the MARAC referral criteria puts a "MARAC referral" task on the
case's worklist (reference.md s1.4; seed 004 s4.2 for Cornwall's refuge), through risk's hook."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.casework.models import CaseEvent, Task
from haven.risk.services import risk_assessment_complete
from haven.testing.risk import answers

pytestmark = pytest.mark.django_db


def complete(case, user, **overrides):
    arguments = {
        "case": case,
        "completed_by": user,
        "answers": answers(yes=14),
        "professional_judgement": False,
        "professional_judgement_reason": "",
        "incidents_last_12_months": None,
        "stage": "review",
        "completed_at": timezone.now() - dt.timedelta(minutes=1),
    }
    return risk_assessment_complete(**(arguments | overrides))


def marac_tasks(case):
    return Task.objects.filter(case=case, action="marac_referral")


def test_reference_s1_4_visible_high_risk_puts_a_marac_referral_task_on_the_worklist(
    personas, supported_case
):
    complete(supported_case, personas.caseworker)
    task = marac_tasks(supported_case).get()
    assert task.label == "MARAC referral"
    assert task.citation == "reference.md s1.4"
    assert "visible high risk" in task.explanation
    assert task.allocated_to == personas.caseworker
    assert task.due_at > timezone.now()
    assert CaseEvent.objects.filter(case=supported_case, kind="task_created").exists()


def test_reference_s1_4_professional_judgement_below_14_is_a_criterion(personas, supported_case):
    complete(
        supported_case,
        personas.caseworker,
        answers=answers(yes=4),
        professional_judgement=True,
        professional_judgement_reason="Threats to kill, she believes them.",
    )
    assert "professional judgement" in marac_tasks(supported_case).get().explanation


def test_reference_s1_4_potential_escalation_is_a_criterion(personas, supported_case):
    complete(
        supported_case, personas.caseworker, answers=answers(yes=2), incidents_last_12_months=3
    )
    assert "potential escalation" in marac_tasks(supported_case).get().explanation


def test_a_medium_checklist_sets_no_marac_task(personas, supported_case):
    complete(supported_case, personas.caseworker, answers=answers(yes=12))
    assert not marac_tasks(supported_case).exists()


def test_a_second_high_checklist_does_not_add_a_second_task(personas, supported_case):
    complete(supported_case, personas.caseworker)
    complete(supported_case, personas.caseworker)
    assert marac_tasks(supported_case).count() == 1


def test_no_task_after_the_person_was_referred_today(personas, supported_case, refer):
    refer(supported_case, referred_on=timezone.localdate())
    complete(supported_case, personas.caseworker)
    assert not marac_tasks(supported_case).exists()


def test_seed_004_s4_2_cornwall_high_risk_keeps_the_profile_task_and_adds_none(
    personas, contract_for
):
    from haven.testing.casework import CaseFactory

    contract = contract_for("cornwall-mens-refuge-2021")
    case = CaseFactory(contract=contract, team=personas.team, allocated_to=personas.caseworker)
    complete(case, personas.caseworker, stage="arrival")
    tasks = list(marac_tasks(case))
    # the profile rule marac_referral_high_risk (seed 004 s4.2) when the case turned high
    assert [t.rule_key for t in tasks] == ["marac_referral_high_risk"]


def test_seed_004_s4_2_a_cornwall_task_cites_the_seed_when_the_profile_rule_is_done(
    personas, contract_for
):
    from haven.testing.casework import CaseFactory

    contract = contract_for("cornwall-mens-refuge-2021")
    case = CaseFactory(contract=contract, team=personas.team, allocated_to=personas.caseworker)
    complete(case, personas.caseworker, stage="arrival")
    Task.objects.filter(case=case, action="marac_referral").update(
        completed_at=timezone.now(), is_outstanding=False, status="met"
    )
    complete(case, personas.caseworker, stage="review")
    task = marac_tasks(case).get(rule_key="marac_criteria")
    assert task.citation == "seed 004 s4.2"
