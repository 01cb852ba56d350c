"""Hardship grants on a case (seed 002 s3.8): requested, approved or refused by a team leader or
service manager who is not the requester, never overdrawing the fund, and paid."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState
from haven.core.models import AuditEvent
from haven.hardship.models import HardshipGrant
from haven.hardship.services import (
    balance_pence,
    hardship_grant_decide,
    hardship_grant_pay,
    hardship_grant_request,
)
from haven.testing.fixtures import profile_contract

pytestmark = pytest.mark.django_db


def _request(case, personas, **overrides):
    fields = {
        "case": case,
        "requested_by": personas.caseworker,
        "amount": Decimal("50"),
        "purpose": "food",
    } | overrides
    return hardship_grant_request(**fields)


def test_seed_002_s3_8_a_grant_is_requested_on_the_case(grant, vf_case):
    assert (grant.status, grant.amount_pence, grant.purpose) == ("requested", 12_050, "utilities")
    event = CaseEvent.objects.get(case=vf_case, kind="hardship_grant_requested")
    assert event.summary == (
        "Hardship grant of £120.50 requested: gas, electricity or water (including meter top-ups)"
    )
    assert AuditEvent.objects.filter(object_id=str(grant.pk), action="create").exists()


def test_no_fund_set_for_the_year_refuses_the_request(vf_case, personas):
    with pytest.raises(ValidationError, match="No hardship fund budget is set"):
        _request(vf_case, personas)


def test_a_contract_without_a_hardship_fund_takes_no_grant(fund, personas):
    from haven.testing.casework import CaseFactory

    contract = profile_contract("leicester-safehome-2012", personas.organisation)
    case = CaseFactory(contract=contract, team=personas.team)
    with pytest.raises(ValidationError, match="no hardship fund"):
        _request(case, personas)


def test_other_needs_its_detail_and_the_amount_is_positive(fund, vf_case, personas):
    with pytest.raises(ValidationError) as refused:
        _request(vf_case, personas, purpose="other", amount=Decimal("0"))
    assert set(refused.value.message_dict) == {"detail", "amount"}
    assert not HardshipGrant.objects.exists()


def test_a_closed_case_takes_no_grant(fund, vf_case, personas):
    vf_case.state = CaseState.CLOSED
    vf_case.save()
    with pytest.raises(ValidationError, match="closed"):
        _request(vf_case, personas)


def test_a_team_leader_approves_and_the_balance_falls(grant, personas):
    decided = hardship_grant_decide(grant=grant, decided_by=personas.team_leader, approve=True)
    assert (decided.status, decided.decided_by) == ("approved", personas.team_leader)
    assert decided.decided_at is not None
    assert balance_pence(decided.fund) == 500_000 - 12_050
    assert CaseEvent.objects.get(kind="hardship_grant_decided").summary == (
        "Hardship grant of £120.50 approved"
    )


def test_a_refused_grant_leaves_the_balance(grant, personas):
    hardship_grant_decide(grant=grant, decided_by=personas.service_manager, approve=False)
    grant.refresh_from_db()
    assert grant.status == "refused"
    assert balance_pence(grant.fund) == 500_000


def test_the_requester_does_not_decide_their_own_grant(fund, vf_case, personas):
    own = _request(vf_case, personas, requested_by=personas.team_leader)
    with pytest.raises(ValidationError, match="other than the person who requested"):
        hardship_grant_decide(grant=own, decided_by=personas.team_leader, approve=True)


@pytest.mark.parametrize("who", ["caseworker", "teammate", "outsider", "commissioner"])
def test_only_a_manager_reaching_the_case_decides(grant, personas, who):
    with pytest.raises(PermissionDenied):
        hardship_grant_decide(grant=grant, decided_by=getattr(personas, who), approve=True)


def test_seed_002_s3_8_an_approval_that_would_overdraw_the_fund_is_refused(fund, vf_case, personas):
    big = _request(vf_case, personas, amount=Decimal("4900"))
    hardship_grant_decide(grant=big, decided_by=personas.team_leader, approve=True)
    over = _request(vf_case, personas, amount=Decimal("100.01"))
    with pytest.raises(ValidationError) as refused:
        hardship_grant_decide(grant=over, decided_by=personas.team_leader, approve=True)
    assert refused.value.message_dict["decision"] == [
        f"The fund has £100.00 left for {fund.year_label}: a grant of £100.01 would overdraw it"
    ]
    over.refresh_from_db()
    assert over.status == "requested"
    exact = _request(vf_case, personas, amount=Decimal("100"))
    hardship_grant_decide(grant=exact, decided_by=personas.team_leader, approve=True)
    assert balance_pence(fund) == 0


def test_a_decided_grant_is_not_decided_again(grant, personas):
    hardship_grant_decide(grant=grant, decided_by=personas.team_leader, approve=False)
    with pytest.raises(ValidationError, match="decided already"):
        hardship_grant_decide(grant=grant, decided_by=personas.service_manager, approve=True)


def test_an_approved_grant_is_paid_once(grant, personas):
    hardship_grant_decide(grant=grant, decided_by=personas.team_leader, approve=True)
    paid = hardship_grant_pay(
        grant=grant, recorded_by=personas.team_leader, paid_on=timezone.localdate()
    )
    assert paid.paid_on == timezone.localdate()
    assert CaseEvent.objects.filter(kind="hardship_grant_paid").count() == 1
    with pytest.raises(ValidationError, match="paid already"):
        hardship_grant_pay(
            grant=grant, recorded_by=personas.team_leader, paid_on=timezone.localdate()
        )


def test_a_grant_not_approved_is_not_paid_nor_paid_in_the_future(grant, personas):
    with pytest.raises(ValidationError, match="Only an approved grant"):
        hardship_grant_pay(
            grant=grant, recorded_by=personas.team_leader, paid_on=timezone.localdate()
        )
    hardship_grant_decide(grant=grant, decided_by=personas.team_leader, approve=True)
    with pytest.raises(ValidationError) as refused:
        hardship_grant_pay(
            grant=grant,
            recorded_by=personas.team_leader,
            paid_on=timezone.localdate() + dt.timedelta(days=1),
        )
    assert "paid_on" in refused.value.message_dict
