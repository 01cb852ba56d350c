"""The hardship fund's writes (seed 002 s3.8): a year's budget, a grant requested on a case, its
approval or refusal by a manager who is not the requester, and its payment. Each is atomic,
audited and (for grants) on the case timeline. Approvals lock the fund, so two at once cannot
overdraw it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case
from haven.casework.rules import record_refusal
from haven.casework.services import case_event_record
from haven.contracts.models import Contract
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.hardship.models import GrantPurpose, GrantStatus, HardshipFund, HardshipGrant
from haven.hardship.money import pence_of, pounds
from haven.validators import date_problem, refuse, text_problem

DETAIL_MAX_LENGTH = 2_000
MAX_PENCE = 1_000_000_000  # £10 million: anything above is a typing slip
EARLIEST_YEAR, LATEST_YEAR = 2000, 2099
SPENT = (GrantStatus.APPROVED,)


def hardship_spec(contract: Contract) -> dict[str, object] | None:
    """The profile's `hardship_fund` block (seed 002 s3.8), or None: the contract has no fund."""
    spec = contract.profile.get("hardship_fund")
    return spec if isinstance(spec, dict) else None


def default_budget_pence(contract: Contract) -> int | None:
    spec = hardship_spec(contract)
    return pence_of(str(spec["annual_amount"])) if spec else None


def _year_start(contract: Contract) -> tuple[int, int]:
    month, day = contract.profile.get("contract_year_start", "04-01").split("-")
    return int(month), int(day)


def financial_year_of(contract: Contract, day: date) -> int:
    """The year the contract's financial year containing `day` starts in (the profile's
    `contract_year_start`, 1 April by default)."""
    return day.year if (day.month, day.day) >= _year_start(contract) else day.year - 1


def financial_year_first_day(contract: Contract, year: int) -> date:
    """The first day of the contract's financial year starting in `year`."""
    month, day = _year_start(contract)
    return date(year, month, day)


def approved_pence(fund: HardshipFund) -> int:
    total = fund.grants.filter(status__in=SPENT).aggregate(total=Sum("amount_pence"))["total"]
    return int(total or 0)


def balance_pence(fund: HardshipFund) -> int:
    """The budget less every approved grant (paid or not)."""
    return fund.budget_pence - approved_pence(fund)


def requested_summary(amount_pence: int, purpose: str) -> str:
    purpose_text = GrantPurpose(purpose).label.lower()
    return f"Hardship grant of {pounds(amount_pence)} requested: {purpose_text}"


def decided_summary(amount_pence: int, status: str) -> str:
    return f"Hardship grant of {pounds(amount_pence)} {status}"


def paid_summary(amount_pence: int) -> str:
    return f"Hardship grant of {pounds(amount_pence)} paid"


def _amount_problem(amount: Decimal | None, subject: str) -> str | None:
    if amount is None:
        return f"Enter the {subject} in pounds, for example 40 or 12.50"
    if not amount.is_finite() or amount > MAX_PENCE / 100:
        return f"The {subject} must be £10,000,000 or less"
    if amount <= 0:
        return f"The {subject} must be more than £0"
    if amount != amount.quantize(Decimal("0.01")):
        return f"The {subject} must be in pounds and pence, at most 2 decimal places"
    if pence_of(amount) > MAX_PENCE:
        return f"The {subject} must be £10,000,000 or less"
    return None


@transaction.atomic
def hardship_fund_set(
    *, contract: Contract, year: int, budget: Decimal | None, set_by: User
) -> HardshipFund:
    """Set (or change) the contract's budget for the financial year starting in `year`. Only a
    service manager of the provider; only a contract whose profile has a hardship fund; never
    below what is approved already."""
    if not set_by.has_perm("hardship.set_budget", contract):
        raise PermissionDenied
    if hardship_spec(contract) is None:
        raise ValidationError("This contract has no hardship fund")
    refuse(
        {
            "year": None
            if EARLIEST_YEAR <= year <= LATEST_YEAR
            else f"Enter a year from {EARLIEST_YEAR} to {LATEST_YEAR}",
            "budget": _amount_problem(budget, "budget"),
        }
    )
    assert budget is not None
    budget_pence = pence_of(budget)
    fund = HardshipFund.objects.select_for_update().filter(contract=contract, year=year).first()
    before = fund.budget_pence if fund else None
    if fund is not None:
        approved = approved_pence(fund)
        if budget_pence < approved:
            refuse(
                {
                    "budget": f"The budget cannot be less than the {pounds(approved)} "
                    "already approved"
                }
            )
        fund.budget_pence = budget_pence
    else:
        fund = HardshipFund(contract=contract, year=year, budget_pence=budget_pence)
    fund.set_by = set_by
    fund.set_at = timezone.now()
    fund.save()
    audit_event(
        actor=set_by,
        action=AuditAction.CREATE if before is None else AuditAction.UPDATE,
        target=fund,
        changes={
            "year": [None if before is None else year, year],
            "budget_pence": [before, budget_pence],
        },
    )
    return fund


def grant_refusal(case: Case) -> str | None:
    """Why no hardship grant may be requested on this case, or None."""
    if hardship_spec(case.contract) is None:
        return "This contract has no hardship fund"
    return record_refusal(case)


