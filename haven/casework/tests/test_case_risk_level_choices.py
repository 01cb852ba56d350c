"""A case's risk level is one of the risk levels every app shares (issue 9 s8: one RiskLevel)."""

import pytest
from django.core.exceptions import ValidationError

from haven.casework.models import Case
from haven.casework.services import case_risk_level_set
from haven.deadlines import RiskLevel
from haven.referrals.models import Referral
from haven.risk.models import RiskAssessment

pytestmark = pytest.mark.django_db


def test_a_case_risk_level_outside_the_shared_levels_fails_validation(team_case):
    team_case.risk_level = "severe"
    with pytest.raises(ValidationError) as refused:
        team_case.full_clean()
    assert "risk_level" in refused.value.message_dict


def test_a_case_shows_its_risk_level_as_staff_read_it(team_case, personas):
    case_risk_level_set(case=team_case, risk_level=RiskLevel.HIGH, actor=personas.caseworker)
    assert team_case.get_risk_level_display() == "High"


def test_cases_referrals_and_assessments_offer_the_same_levels():
    levels = [(level.value, level.label) for level in RiskLevel]
    assert Referral._meta.get_field("referrer_risk_level").choices == levels
    assert RiskAssessment._meta.get_field("level").choices == levels
    assert Case._meta.get_field("risk_level").choices == levels
