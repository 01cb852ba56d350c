"""`hardship_fund_set`: a year's budget for a contract with a hardship fund (seed 002 s3.8),
set by a service manager, never below what is approved already."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from haven.core.models import AuditEvent
from haven.hardship.models import HardshipFund
from haven.hardship.services import (
    balance_pence,
    default_budget_pence,
    hardship_fund_set,
    hardship_grant_decide,
)
from haven.testing.fixtures import profile_contract

pytestmark = pytest.mark.django_db


def test_seed_002_s3_8_victim_first_has_a_5k_hardship_fund(vf_contract):
    assert default_budget_pence(vf_contract) == 500_000
    other = profile_contract("leicester-safehome-2012", vf_contract.provider)
    assert default_budget_pence(other) is None


def test_a_service_manager_sets_the_years_budget(fund, personas):
    assert (fund.budget_pence, fund.set_by) == (500_000, personas.service_manager)
    audit = AuditEvent.objects.get(object_id=str(fund.pk), action="create")
    assert audit.changes["budget_pence"] == [None, 500_000]
    again = hardship_fund_set(
        contract=fund.contract,
        year=fund.year,
        budget=Decimal("6000"),
        set_by=personas.service_manager,
    )
    assert again.pk == fund.pk
    assert HardshipFund.objects.get().budget_pence == 600_000


@pytest.mark.parametrize("who", ["caseworker", "team_leader", "other_provider_caseworker"])
def test_only_a_service_manager_of_the_provider_sets_it(vf_contract, personas, who):
    with pytest.raises(PermissionDenied):
        hardship_fund_set(
            contract=vf_contract, year=2026, budget=Decimal("1"), set_by=getattr(personas, who)
        )


def test_a_contract_without_a_hardship_fund_has_none(personas):
    contract = profile_contract("leicester-safehome-2012", personas.organisation)
    with pytest.raises(ValidationError, match="no hardship fund"):
        hardship_fund_set(
            contract=contract, year=2026, budget=Decimal("1"), set_by=personas.service_manager
        )


@pytest.mark.parametrize(
    "budget",
    [None, Decimal("0"), Decimal("-5"), Decimal("20000000"), Decimal("1e400"), Decimal("1.234")],
)
def test_a_missing_or_implausible_budget_is_refused(vf_contract, personas, budget):
    with pytest.raises(ValidationError) as refused:
        hardship_fund_set(
            contract=vf_contract, year=2026, budget=budget, set_by=personas.service_manager
        )
    assert "budget" in refused.value.message_dict


def test_the_budget_is_never_below_what_is_approved(grant, personas):
    hardship_grant_decide(grant=grant, decided_by=personas.team_leader, approve=True)
    with pytest.raises(ValidationError) as refused:
        hardship_fund_set(
            contract=grant.fund.contract,
            year=grant.fund.year,
            budget=Decimal("100"),
            set_by=personas.service_manager,
        )
    assert refused.value.message_dict["budget"] == [
        "The budget cannot be less than the £120.50 already approved"
    ]
    assert balance_pence(HardshipFund.objects.get()) == 500_000 - 12_050