@transaction.atomic
def hardship_grant_request(
    *,
    case: Case,
    requested_by: User,
    amount: Decimal | None,
    purpose: str,
    detail: str = "",
) -> HardshipGrant:
    """A grant requested on an open case from this financial year's fund (which a service
    manager has set). "Other" needs its detail. It waits for a team leader or service manager's
    decision."""
    refusal = grant_refusal(case)
    if refusal:
        raise ValidationError(refusal)
    contract = case.contract
    year = financial_year_of(contract, timezone.localdate())
    fund = HardshipFund.objects.filter(contract=contract, year=year).first()
    if fund is None:
        raise ValidationError(
            f"No hardship fund budget is set for {year} to {year + 1}: a service manager sets it"
        )
    detail = detail.strip()
    detail_problem = text_problem(detail, subject="Detail", limit=DETAIL_MAX_LENGTH)
    if purpose == GrantPurpose.OTHER and not detail:
        detail_problem = "Enter what the grant is for"
    refuse(
        {
            "amount": _amount_problem(amount, "amount"),
            "purpose": None if purpose in GrantPurpose.values else "Select what the grant is for",
            "detail": detail_problem,
        }
    )
    assert amount is not None
    grant = HardshipGrant(
        fund=fund,
        case=case,
        amount_pence=pence_of(amount),
        purpose=purpose,
        detail=detail,
        requested_by=requested_by,
        requested_at=timezone.now(),
    )
    grant.save(force_insert=True)
    audit_event(
        actor=requested_by,
        action=AuditAction.CREATE,
        target=grant,
        changes={"amount_pence": [None, grant.amount_pence], "purpose": [None, purpose]},
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.HARDSHIP_GRANT_REQUESTED,
        actor=requested_by,
        target=grant,
        summary=requested_summary(grant.amount_pence, purpose),
        data={},
    )
    return grant


@transaction.atomic
def hardship_grant_decide(
    *, grant: HardshipGrant, decided_by: User, approve: bool, note: str = ""
) -> HardshipGrant:
    """Approve or refuse a requested grant: a team leader or service manager reaching the case
    who did not request it. An approval that would overdraw the fund is refused, with the
    balance (seed 002 s3.8: a small fund)."""
    fund = HardshipFund.objects.select_for_update().get(pk=grant.fund_id)
    grant = HardshipGrant.objects.select_for_update().select_related("case").get(pk=grant.pk)
    if not decided_by.has_perm("hardship.decide_grant", grant.case):
        raise PermissionDenied
    if grant.status != GrantStatus.REQUESTED:
        raise ValidationError("This grant has been decided already")
    if grant.requested_by_id == decided_by.pk:
        raise ValidationError("Someone other than the person who requested it decides a grant")
    note = note.strip()
    refuse({"note": text_problem(note, subject="Note", limit=DETAIL_MAX_LENGTH)})
    if approve:
        balance = balance_pence(fund)
        if grant.amount_pence > balance:
            refuse(
                {
                    "decision": f"The fund has {pounds(balance)} left for {fund.year_label}: "
                    f"a grant of {pounds(grant.amount_pence)} would overdraw it"
                }
            )
    grant.status = GrantStatus.APPROVED if approve else GrantStatus.REFUSED
    grant.decided_by = decided_by
    grant.decided_at = timezone.now()
    grant.decision_note = note
    grant.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "updated_at"])
    audit_event(
        actor=decided_by,
        action=AuditAction.UPDATE,
        target=grant,
        changes={"status": [GrantStatus.REQUESTED.value, grant.status]},
    )
    case_event_record(
        case=grant.case,
        kind=CaseEventKind.HARDSHIP_GRANT_DECIDED,
        actor=decided_by,
        target=grant,
        summary=decided_summary(grant.amount_pence, grant.status),
        data={},
    )
    return grant


@transaction.atomic
def hardship_grant_pay(*, grant: HardshipGrant, recorded_by: User, paid_on: date) -> HardshipGrant:
    """Record that an approved grant was paid on `paid_on` (not in the future, not before it was
    approved); a team leader or service manager reaching the case records it once."""
    grant = HardshipGrant.objects.select_for_update().select_related("case").get(pk=grant.pk)
    if not recorded_by.has_perm("hardship.decide_grant", grant.case):
        raise PermissionDenied
    if grant.status != GrantStatus.APPROVED:
        raise ValidationError("Only an approved grant is paid")
    if grant.paid_on is not None:
        raise ValidationError("This grant is recorded as paid already")
    assert grant.decided_at is not None
    refuse(
        {
            "paid_on": "Date paid must be today or in the past"
            if paid_on > timezone.localdate()
            else date_problem(
                paid_on, subject="Date paid", earliest=timezone.localdate(grant.decided_at)
            )
        }
    )
    grant.paid_on = paid_on
    grant.paid_recorded_by = recorded_by
    grant.save(update_fields=["paid_on", "paid_recorded_by", "updated_at"])
    audit_event(
        actor=recorded_by,
        action=AuditAction.UPDATE,
        target=grant,
        changes={"paid_on": [None, paid_on]},
    )
    case_event_record(
        case=grant.case,
        kind=CaseEventKind.HARDSHIP_GRANT_PAID,
        actor=recorded_by,
        target=grant,
        summary=paid_summary(grant.amount_pence),
        data={},
    )
    return grant
