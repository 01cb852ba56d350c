"""Reads of the hardship funds and grants: funds of the providers the viewer manages, grants
through a case the viewer was already given."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from haven.accounts.models import User
from haven.accounts.roles import MANAGER_ROLES
from haven.accounts.signed_in import Viewer
from haven.casework.models import Case
from haven.contracts.models import Contract
from haven.hardship.models import GrantStatus, HardshipFund, HardshipGrant
from haven.hardship.services import approved_pence, hardship_spec


@dataclass(frozen=True)
class FundTotals:
    budget_pence: int
    approved_pence: int
    paid_pence: int
    requested_pence: int  # waiting for a decision

    @property
    def balance_pence(self) -> int:
        return self.budget_pence - self.approved_pence


def _managed_organisations(user: Viewer) -> list[Any]:
    if not isinstance(user, User):
        return []
    if user.is_superuser:
        return list(Contract.objects.values_list("provider_id", flat=True))
    return list(
        user.memberships.filter(role__in=MANAGER_ROLES).values_list("organisation_id", flat=True)
    )


def hardship_contracts_for(user: Viewer) -> list[Contract]:
    """The contracts with a hardship fund (their profile) of the providers the viewer manages."""
    contracts = Contract.objects.filter(provider_id__in=_managed_organisations(user))
    return [c for c in contracts.order_by("name") if hardship_spec(c) is not None]


def contract_for_budget(user: Viewer, contract_id: Any) -> Contract:
    for contract in hardship_contracts_for(user):
        if contract.pk == contract_id:
            return contract
    raise Http404


def funds_for(user: Viewer) -> QuerySet[HardshipFund]:
    return HardshipFund.objects.filter(
        contract__provider_id__in=_managed_organisations(user)
    ).select_related("contract")


def fund_for(user: Viewer, fund_id: Any) -> HardshipFund:
    """One fund of a provider the viewer manages (404 for any other)."""
    try:
        return funds_for(user).get(pk=fund_id)
    except HardshipFund.DoesNotExist as missing:
        raise Http404 from missing


def fund_totals(fund: HardshipFund) -> FundTotals:
    grants = list(fund.grants.values_list("status", "amount_pence", "paid_on"))
    return FundTotals(
        budget_pence=fund.budget_pence,
        approved_pence=approved_pence(fund),
        paid_pence=sum(a for s, a, paid in grants if s == GrantStatus.APPROVED and paid),
        requested_pence=sum(a for s, a, _ in grants if s == GrantStatus.REQUESTED),
    )


def grants_of_fund(fund: HardshipFund) -> QuerySet[HardshipGrant]:
    return fund.grants.select_related("case__person", "requested_by", "decided_by")


def grants_on(case: Case) -> QuerySet[HardshipGrant]:
    return HardshipGrant.objects.filter(case=case).select_related("fund")


def grant_on(case: Case, grant_id: Any) -> HardshipGrant:
    try:
        return HardshipGrant.objects.select_related("fund", "case").get(case=case, pk=grant_id)
    except HardshipGrant.DoesNotExist as missing:
        raise Http404 from missing
