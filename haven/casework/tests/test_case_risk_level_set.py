"""Setting the risk level re-applies the risk-dependent deadline rules."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from haven.casework.models import TaskStatus
from haven.casework.services import case_risk_level_set
from haven.core.models import AuditEvent

LONDON = ZoneInfo("Europe/London")
pytestmark = pytest.mark.django_db


def test_high_risk_brings_in_the_next_day_rules_and_drops_the_superseded_one(
    open_case, contract_for, personas
):
    # seed 003 s9: high-risk referrals processed within 1 day; s6.3: offered support the next day
    received = dt.datetime(2026, 8, 28, 16, 0, tzinfo=LONDON)
    case = open_case(contract_for("wokingham-da-2017"), received_at=received, route="professional")
    case_risk_level_set(
        case=case, risk_level="high", actor=personas.caseworker, reason="DASH score 15"
    )
    keys = dict(case.tasks.values_list("rule_key", "status"))
    assert keys["high_risk_referral_contact"] == TaskStatus.OPEN
    assert keys["high_risk_support_offer"] == TaskStatus.OPEN
    assert keys["enquiry_response"] == TaskStatus.CANCELLED
    assert case.events.filter(kind="risk_level_changed").exists()
    assert AuditEvent.objects.filter(object_id=str(case.pk), reason="DASH score 15").exists()


def test_an_unknown_level_is_refused(team_case, personas):
    with pytest.raises(ValueError, match="not a risk level"):
        case_risk_level_set(case=team_case, risk_level="severe", actor=personas.caseworker)
