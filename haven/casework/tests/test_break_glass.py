"""Opening a restricted case one is not named on needs a reason, audited as view_restricted."""

import pytest
from django.http import Http404

from haven.access.errors import ReasonRequiredError
from haven.casework.models import CaseAccess
from haven.casework.selectors import (
    case_for_break_glass,
    case_for_user,
)
from haven.casework.services import case_break_glass
from haven.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted(team_case, personas):
    team_case.is_restricted = True
    team_case.save()
    CaseAccess.objects.create(case=team_case, user=personas.team_leader)
    return team_case


def test_named_staff_open_it_without_a_reason(restricted, personas):
    assert case_for_user(personas.team_leader, restricted.pk).case == restricted


def test_others_in_scope_are_asked_for_a_reason(restricted, personas):
    with pytest.raises(ReasonRequiredError):
        case_for_user(personas.caseworker, restricted.pk)


def test_giving_a_reason_opens_it_and_is_audited(restricted, personas):
    case_break_glass(
        case=restricted, user=personas.caseworker, reason="Duty cover: she rang the helpline"
    )
    visible = case_for_user(personas.caseworker, restricted.pk)
    assert visible.grant is not None
    audit = AuditEvent.objects.get(action=AuditAction.VIEW_RESTRICTED, object_id=str(restricted.pk))
    assert audit.reason == "Duty cover: she rang the helpline"
    assert audit.actor == personas.caseworker


def test_a_blank_reason_is_refused(restricted, personas):
    with pytest.raises(ValueError, match="Enter why"):
        case_break_glass(case=restricted, user=personas.caseworker, reason="  ")


def test_someone_outside_the_scope_gets_404_not_the_reason_form(restricted, personas):
    with pytest.raises(Http404):
        case_for_break_glass(personas.outsider, restricted.pk)
    with pytest.raises(Http404):
        case_for_user(personas.other_provider_caseworker, restricted.pk)
