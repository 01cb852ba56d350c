"""Demo finance (issue 16 item 7): for every demo contract, last year's and this year's budget
lines with an even profile of spend, monthly spend from the finance system (synthetic
transaction references) near the profile, and the commissioner's quarterly payments in
advance, up to today. Hardship grants and target hardening items come from their own demo
parts and count as spend automatically. Own random stream (seed + STREAM)."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime
from typing import Any

from django.utils import timezone

from haven.accounts.models import Membership, User
from haven.accounts.roles import Role
from haven.contracts.models import Contract
from haven.finance.ledger import even_profile, month_last_day, year_months
from haven.finance.models import BudgetLine, Income, ProfileMonth, Spend
from haven.hardship.services import (
    default_budget_pence,
    financial_year_first_day,
    financial_year_of,
)

STREAM = 36  # this part's own random stream: seed + STREAM
DEFAULT_YEARLY_PENCE = 150_000_00
# seed 002 s17 table 3 (£560,000 a year), seed 002 Lot 2 s3.1 (£90,000, £80,000 of it items),
# seed 003 s10 (£113,000-£123,000 a year); the others are synthetic round sums
YEARLY_PENCE = {
    "victim-first-2018": 560_000_00,
    "target-hardening-2018": 90_000_00,
    "wokingham-da-2017": 118_000_00,
}
SHARES = (("staff", 70), ("premises", 10), ("running_costs", 8), ("management", 7), ("other", 5))
DESCRIPTIONS = {
    "staff": "Salaries and on-costs (synthetic)",
    "premises": "Office rent and service charge",
    "running_costs": "Telephones, travel and supplies",
    "management": "Management charge",
    "other": "Interpreters and sundries",
}
TARGET_HARDENING_ITEMS_PENCE = 80_000_00  # seed 002 Lot 2 s3.1: £80,000 a year for items


def demo_finance_reset(organisation: Any) -> None:
    contracts = Contract.objects.filter(provider=organisation)
    Spend.objects.filter(contract__in=contracts).delete()
    Income.objects.filter(contract__in=contracts).delete()
    ProfileMonth.objects.filter(line__contract__in=contracts).delete()
    BudgetLine.objects.filter(contract__in=contracts).delete()


def _manager(organisation: Any) -> User | None:
    membership = (
        Membership.objects.filter(organisation=organisation, role=Role.SERVICE_MANAGER)
        .select_related("user")
        .order_by("user__email")
        .first()
    )
    return membership.user if membership else None


def _lines(contract: Contract) -> list[tuple[str, int]]:
    yearly = YEARLY_PENCE.get(contract.slug, DEFAULT_YEARLY_PENCE)
    extra: list[tuple[str, int]] = []
    if contract.slug == "target-hardening-2018":
        extra.append(("target_hardening", TARGET_HARDENING_ITEMS_PENCE))
        yearly -= TARGET_HARDENING_ITEMS_PENCE
    hardship = default_budget_pence(contract)
    if hardship:
        extra.append(("hardship_fund", hardship))
        yearly -= hardship
    return [(category, yearly * share // 100) for category, share in SHARES] + extra


def build_demo_finance(*, organisation: Any, seed: int, now: datetime) -> int:
    """Budgets, profiles, spend and income of every demo contract; returns the spend rows."""
    manager = _manager(organisation)
    if manager is None:
        return 0
    rng = random.Random(seed + STREAM)
    today = timezone.localdate(now)
    lines: list[BudgetLine] = []
    months: list[ProfileMonth] = []
    spend: list[Spend] = []
    income: list[Income] = []
    for contract in Contract.objects.filter(provider=organisation).order_by("slug"):
        this_year = financial_year_of(contract, today)
        for year in (this_year - 1, this_year):
            first = financial_year_first_day(contract, year)
            set_at = timezone.make_aware(datetime.combine(first, datetime.min.time()))
            year_total = 0
            for category, pence in _lines(contract):
                line = BudgetLine(
                    id=uuid.UUID(int=rng.getrandbits(128), version=4),
                    contract=contract,
                    year=year,
                    category=category,
                    amount_pence=pence,
                    set_by=manager,
                    set_at=set_at,
                )
                lines.append(line)
                year_total += pence
                profile = even_profile(pence, year_months(first))
                for month, planned in profile.items():
                    months.append(
                        ProfileMonth(
                            id=uuid.UUID(int=rng.getrandbits(128), version=4),
                            line=line,
                            month=month,
                            amount_pence=planned,
                        )
                    )
                    last = month_last_day(month)
                    if category in ("hardship_fund", "target_hardening") or last > today:
                        continue  # counted from their own apps; or the month is not over
                    spend.append(
                        Spend(
                            id=uuid.UUID(int=rng.getrandbits(128), version=4),
                            contract=contract,
                            spent_on=last,
                            category=category,
                            amount_pence=round(planned * rng.uniform(0.85, 1.15)),
                            description=DESCRIPTIONS[category],
                            transaction_ref=f"SYN-{contract.slug[:8].upper()}-{len(spend):05d}",
                            recorded_by=manager,
                        )
                    )
            for quarter in range(4):
                paid_on = year_months(first)[3 * quarter]
                if paid_on > today:
                    break
                income.append(  # seed 003 s10: a block contract paid quarterly in advance
                    Income(
                        id=uuid.UUID(int=rng.getrandbits(128), version=4),
                        contract=contract,
                        received_on=paid_on,
                        kind="contract_payment",
                        source="Commissioner's quarterly payment (synthetic)",
                        amount_pence=year_total // 4,
                        recorded_by=manager,
                    )
                )
            if rng.random() < 0.5 and first <= today:
                income.append(
                    Income(
                        id=uuid.UUID(int=rng.getrandbits(128), version=4),
                        contract=contract,
                        received_on=min(today, date(first.year, first.month, 15)),
                        kind="other",
                        source="Synthetic charitable trust grant",
                        amount_pence=rng.choice((250_000, 500_000, 1_000_000)),
                        recorded_by=manager,
                    )
                )
    BudgetLine.objects.bulk_create(lines)
    ProfileMonth.objects.bulk_create(months)
    Spend.objects.bulk_create(spend)
    Income.objects.bulk_create(income)
    return len(spend)
