"""Exit reasons: a structured reason of the exit's type, beside the free-text reason."""

import pytest

from haven.casework.models import CaseEvent, CaseState
from haven.casework.services import ClosureRefusedError, case_close
from haven.casework.services.exclusions import (
    exclusion_appeal_decide,
    exclusion_appeal_lodge,
    exclusion_decide,
    reengagement_attempt_record,
)
from haven.casework.tests.test_exclusions import now, wokingham_case  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def _close(case, personas, **kwargs):
    args = {"exit_type": "planned", "exit_reason": "support_goals_met", "reason": "Synthetic"}
    return case_close(case=case, closed_by=personas.caseworker, **{**args, **kwargs})


def test_a_planned_exit_needs_a_planned_reason(team_case, personas):
    # seed 003 s13 and seed 004 s10 B5: planned departures are counted by the exit's type
    with pytest.raises(ClosureRefusedError) as refused:
        _close(team_case, personas, exit_reason="disengaged")
    assert refused.value.problems == {"exit_reason": "Select the reason for this planned exit"}


def test_an_unplanned_exit_needs_an_unplanned_reason(team_case, personas):
    with pytest.raises(ClosureRefusedError) as refused:
        _close(team_case, personas, exit_type="unplanned", exit_reason="")
    assert set(refused.value.problems) == {"exit_reason"}


def test_the_reason_and_free_text_are_kept_and_on_the_timeline(team_case, personas):
    _close(team_case, personas, exit_reason="settled_accommodation", reason="Synthetic move")
    team_case.refresh_from_db()
    assert (team_case.state, team_case.exit_reason) == (CaseState.CLOSED, "settled_accommodation")
    assert team_case.closure_reason == "Synthetic move"
    event = CaseEvent.objects.get(case=team_case, kind="case_closed")
    assert "moved to settled accommodation" in event.summary


def test_seed_002_s7_not_contactable_needs_why(team_case, personas):
    with pytest.raises(ClosureRefusedError) as refused:
        _close(team_case, personas, exit_type="unplanned", exit_reason="not_contactable")
    assert set(refused.value.problems) == {"not_contactable_reason"}
    _close(
        team_case,
        personas,
        exit_type="unplanned",
        exit_reason="not_contactable",
        not_contactable_reason="wrong_details",
    )
    team_case.refresh_from_db()
    assert team_case.not_contactable_reason == "wrong_details"


def test_seed_003_s8_excluded_only_with_a_standing_exclusion(wokingham_case, personas):  # noqa: F811
    with pytest.raises(ClosureRefusedError) as refused:
        _close(wokingham_case, personas, exit_type="unplanned", exit_reason="excluded")
    assert "exit_reason" in refused.value.problems
    reengagement_attempt_record(
        case=wokingham_case,
        recorded_by=personas.caseworker,
        attempted_at=now(),
        method="phone",
        what="Synthetic: called twice",
    )
    exclusion = exclusion_decide(
        case=wokingham_case,
        decided_by=personas.team_leader,
        criteria=["breach_of_rules"],
        reason="Synthetic",
        appeal_notice_at=now(),
        appeal_notice_method="letter",
    )
    exclusion_appeal_lodge(exclusion=exclusion, recorded_by=personas.caseworker, lodged_at=now())
    exclusion_appeal_decide(
        exclusion=exclusion,
        decided_by=personas.service_manager,
        heard_at=now(),
        outcome="overturned",
        reason="Synthetic",
    )
    wokingham_case.refresh_from_db()
    with pytest.raises(ClosureRefusedError) as refused:
        _close(wokingham_case, personas, exit_type="unplanned", exit_reason="excluded")
    assert refused.value.problems["exit_reason"] == "The exclusion was overturned on appeal"
