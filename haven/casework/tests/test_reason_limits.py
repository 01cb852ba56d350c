"""Reasons are at most 2,000 characters in the services too (issue 9 s4), not only on forms."""

import pytest
from django.core.exceptions import ValidationError

from haven.casework.services import (
    ClosureRefusedError,
    case_break_glass,
    case_close,
    case_restriction_set,
    case_state_change,
)
from haven.validators import REASON_MAX_LENGTH

TOO_LONG = "x" * (REASON_MAX_LENGTH + 1)
pytestmark = pytest.mark.django_db


def test_a_state_change_reason_over_the_limit_is_refused(team_case, personas):
    with pytest.raises(ValidationError, match="The reason must be 2,000 characters or less"):
        case_state_change(
            case=team_case, to_state="contacting", changed_by=personas.caseworker, reason=TOO_LONG
        )
    team_case.refresh_from_db()
    assert team_case.state == "new"


def test_a_restriction_or_break_glass_reason_over_the_limit_is_refused(team_case, personas):
    with pytest.raises(ValidationError, match="2,000 characters"):
        case_restriction_set(
            case=team_case, restricted=True, changed_by=personas.team_leader, reason=TOO_LONG
        )
    with pytest.raises(ValidationError, match="2,000 characters"):
        case_break_glass(case=team_case, user=personas.teammate, reason=TOO_LONG)


def test_a_closing_reason_with_a_nul_character_is_a_problem_on_the_reason(team_case, personas):
    with pytest.raises(ClosureRefusedError) as refused:
        case_close(
            case=team_case,
            closed_by=personas.caseworker,
            exit_type="planned",
            exit_reason="support_goals_met",
            reason="a\x00b",
        )
    assert refused.value.problems["reason"] == "The reason must not contain null characters"
