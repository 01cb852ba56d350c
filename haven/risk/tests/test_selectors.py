"""Risk selectors: a case's history only for those who may see the case; profile settings."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from haven.risk.engine import RiskThresholds
from haven.risk.selectors import risk_history_for_case, risk_settings_for
from haven.risk.services import risk_assessment_complete
from haven.testing.risk import answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessed(personas, case):
    for days_ago in (10, 1):
        risk_assessment_complete(
            case=case,
            completed_by=personas.caseworker,
            answers=answers(yes=days_ago),
            professional_judgement=False,
            professional_judgement_reason="",
            incidents_last_12_months=None,
            stage="review",
            completed_at=timezone.now() - dt.timedelta(days=days_ago),
        )
    return case


def test_the_history_is_oldest_first_for_the_team(personas, assessed):
    scores = [a.score for a in risk_history_for_case(personas.teammate, assessed)]
    assert scores == [10, 1]


def test_an_outsider_cannot_read_the_history(personas, assessed):
    with pytest.raises(Http404):
        risk_history_for_case(personas.outsider, assessed)


def test_a_commissioner_cannot_read_the_history(personas, assessed):
    with pytest.raises(PermissionDenied):
        risk_history_for_case(personas.commissioner, assessed)


def test_settings_come_from_the_cornwall_profile(cornwall_contract):
    settings = risk_settings_for(cornwall_contract)
    assert settings.marac_on_high_risk is True
    assert settings.thresholds == RiskThresholds(14, 10, 3)
    assert settings.citation == "seed 004 s4.2"


def test_a_contract_without_a_risk_section_uses_the_defaults(personas):
    settings = risk_settings_for(personas.contract)
    assert settings.checklist_key == "dash-ric-24"
    assert settings.marac_on_high_risk is False
