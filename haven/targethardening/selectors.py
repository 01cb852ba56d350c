"""Reads of target hardening, scoped to the viewer: a case's job (through the case, which
`with_case` has already checked), the provider's catalogue and the budget of the services a
team leader or service manager runs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from haven.accounts.models import User
from haven.accounts.roles import MANAGER_ROLES, Role
from haven.accounts.signed_in import Viewer
from haven.casework.models import Case
from haven.contracts.models import Contract, Organisation
from haven.contracts.profiles.target_hardening import TargetHardeningSpec
from haven.targethardening import budget
from haven.targethardening.models import (
    FittedItem,
    Refusal,
    SecurityItem,
    TargetHardeningJob,
)
from haven.targethardening.services import spent_on, target_hardening_spec


def job_on(case: Case) -> TargetHardeningJob | None:
    return (
        TargetHardeningJob.objects.filter(case=case)
        .select_related("visited_by", "over_limit_approved_by")
        .first()
    )


def job_on_or_404(case: Case) -> TargetHardeningJob:
    job = job_on(case)
    if job is None:
        raise Http404("No target hardening visit is recorded on this case")
    return job


def fitted_on_job(job: TargetHardeningJob) -> list[FittedItem]:
    return list(job.fitted.select_related("item"))


def refusals_on_job(job: TargetHardeningJob) -> list[Refusal]:
    return list(job.refusals.select_related("item"))


def job_spend(job: TargetHardeningJob) -> Decimal:
    return spent_on(job)


def catalogue_items(provider_id: Any, *, active_only: bool = False) -> QuerySet[SecurityItem]:
    items = SecurityItem.objects.filter(provider_id=provider_id)
    return items.filter(active=True) if active_only else items


def catalogue_item(provider_id: Any, item_id: Any) -> SecurityItem | None:
    return catalogue_items(provider_id).filter(pk=item_id).first()


def managed_catalogues(user: Viewer) -> list[Organisation]:
    """The providers whose catalogue the user keeps (service managers; superusers: all with a
    target hardening contract)."""
    if not isinstance(user, User) or not user.is_authenticated:
        return []
    providers = Organisation.objects.filter(
        contracts__in=[c.pk for c in _target_hardening(Contract.objects.all())]
    ).distinct()
    if not user.is_superuser:
        mine = user.memberships.filter(role=Role.SERVICE_MANAGER).values("organisation_id")
        providers = providers.filter(pk__in=mine)
    return list(providers.order_by("name"))


def catalogue_for_user(user: Viewer, provider_id: Any) -> Organisation:
    for provider in managed_catalogues(user):
        if str(provider.pk) == str(provider_id):
            return provider
    raise PermissionDenied


def item_for_user(user: Viewer, item_id: Any) -> SecurityItem:
    item = SecurityItem.objects.filter(pk=item_id).select_related("provider").first()
    if item is None:
        raise Http404
    if not user.has_perm("targethardening.manage_catalogue", item.provider):
        raise PermissionDenied
    return item


def _target_hardening(contracts: QuerySet[Contract]) -> list[Contract]:
    return [c for c in contracts if target_hardening_spec(c) is not None]


def budget_contracts(user: Viewer) -> list[Contract]:
    """Target hardening contracts whose provider the user leads a team in or manages."""
    if not isinstance(user, User) or not user.has_perm("targethardening.view_budget"):
        return []
    contracts = Contract.objects.order_by("name")
    if not user.is_superuser:
        mine = user.memberships.filter(role__in=MANAGER_ROLES).values("organisation_id")
        contracts = contracts.filter(provider_id__in=mine)
    return _target_hardening(contracts)


def job_costs(contract: Contract) -> list[budget.JobCosts]:
    """Every job of the contract with its fittings (a few hundred a year), two queries."""
    jobs = TargetHardeningJob.objects.filter(case__contract=contract).values_list(
        "id", "case__referral__received_at", "case__opened_at", "service_level"
    )
    fittings: dict[Any, list[budget.Fitting]] = {}
    for job_id, fitted_on, quantity, price in FittedItem.objects.filter(
        job__case__contract=contract
    ).values_list("job_id", "fitted_on", "quantity", "unit_price"):
        fittings.setdefault(job_id, []).append(budget.Fitting(fitted_on, price * quantity))
    return [
        budget.JobCosts(
            id=job_id,
            received_on=timezone.localdate(received or opened),
            level=level,
            fittings=tuple(fittings.get(job_id, ())),
        )
        for job_id, received, opened, level in jobs
    ]


@dataclass(frozen=True)
class BudgetPage:
    contract: Contract
    spec: TargetHardeningSpec
    year_first: date
    year_last: date
    year: budget.PeriodFigures
    quarters: list[budget.PeriodFigures]
    jobs: int

    @property
    def remaining(self) -> Decimal:
        return self.spec.budget.annual_items - self.year.spend


def budget_page(contract: Contract, spec: TargetHardeningSpec, today: date) -> BudgetPage:
    """The contract year holding `today`: spend to date, remaining, and each quarter's figures."""
    first = budget.year_start(today, contract.profile.get("contract_year_start") or "04-01")
    quarters = budget.quarters(first)
    jobs = job_costs(contract)
    return BudgetPage(
        contract=contract,
        spec=spec,
        year_first=first,
        year_last=quarters[-1][1],
        year=budget.figures(jobs, first, today),
        quarters=[budget.figures(jobs, q_first, q_last) for q_first, q_last in quarters],
        jobs=sum(
            1 for job in jobs if job.received_on >= first and job.received_on <= quarters[-1][1]
        ),
    )
