"""Changing state goes by the table, is audited and appears on the timeline."""

import pytest

from haven.casework.models import CaseState
from haven.casework.services import case_state_change
from haven.casework.transitions import TransitionRefusedError
from haven.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def test_an_allowed_change_is_saved_audited_and_on_the_timeline(team_case, personas):
    case_state_change(
        case=team_case,
        to_state="contacting",
        changed_by=personas.caseworker,
        reason="Calling today",
    )
    team_case.refresh_from_db()
    assert team_case.state == CaseState.CONTACTING
    audit = AuditEvent.objects.get(action=AuditAction.UPDATE, object_id=str(team_case.pk))
    assert audit.changes == {"state": ["new", "contacting"]}
    assert team_case.events.filter(kind="state_changed", summary__contains="Calling today").exists()


def test_a_refused_change_saves_nothing(team_case, personas):
    team_case.state = CaseState.ENGAGED
    team_case.save()
    with pytest.raises(TransitionRefusedError):
        case_state_change(
            case=team_case, to_state="not_contactable", changed_by=personas.caseworker
        )
    team_case.refresh_from_db()
    assert team_case.state == CaseState.ENGAGED
    assert not team_case.events.filter(kind="state_changed").exists()


def test_closing_needs_the_close_journey(team_case, personas):
    with pytest.raises(TransitionRefusedError, match="Close case"):
        case_state_change(case=team_case, to_state="closed", changed_by=personas.caseworker)


def test_wokingham_never_puts_a_child_protection_plan_on_the_waiting_list(
    open_case, contract_for, personas
):
    # seed 003 s5, s7: never a waiting list for people on a child protection plan
    case = open_case(
        contract_for("wokingham-da-2017"), cohorts=["child_protection_plan"], route="professional"
    )
    with pytest.raises(TransitionRefusedError, match="child protection plan"):
        case_state_change(case=case, to_state="waiting_list", changed_by=personas.caseworker)


def test_wokingham_may_put_others_on_the_waiting_list(open_case, contract_for, personas):
    case = open_case(contract_for("wokingham-da-2017"), route="professional")
    case_state_change(
        case=case,
        to_state="waiting_list",
        changed_by=personas.caseworker,
        waiting_reason="no_capacity",
    )
    assert case.state == CaseState.WAITING_LIST


def test_a_contract_without_a_waiting_list_refuses_it(open_case, contract_for, personas):
    case = open_case(contract_for("victim-first-2018"))
    with pytest.raises(TransitionRefusedError, match="no waiting list"):
        case_state_change(case=case, to_state="waiting_list", changed_by=personas.caseworker)


def test_seed_002_s7_marking_not_contactable_needs_why(team_case, personas):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        case_state_change(
            case=team_case, to_state="not_contactable", changed_by=personas.caseworker
        )
    assert set(refused.value.message_dict) == {"not_contactable_reason"}
    case_state_change(
        case=team_case,
        to_state="not_contactable",
        changed_by=personas.caseworker,
        not_contactable_reason="no_answer",
    )
    team_case.refresh_from_db()
    assert (team_case.state, team_case.not_contactable_reason) == ("not_contactable", "no_answer")
