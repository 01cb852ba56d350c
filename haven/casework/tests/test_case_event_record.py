"""Other apps append to the case timeline through `case_event_record`."""

import pytest

from haven.casework.services import case_event_record

pytestmark = pytest.mark.django_db


def test_it_appends_an_event_naming_its_target(team_case, personas):
    event = case_event_record(
        case=team_case,
        kind="risk_assessment",
        actor=personas.caseworker,
        summary="Risk assessment completed: high",
        target=team_case,
        data={"stage": "referral"},
    )
    assert event.object_type == "casework.case"
    assert event.object_id == str(team_case.pk)
    assert event.actor == personas.caseworker
    assert team_case.events.filter(pk=event.pk).exists()


def test_a_system_event_has_no_actor(team_case):
    event = case_event_record(case=team_case, kind="task_breached", actor=None, summary="Missed")
    assert event.actor is None


@pytest.mark.parametrize("kind", ["import", "", "Note", "exit-interview"])
def test_a_kind_not_on_the_one_list_is_refused(team_case, personas, kind):
    with pytest.raises(ValueError, match="CaseEventKind"):
        case_event_record(case=team_case, kind=kind, actor=personas.caseworker, summary="Synthetic")
    assert not team_case.events.exists()
