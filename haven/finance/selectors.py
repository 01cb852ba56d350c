"""Reads of a contract's finance: the contracts the viewer may see, and one year's budget
lines, profile, income and spend (with hardship grants paid and target-hardening items fitted
read from their apps), as the plain rows `ledger.py` counts. A fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from haven.accounts.models import User
from haven.accounts.signed_in import Viewer
from haven.casework.models import Case
from haven.contracts.models import Contract
from haven.finance.ledger import (
    IncomeRow,
    LinePlan,
    SpendRow,
    year_last_day,
)
from haven.finance.models import BudgetLine, Income, ProfileMonth, Spend
from haven.finance.rules import READERS, organisation_ids
from haven.hardship.models import GrantStatus, HardshipGrant
from haven.hardship.services import financial_year_first_day, financial_year_of
from haven.targethardening.budget import Fitting, JobCosts, figures
from haven.targethardening.models import FittedItem

__all__ = ["financial_year_first_day", "financial_year_of"]


def finance_contracts_for(user: Viewer) -> QuerySet[Contract]:
    """The contracts of the organisations where the viewer reads finance (all, for superusers)."""
    contracts = Contract.objects.exclude(provider__isnull=True).order_by("name")
    if isinstance(user, User) and user.is_superuser:
        return contracts
    return contracts.filter(provider_id__in=organisation_ids(user, READERS))


def finance_contract_for(user: Viewer, contract_id: Any) -> Contract:
    """One contract the viewer reads finance of; 404 for any other."""
    try:
        return finance_contracts_for(user).get(pk=contract_id)
    except Contract.DoesNotExist as missing:
        raise Http404 from missing


def budget_lines(contract: Contract, year: int) -> list[BudgetLine]:
    return list(BudgetLine.objects.filter(contract=contract, year=year).order_by("category"))


def line_for(contract: Contract, year: int, line_id: Any) -> BudgetLine:
    try:
        return BudgetLine.objects.get(contract=contract, year=year, pk=line_id)
    except BudgetLine.DoesNotExist as missing:
        raise Http404 from missing


def profile_of(line: BudgetLine) -> dict[date, int]:
    """The line's planned pence by month."""
    return dict(line.profile.values_list("month", "amount_pence"))


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass(frozen=True)
class YearData:
    first: date
    last: date
    plans: list[LinePlan]
    lines: list[BudgetLine]
    spend: list[SpendRow]
    income: list[IncomeRow]
    spend_records: list[Spend]
    income_records: list[Income]
    property_costs: list[JobCosts]
    # a hardship grant's or fitted item's row id: the page that holds it (URL name, its id)
    links: dict[Any, tuple[str, Any]]


def year_data(contract: Contract, year: int) -> YearData:
    """Everything the finance report of the contract's year starting in `year` counts."""
    first = financial_year_first_day(contract, year)
    last = year_last_day(first)
    lines = budget_lines(contract, year)
    months: dict[Any, dict[date, int]] = defaultdict(dict)
    for line_id, month, pence in ProfileMonth.objects.filter(line__in=lines).values_list(
        "line_id", "month", "amount_pence"
    ):
        months[line_id][month] = pence
    plans = [LinePlan(line.category, line.amount_pence, months[line.pk]) for line in lines]
    spend_records = list(
        Spend.objects.filter(contract=contract, spent_on__range=(first, last)).order_by(
            "spent_on", "transaction_ref"
        )
    )
    spend = [
        SpendRow(
            s.pk,
            s.category,
            s.spent_on,
            s.amount_pence,
            "imported" if s.transaction_ref else "recorded",
        )
        for s in spend_records
    ]
    # seed 002 s3.8: the hardship fund's grants count as spend when paid
    links: dict[Any, tuple[str, Any]] = {}
    for pk, paid_on, pence, fund_id in HardshipGrant.objects.filter(
        fund__contract=contract, status=GrantStatus.APPROVED, paid_on__range=(first, last)
    ).values_list("pk", "paid_on", "amount_pence", "fund_id"):
        if paid_on is not None:
            spend.append(SpendRow(pk, "hardship_fund", paid_on, pence, "hardship"))
            links[pk] = ("hardship:fund", fund_id)
    # seed 002 Lot 2 s4: target hardening items cost quantity x the unit price when fitted
    fittings: dict[Any, list[Fitting]] = defaultdict(list)
    received: dict[Any, date] = {}
    for pk, job_id, fitted_on, quantity, price, received_at, opened_at, case_id in (
        FittedItem.objects.filter(job__case__contract=contract, fitted_on__lte=last)
        .order_by()
        .values_list(
            "pk",
            "job_id",
            "fitted_on",
            "quantity",
            "unit_price",
            "job__case__referral__received_at",
            "job__case__opened_at",
            "job__case_id",
        )
    ):
        cost = Decimal(price) * quantity
        fittings[job_id].append(Fitting(fitted_on, cost))
        received[job_id] = timezone.localdate(received_at or opened_at)
        if fitted_on >= first:
            spend.append(
                SpendRow(pk, "target_hardening", fitted_on, int(cost * 100), "target_hardening")
            )
            links[pk] = ("targethardening:job", case_id)
    income_records = list(
        Income.objects.filter(contract=contract, received_on__range=(first, last)).order_by(
            "received_on"
        )
    )
    income = [IncomeRow(i.pk, i.kind, i.received_on, i.amount_pence) for i in income_records]
    return YearData(
        first=first,
        last=last,
        plans=plans,
        lines=lines,
        spend=spend,
        income=income,
        spend_records=spend_records,
        income_records=income_records,
        property_costs=[
            JobCosts(job_id, received[job_id], 0, tuple(rows)) for job_id, rows in fittings.items()
        ],
        links=links,
    )


def cases_supported(contract: Contract, first: date, last: date) -> int:
    """Cases of the contract open at any moment from `first` to `last` (local days), as the
    returns count "cases supported in the period" (haven/reporting/README.md)."""
    start, end = _midnight(first), _midnight(last + timedelta(days=1))
    return (
        Case.objects.filter(contract=contract, opened_at__lt=end)
        .filter(Q(closed_at__isnull=True) | Q(closed_at__gte=start))
        .count()
    )


def properties_fitted(data: YearData, first: date, last: date) -> tuple[int, int | None]:
    """Properties first fitted in the period and their mean cost in pence (None without any),
    as the target hardening budget page counts them (targethardening/budget.py)."""
    result = figures(data.property_costs, first, last)
    mean = None if result.mean_cost is None else int(result.mean_cost * 100)
    return result.properties, mean
