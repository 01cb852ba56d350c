"""Exclusions (seed 003 s8; seed 004 s6.10): only with a record of re-engagement, the published
criteria and the right of appeal told; the appeal decided by another manager."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent
from haven.casework.services import case_close
from haven.casework.services.exclusions import (
    exclusion_appeal_decide,
    exclusion_appeal_lodge,
    exclusion_criteria,
    exclusion_decide,
    reengagement_attempt_record,
)

pytestmark = pytest.mark.django_db


def now():
    return timezone.now()


@pytest.fixture
def wokingham_case(open_case, contract_for):
    return open_case(contract_for("wokingham-da-2017"), route="professional")


def _attempt(case, personas):
    return reengagement_attempt_record(
        case=case,
        recorded_by=personas.caseworker,
        attempted_at=now(),
        method="letter",
        what="Synthetic: letter to the safe address offering a meeting",
    )


def _exclude(case, by, **kwargs):
    args = {
        "criteria": ["serious_risk_to_others"],
        "reason": "Synthetic: threats to staff after a risk assessment",
        "appeal_notice_at": now(),
        "appeal_notice_method": "letter",
    }
    return exclusion_decide(case=case, decided_by=by, **{**args, **kwargs})


def _problems(refused):
    return refused.value.message_dict


def test_seed_003_s8_wokingham_publishes_its_criteria(wokingham_case):
    criteria = exclusion_criteria(wokingham_case)
    assert [c.key for c in criteria] == ["breach_of_rules", "serious_risk_to_others"]
    assert {c.citation for c in criteria} == {"seed 003 s8"}


def test_seed_004_s6_10_cornwall_criteria_cite_ending_support(open_case, contract_for):
    case = open_case(contract_for("cornwall-mens-refuge-2021"), route="professional")
    assert [c.citation for c in exclusion_criteria(case)] == ["seed 004 s6.10"]


def test_seed_003_s8_no_exclusion_without_a_reengagement_record(wokingham_case, personas):
    with pytest.raises(ValidationError) as refused:
        _exclude(wokingham_case, personas.team_leader)
    assert set(_problems(refused)) == {"reengagement"}


def test_seed_003_s8_no_exclusion_without_published_criteria(wokingham_case, personas):
    _attempt(wokingham_case, personas)
    with pytest.raises(ValidationError) as refused:
        _exclude(wokingham_case, personas.team_leader, criteria=[])
    assert set(_problems(refused)) == {"criteria"}
    with pytest.raises(ValidationError) as refused:
        _exclude(wokingham_case, personas.team_leader, criteria=["made_up"])
    assert set(_problems(refused)) == {"criteria"}


def test_a_contract_without_criteria_excludes_no_one(team_case, personas):
    _attempt(team_case, personas)
    with pytest.raises(ValidationError) as refused:
        _exclude(team_case, personas.team_leader)
    assert "publishes no exclusion criteria" in _problems(refused)["criteria"][0]


def test_seed_003_s8_no_exclusion_without_the_right_of_appeal_told(wokingham_case, personas):
    _attempt(wokingham_case, personas)
    with pytest.raises(ValidationError) as refused:
        _exclude(
            wokingham_case, personas.team_leader, appeal_notice_at=None, appeal_notice_method=""
        )
    assert set(_problems(refused)) == {"appeal_notice_at", "appeal_notice_method"}


def test_a_caseworker_cannot_exclude(wokingham_case, personas):
    _attempt(wokingham_case, personas)
    with pytest.raises(ValidationError, match="team leader or service manager"):
        _exclude(wokingham_case, personas.caseworker)


def test_an_exclusion_is_recorded_audited_and_on_the_timeline(wokingham_case, personas):
    _attempt(wokingham_case, personas)
    exclusion = _exclude(wokingham_case, personas.team_leader)
    assert exclusion.criteria == ["serious_risk_to_others"]
    kinds = set(CaseEvent.objects.filter(case=wokingham_case).values_list("kind", flat=True))
    assert {"reengagement_attempt", "exclusion"} <= kinds
    case_close(
        case=wokingham_case,
        closed_by=personas.team_leader,
        exit_type="unplanned",
        exit_reason="excluded",
        reason="Synthetic: excluded",
        overrides={"exit_risk_assessment": "Synthetic: not possible"},
    )


def test_the_appeal_is_decided_by_a_manager_who_did_not_exclude(wokingham_case, personas):
    _attempt(wokingham_case, personas)
    exclusion = _exclude(wokingham_case, personas.team_leader)
    decide = {"heard_at": now(), "outcome": "upheld", "reason": "Synthetic"}
    with pytest.raises(ValidationError, match="appeal was made first"):
        exclusion_appeal_decide(exclusion=exclusion, decided_by=personas.service_manager, **decide)
    exclusion_appeal_lodge(exclusion=exclusion, recorded_by=personas.caseworker, lodged_at=now())
    decide["heard_at"] = now()
    with pytest.raises(ValidationError, match="team leader or service manager"):
        exclusion_appeal_decide(exclusion=exclusion, decided_by=personas.caseworker, **decide)
    with pytest.raises(ValidationError, match="someone other than who excluded"):
        exclusion_appeal_decide(exclusion=exclusion, decided_by=personas.team_leader, **decide)
    exclusion_appeal_decide(exclusion=exclusion, decided_by=personas.service_manager, **decide)
    exclusion.refresh_from_db()
    assert (exclusion.appeal_outcome, exclusion.appeal_decided_by) == (
        "upheld",
        personas.service_manager,
    )
