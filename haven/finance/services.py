"""The finance writes (issue 16 item 7): a budget line with its profile of spend, income and
spend recorded by hand, and a CSV of spend from the finance system imported whole or not at all
(idempotent by transaction reference). Each checks the actor, is atomic and audited."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.contracts.models import Contract
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.finance.ledger import even_profile, year_months
from haven.finance.models import (
    BudgetLine,
    Category,
    Income,
    IncomeKind,
    ProfileMonth,
    Spend,
    SpendImport,
)
from haven.finance.spend_csv import ReadResult, RowProblem, SpendLine, read_spend_csv
from haven.hardship.money import pence_of, pounds
from haven.hardship.services import financial_year_first_day
from haven.validators import date_problem, refuse, text_problem

EARLIEST_YEAR, LATEST_YEAR = 2000, 2099
MAX_PENCE = 1_000_000_000  # £10 million: anything above is a typing slip
TEXT_LIMIT = 200


def _check(actor: User, contract: Contract) -> None:
    if not actor.has_perm("finance.record_finance", contract):
        raise PermissionDenied


def amount_problem(
    amount: Decimal | None, subject: str, *, zero: bool = False, negative: bool = False
) -> str | None:
    """What is wrong with an amount in pounds, or None. Every kind refuses more than £10m either
    way and fractions of a penny; `zero` and `negative` say whether the kind allows them."""
    if amount is None:
        return f"Enter the {subject} in pounds, for example 40 or 12.50"
    if not amount.is_finite() or abs(amount) > Decimal(MAX_PENCE) / 100:
        return (
            f"The {subject} must be between -£10,000,000 and £10,000,000"
            if negative
            else f"The {subject} must be £10,000,000 or less"
        )
    if amount == 0 and not zero:
        return f"The {subject} cannot be £0" if negative else f"The {subject} must be more than £0"
    if amount < 0 and not negative:
        return (
            f"The {subject} must be £0 or more" if zero else f"The {subject} must be more than £0"
        )
    if amount != amount.quantize(Decimal("0.01")):
        return f"The {subject} must be in pounds and pence, at most 2 decimal places"
    return None


def year_problem(year: int) -> str | None:
    if EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    return f"Enter a year from {EARLIEST_YEAR} to {LATEST_YEAR}"


@transaction.atomic
def budget_line_set(
    *, contract: Contract, year: int, category: str, amount: Decimal | None, set_by: User
) -> BudgetLine:
    """Set a category's budget for the year; its profile of spend is (re)spread evenly over the
    year's months (seed 004 s10: spend to date against the profile of spend)."""
    _check(set_by, contract)
    refuse(
        {
            "year": year_problem(year),
            "category": None if category in Category.values else "Select the category",
            # a budget is money allocated to a line: £0 (no allocation) but never below zero
            "amount": amount_problem(amount, "budget", zero=True),
        }
    )
    assert amount is not None
    pence = pence_of(amount)
    line = (
        BudgetLine.objects.select_for_update()
        .filter(contract=contract, year=year, category=category)
        .first()
    )
    before = None if line is None else line.amount_pence
    if line is None:
        line = BudgetLine(contract=contract, year=year, category=category)
    line.amount_pence, line.set_by, line.set_at = pence, set_by, timezone.now()
    line.save()
    line.profile.all().delete()
    months = year_months(financial_year_first_day(contract, year))
    ProfileMonth.objects.bulk_create(
        ProfileMonth(line=line, month=month, amount_pence=share)
        for month, share in even_profile(pence, months).items()
    )
    audit_event(
        actor=set_by,
        action=AuditAction.CREATE if before is None else AuditAction.UPDATE,
        target=line,
        changes={"amount_pence": [before, pence]},
    )
    return line


@transaction.atomic
def profile_set(*, line: BudgetLine, amounts: Mapping[date, Decimal | None], set_by: User) -> None:
    """Set the planned spend of each month of the line's year; the months must add up to the
    line's budget (seed 001 s14: the projections the actual spend is reported against)."""
    _check(set_by, line.contract)
    months = year_months(financial_year_first_day(line.contract, line.year))
    # planned spend is an allocation like the budget it shares out: £0 a month, never below
    problems = {
        f"m{n}": amount_problem(amounts.get(month), f"spend planned for {month:%B %Y}", zero=True)
        for n, month in enumerate(months)
    }
    refuse(problems)
    pence = {month: pence_of(amounts[month] or 0) for month in months}
    total = sum(pence.values())
    if total != line.amount_pence:
        raise ValidationError(
            f"The months add up to {pounds(total)}; the budget is {pounds(line.amount_pence)}"
        )
    before = dict(line.profile.values_list("month", "amount_pence"))
    line.profile.all().delete()
    ProfileMonth.objects.bulk_create(
        ProfileMonth(line=line, month=month, amount_pence=share) for month, share in pence.items()
    )
    audit_event(
        actor=set_by,
        action=AuditAction.UPDATE,
        target=line,
        changes={
            "profile": [
                {m.isoformat(): p for m, p in before.items()},
                {m.isoformat(): p for m, p in pence.items()},
            ]
        },
    )


