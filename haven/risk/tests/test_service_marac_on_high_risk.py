"""Cornwall men's refuge: a high-risk result flags a MARAC referral and puts it on the timeline.

seed 004 s4.2: "All high-risk referrals into Refuge must trigger a referral to MARAC".
"""

import datetime as dt

import pytest
from django.utils import timezone

from haven.casework.models import CaseEvent
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
        "stage": "arrival",
        "completed_at": timezone.now() - dt.timedelta(minutes=1),
    }
    return risk_assessment_complete(**(arguments | overrides))


def test_seed_004_s4_2_high_risk_in_the_cornwall_refuge_requires_a_marac_referral(
    personas, cornwall_case
):
    assessment = complete(cornwall_case, personas.caseworker)
    assert assessment.marac_referral_required is True
    event = CaseEvent.objects.get(case=cornwall_case, kind="marac_referral_required")
    assert "seed 004 s4.2" in event.summary
    assert event.object_id == str(assessment.pk)


def test_seed_004_s4_2_escalation_to_high_risk_also_requires_a_marac_referral(
    personas, cornwall_case
):
    assessment = complete(
        cornwall_case, personas.caseworker, answers=answers(yes=2), incidents_last_12_months=3
    )
    assert assessment.marac_referral_required is True


def test_a_medium_result_in_the_cornwall_refuge_needs_no_marac_referral(personas, cornwall_case):
    assessment = complete(cornwall_case, personas.caseworker, answers=answers(yes=13))
    assert assessment.marac_referral_required is False
    assert not CaseEvent.objects.filter(kind="marac_referral_required").exists()


def test_a_contract_without_the_rule_flags_no_marac_referral(personas, case):
    assessment = complete(case, personas.caseworker)
    assert assessment.level == "high"
    assert assessment.marac_referral_required is False