def _day_problem(day: date | None, subject: str) -> str | None:
    if day is None:
        return f"Enter the {subject.lower()}"
    return date_problem(day, subject=subject, latest=timezone.localdate())


@transaction.atomic
def income_record(
    *,
    contract: Contract,
    received_on: date | None,
    kind: str,
    source: str,
    amount: Decimal | None,
    recorded_by: User,
) -> Income:
    """Income received for the contract: a contract payment or other income, with its source."""
    _check(recorded_by, contract)
    source = source.strip()
    refuse(
        {
            "received_on": _day_problem(received_on, "Date received"),
            "kind": None if kind in IncomeKind.values else "Select the kind of income",
            "source": "Enter where the money came from"
            if not source
            else text_problem(source, subject="The source", limit=TEXT_LIMIT),
            # money received is never below zero: money paid back to a commissioner is not
            # income received (record it as spend), and a zero payment is a slip
            "amount": amount_problem(amount, "amount"),
        }
    )
    assert amount is not None
    assert received_on is not None
    income = Income.objects.create(
        contract=contract,
        received_on=received_on,
        kind=kind,
        source=source,
        amount_pence=pence_of(amount),
        recorded_by=recorded_by,
    )
    audit_event(actor=recorded_by, action=AuditAction.CREATE, target=income)
    return income


@transaction.atomic
def spend_record(
    *,
    contract: Contract,
    spent_on: date | None,
    category: str,
    description: str,
    amount: Decimal | None,
    recorded_by: User,
    supplier: str = "",
) -> Spend:
    """Spend recorded by hand on one category (no transaction reference); a refund or credit
    note is a negative amount."""
    _check(recorded_by, contract)
    description, supplier = description.strip(), supplier.strip()
    refuse(
        {
            "spent_on": _day_problem(spent_on, "Date spent"),
            "category": None if category in Category.values else "Select the category",
            "description": "Enter what the money was spent on"
            if not description
            else text_problem(description, subject="The description", limit=TEXT_LIMIT),
            "supplier": text_problem(supplier, subject="The supplier", limit=TEXT_LIMIT),
            # a refund or credit note is spend below zero: it nets off the line's actual. A zero
            # amount moves nothing and is a slip.
            "amount": amount_problem(amount, "amount", negative=True),
        }
    )
    assert amount is not None
    assert spent_on is not None
    spend = Spend.objects.create(
        contract=contract,
        spent_on=spent_on,
        category=category,
        amount_pence=pence_of(amount),
        description=description,
        supplier=supplier,
        recorded_by=recorded_by,
    )
    audit_event(actor=recorded_by, action=AuditAction.CREATE, target=spend)
    return spend


@dataclass(frozen=True)
class ImportCheck:
    """What importing a file would do: the rows to add, the references already imported
    (skipped: importing the same file twice adds nothing) and the problems (nothing is saved
    while there is any)."""

    new: tuple[SpendLine, ...]
    already_imported: tuple[SpendLine, ...]
    problems: tuple[RowProblem, ...]


def spend_import_check(*, contract: Contract, content: bytes) -> ImportCheck:
    """Read the file and compare it with the spend already imported (the preview)."""
    read: ReadResult = read_spend_csv(
        content, categories=dict(Category.choices), today=timezone.localdate()
    )
    refs = [line.transaction_ref for line in read.lines]
    known = set(
        Spend.objects.filter(contract=contract, transaction_ref__in=refs).values_list(
            "transaction_ref", flat=True
        )
    )
    return ImportCheck(
        new=tuple(line for line in read.lines if line.transaction_ref not in known),
        already_imported=tuple(line for line in read.lines if line.transaction_ref in known),
        problems=read.problems,
    )


@transaction.atomic
def spend_import(
    *, contract: Contract, file_name: str, content: bytes, imported_by: User
) -> SpendImport:
    """Import a finance system CSV: every row or none. Refused (a ValidationError naming each
    row, field and reason) when any row is bad; rows whose transaction reference is already
    imported are skipped."""
    _check(imported_by, contract)
    # one import of a contract at a time: the same file sent twice at once adds its rows once
    Contract.objects.select_for_update().filter(pk=contract.pk).first()
    check = spend_import_check(contract=contract, content=content)
    if check.problems:
        raise ValidationError(
            [f"Row {p.row}, {p.field}: {p.reason}" for p in check.problems], code="rows"
        )
    run = SpendImport.objects.create(
        contract=contract,
        file_name=file_name[:255],
        imported_by=imported_by,
        rows_added=len(check.new),
        rows_already_imported=len(check.already_imported),
    )
    Spend.objects.bulk_create(
        Spend(
            contract=contract,
            spent_on=line.spent_on,
            category=line.category,
            amount_pence=line.amount_pence,
            description=line.description,
            supplier=line.supplier,
            transaction_ref=line.transaction_ref,
            spend_import=run,
            recorded_by=imported_by,
        )
        for line in check.new
    )
    audit_event(
        actor=imported_by,
        action=AuditAction.IMPORT,
        target=run,
        changes={"rows_added": [None, run.rows_added]},
    )
    return run
